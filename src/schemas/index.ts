/** One schema a collection. `content.config.ts` and the CMS configuration both read these. */
export { surveySchema, type Survey, type Question } from './survey.ts';
export { journeySchema, type Journey } from './journey.ts';
export { prototypeSchema, type Prototype } from './prototype.ts';
export { findingSchema, type Finding } from './finding.ts';
export { pageSchema, type Page } from './page.ts';
export { settingsSchema, type Settings } from './settings.ts';
export { updateSchema, type Update } from './update.ts';
