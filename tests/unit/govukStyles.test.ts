import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from 'sass';
import { describe, expect, it } from 'vitest';

// site.scss includes only the parts of GOV.UK Frontend the site uses. A class named in the
// markup that the whole GOV.UK Frontend bundle styles must be styled by ours too, or a page
// would change; and the stylesheet must stay well under the whole bundle.
const root = path.resolve(import.meta.dirname, '../..');
const govuk = path.join(root, 'node_modules/govuk-frontend/dist/govuk');

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(astro|tsx?|js|md|mdx|html|ya?ml)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const markup = ['src', 'content', 'public']
  .flatMap(filesUnder)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
/** Class names as written, with QuestionField's govuk-${kind} for both radios and checkboxes. */
const classes = [
  ...new Set(
    [
      ...markup
        .replaceAll('govuk-${kind}', 'govuk-radios govuk-checkboxes')
        .matchAll(/govuk-[a-z0-9!-]+(?:__[a-z0-9-]+)?(?:--[a-z0-9-]+)?/g),
    ].map((m) => m[0].replace(/-$/, '')),
  ),
];

const selectorFor = (name: string) =>
  new RegExp(`\\.${name.replaceAll('!', '\\\\!')}(?![a-zA-Z0-9_-])`);
const bundle = readFileSync(path.join(govuk, 'govuk-frontend.min.css'), 'utf8');
const ours = compile(path.join(root, 'src/styles/site.scss'), {
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin'],
}).css;

describe("the site's GOV.UK Frontend styles", () => {
  const styledByBundle = classes.filter((name) => selectorFor(name).test(bundle));

  it('finds the GOV.UK classes the pages use', () => {
    expect(styledByBundle).toEqual(
      expect.arrayContaining(['govuk-button', 'govuk-radios__input', 'govuk-!-margin-bottom-1']),
    );
  });

  it.each(styledByBundle)('styles %s as the whole bundle does', (name) => {
    expect(ours).toMatch(selectorFor(name));
  });

  it('leaves out what the site does not use', () => {
    expect(ours).not.toMatch(selectorFor('govuk-accordion'));
    expect(ours).not.toMatch(selectorFor('govuk-!-padding-top-9'));
    expect(ours.length).toBeLessThan(bundle.length * 0.75);
  });
});
