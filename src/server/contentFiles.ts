import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { surveySchema } from '../schemas/survey.ts';
import { journeySchema } from '../schemas/journey.ts';
import { prototypeSchema } from '../schemas/prototype.ts';
import { settingsSchema } from '../schemas/settings.ts';
import type { Journey, Prototype, Settings, Survey } from '../schemas/index.ts';

/**
 * Reads content/surveys/*.yml with the same schema the build uses, without Astro, for scripts
 * that run beside the server (the purge). A file that does not parse stops with its name: a
 * retention job must not guess.
 */
export function readSurveyFiles(
  folder = path.resolve(import.meta.dirname, '../../content/surveys'),
): { slug: string; survey: Survey }[] {
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const result = surveySchema.safeParse(parse(readFileSync(path.join(folder, name), 'utf8')));
      if (!result.success) {
        throw new Error(`content/surveys/${name} is not a valid survey: ${result.error.message}`);
      }
      return { slug: name.replace(/\.ya?ml$/, ''), survey: result.data };
    });
}

/** content/journeys/*.yml, for the purge: journey maps are kept by the same retention rules. */
export function readJourneyFiles(
  folder = path.resolve(import.meta.dirname, '../../content/journeys'),
): { slug: string; survey: Journey; kind: 'journey' }[] {
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const result = journeySchema.safeParse(parse(readFileSync(path.join(folder, name), 'utf8')));
      if (!result.success) {
        throw new Error(
          `content/journeys/${name} is not a valid journey activity: ${result.error.message}`,
        );
      }
      return { slug: name.replace(/\.ya?ml$/, ''), survey: result.data, kind: 'journey' as const };
    });
}

/** Every activity whose answers the purge looks after. */
export function readActivityFiles() {
  return [...readSurveyFiles(), ...readJourneyFiles()];
}

/** content/prototypes/*.md front matter, for the purge of feedback past its retention. */
export function readPrototypeFiles(
  folder = path.resolve(import.meta.dirname, '../../content/prototypes'),
): { slug: string; prototype: Prototype }[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
      const result = prototypeSchema.safeParse(parse(frontMatter));
      if (!result.success) {
        throw new Error(
          `content/prototypes/${name} is not a valid prototype scope: ${result.error.message}`,
        );
      }
      return { slug: name.replace(/\.md$/, ''), prototype: result.data };
    });
}

/** content/settings/site.yml, read with the schema the build uses. */
export function readSettingsFile(
  file = path.resolve(import.meta.dirname, '../../content/settings/site.yml'),
): Settings {
  const result = settingsSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    throw new Error(`content/settings/site.yml is not valid: ${result.error.message}`);
  }
  return result.data;
}
