/** One schema a collection. `content.config.ts` and the CMS configuration both read these. */
export { surveySchema, type Survey, type Question } from './survey.ts';
export { journeySchema, type Journey } from './journey.ts';
export { prototypeSchema, type Prototype } from './prototype.ts';
export { findingSchema, type Finding } from './finding.ts';
export { pageSchema, type Page } from './page.ts';
export { settingsSchema, type Settings } from './settings.ts';
export { updateSchema, type Update } from './update.ts';

import { findingSchema } from './finding.ts';
import { journeySchema } from './journey.ts';
import { pageSchema } from './page.ts';
import { prototypeSchema } from './prototype.ts';
import { settingsSchema } from './settings.ts';
import { surveySchema } from './survey.ts';
import { updateSchema } from './update.ts';

/** Each collection's schema by its name (the editor's collection names are the same). */
export const CONTENT_SCHEMAS = {
  findings: findingSchema,
  prototypes: prototypeSchema,
  surveys: surveySchema,
  journeys: journeySchema,
  pages: pageSchema,
  settings: settingsSchema,
  updates: updateSchema,
} as const;
