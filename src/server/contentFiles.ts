import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { surveySchema } from '../schemas/survey.ts';
import { journeySchema } from '../schemas/journey.ts';
import { prototypeSchema } from '../schemas/prototype.ts';
import { settingsSchema } from '../schemas/settings.ts';
import type { Journey, Prototype, Settings, Survey } from '../schemas/index.ts';

const CONTENT = path.resolve(import.meta.dirname, '../../content');

/**
 * Each content file of a folder (by its ending), parsed with the schema the build uses, without
 * Astro, for scripts that run beside the server (the purge, results read ahead). A file that
 * does not parse stops with its name, saying it is not a valid `what`: a retention job must not
 * guess. Markdown files are read by their front matter.
 */
function readContentFolder<T>(
  folder: string,
  ending: RegExp,
  schema: {
    safeParse(data: unknown): { success: true; data: T } | { success: false; error: Error };
  },
  what: string,
): { slug: string; data: T }[] {
  return readdirSync(folder)
    .filter((name) => ending.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      const yaml = name.endsWith('.md')
        ? (/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '')
        : text;
      const result = schema.safeParse(parse(yaml));
      if (!result.success) {
        const file = `content/${path.basename(folder)}/${name}`;
        throw new Error(`${file} is not a valid ${what}: ${result.error.message}`);
      }
      return { slug: name.replace(ending, ''), data: result.data };
    });
}

/** content/surveys/*.yml. */
export function readSurveyFiles(
  folder = path.join(CONTENT, 'surveys'),
): { slug: string; survey: Survey }[] {
  return readContentFolder(folder, /\.ya?ml$/, surveySchema, 'survey').map(({ slug, data }) => ({
    slug,
    survey: data,
  }));
}

/** content/journeys/*.yml, for the purge: journey maps are kept by the same retention rules. */
export function readJourneyFiles(
  folder = path.join(CONTENT, 'journeys'),
): { slug: string; survey: Journey; kind: 'journey' }[] {
  return readContentFolder(folder, /\.ya?ml$/, journeySchema, 'journey activity').map(
    ({ slug, data }) => ({ slug, survey: data, kind: 'journey' as const }),
  );
}

/** Every activity whose answers the purge looks after. */
export function readActivityFiles() {
  return [...readSurveyFiles(), ...readJourneyFiles()];
}

/** content/prototypes/*.md front matter, for the purge of feedback past its retention. */
export function readPrototypeFiles(
  folder = path.join(CONTENT, 'prototypes'),
): { slug: string; prototype: Prototype }[] {
  return readContentFolder(folder, /\.md$/, prototypeSchema, 'prototype scope').map(
    ({ slug, data }) => ({ slug, prototype: data }),
  );
}

/** content/settings/site.yml, read with the schema the build uses. */
export function readSettingsFile(file = path.join(CONTENT, 'settings', 'site.yml')): Settings {
  const result = settingsSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    throw new Error(`content/settings/site.yml is not valid: ${result.error.message}`);
  }
  return result.data;
}
