import type { CmsField } from 'decap-cms-core';
import { describe, expect, it } from 'vitest';
import { collections } from '../../admin/collections.ts';
import { editorConfig } from '../../admin/config.ts';
import { CONTENT_FOLDERS } from '../../src/lib/contentFolders.ts';
import { CONTENT_SCHEMAS as schemas } from '../../src/schemas/index.ts';
import { cmsObject, collectionFields, compare, zodShape } from '../helpers/contentModelDrift.ts';

/** Markdown collections keep their body outside the front matter the schema checks. */
const MARKDOWN = new Set(['findings', 'prototypes', 'pages', 'updates']);

function drift(name: keyof typeof schemas, fields: CmsField[]) {
  const withoutBody = MARKDOWN.has(name) ? fields.filter((f) => f.name !== 'body') : fields;
  return compare(zodShape(schemas[name]), cmsObject(withoutBody as never));
}

const byName = (name: string) => collections.find((c) => c.name === name)!;
const clone = <T>(value: T): T => structuredClone(value);

describe('the CMS and the content schemas', () => {
  it('cover the same collections', () => {
    expect(collections.map((c) => c.name).sort()).toEqual(Object.keys(schemas).sort());
  });

  for (const name of Object.keys(schemas) as (keyof typeof schemas)[]) {
    it(`agree on every field of ${name}`, () => {
      expect(drift(name, collectionFields(byName(name)))).toEqual([]);
    });
  }

  it('write where the site reads', () => {
    for (const collection of collections) {
      const folder = CONTENT_FOLDERS[collection.name as keyof typeof CONTENT_FOLDERS].slice(2);
      const where = collection.folder ?? collection.files?.[0].file;
      expect(where?.startsWith(folder), `${collection.name} writes to ${where}`).toBe(true);
    }
  });

  it('give markdown collections a body and a markdown file format', () => {
    for (const name of MARKDOWN) {
      const collection = byName(name);
      expect(collection.format).toBe('frontmatter');
      expect(
        collectionFields(collection).some((f) => f.name === 'body' && f.widget === 'markdown'),
      ).toBe(true);
    }
  });
});

describe('the drift check itself notices', () => {
  it('a field in the schema that the CMS lacks', () => {
    const fields = clone(collectionFields(byName('findings'))).filter((f) => f.name !== 'summary');
    expect(drift('findings', fields)).toEqual([
      'summary: in the content schema but not in the CMS',
    ]);
  });

  it('a field in the CMS that the schema lacks', () => {
    const fields = [
      ...clone(collectionFields(byName('pages'))),
      { name: 'colour', label: 'Colour', widget: 'string' } as CmsField,
    ];
    expect(drift('pages', fields)).toEqual(['colour: in the CMS but not in the content schema']);
  });

  it('a required field made optional in the CMS', () => {
    const fields = clone(collectionFields(byName('prototypes'))).map((f) =>
      f.name === 'problem' ? { ...f, required: false } : f,
    );
    expect(drift('prototypes', fields)).toEqual([
      'problem: required in the content schema but optional in the CMS',
    ]);
  });

  it('a select whose options differ', () => {
    const fields = clone(collectionFields(byName('prototypes'))).map((f) =>
      f.name === 'status' ? ({ ...f, options: ['idea', 'prototype', 'live'] } as CmsField) : f,
    );
    expect(drift('prototypes', fields)).toEqual([
      'status: the schema allows idea, pilot, prototype; the CMS offers idea, live, prototype',
    ]);
  });

  it('a question type missing from the CMS, and a field missing inside a type', () => {
    const fields = clone(collectionFields(byName('surveys')));
    const questions = fields.find((f) => f.name === 'questions') as CmsField & {
      types: { name: string; fields: CmsField[] }[];
    };
    questions.types = questions.types.filter((t) => t.name !== 'date');
    const rating = questions.types.find((t) => t.name === 'rating')!;
    rating.fields = rating.fields.filter((f) => f.name !== 'maxLabel');
    expect(drift('surveys', fields)).toEqual([
      'questions[]<rating>.maxLabel: in the content schema but not in the CMS',
      'questions[]: type "date" is in the schema, not the CMS',
    ]);
  });
});

describe('the editor configuration', () => {
  it('is built from settings, with the editorial workflow and no config file', () => {
    const config = editorConfig({
      PUBLIC_DECAP_BACKEND: 'gitlab',
      PUBLIC_DECAP_REPO: 'team/site',
      PUBLIC_DECAP_APP_ID: 'abc',
    });
    expect(config).toMatchObject({
      load_config_file: false,
      publish_mode: 'editorial_workflow',
      media_folder: 'public/uploads',
      public_folder: '/uploads',
      backend: {
        name: 'gitlab',
        repo: 'team/site',
        branch: 'main',
        app_id: 'abc',
        auth_type: 'pkce',
      },
    });
  });

  it('refuses a backend it does not support, saying which it does', () => {
    expect(() => editorConfig({ PUBLIC_DECAP_BACKEND: 'dropbox' })).toThrow(
      'PUBLIC_DECAP_BACKEND is "dropbox"; use one of github, gitlab, gitea.',
    );
  });
});
