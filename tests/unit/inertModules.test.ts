import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13, item 11: participant pages do not load GOV.UK Frontend's JavaScript (the site's own
 * small scripts do the work: src/client/errorSummary.ts, src/client/exitThisPage.ts), so a
 * `data-module="govuk-…"` there would be an attribute nothing reads. The researcher workspace
 * (src/pages/research, src/layouts/Workspace.astro) is left out: it is another part of the site.
 */
const PARTICIPANT_SOURCES = [
  'src/components',
  'src/islands',
  'src/layouts/Base.astro',
  'src/pages',
];

function files(entry: string): string[] {
  if (!readdirSync(path.dirname(entry)).includes(path.basename(entry))) return [];
  if (/\.(astro|tsx|ts)$/.test(entry)) return [entry];
  return readdirSync(entry, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(entry, item.name);
    if (/^src\/pages\/(research|admin)/.test(full) || /^src\/components\/research/.test(full))
      return [];
    return item.isDirectory() ? files(full) : /\.(astro|tsx|ts)$/.test(item.name) ? [full] : [];
  });
}

describe('participant pages', () => {
  it('carry no data-module attribute for GOV.UK Frontend JavaScript they never load', () => {
    const sources = PARTICIPANT_SOURCES.flatMap(files);
    expect(sources.length).toBeGreaterThan(20);
    const inert = sources.filter((file) => /data-module="govuk-/.test(readFileSync(file, 'utf8')));
    expect(inert).toEqual([]);
  });
});
