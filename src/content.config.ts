import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  findingSchema,
  journeySchema,
  pageSchema,
  prototypeSchema,
  settingsSchema,
  surveySchema,
  updateSchema,
} from './schemas/index.ts';
import { CONTENT_FOLDERS } from './lib/contentFolders.ts';

// Content lives in the top-level content/ folder, where Decap CMS writes it.
const data = (folder: string) => glob({ base: folder, pattern: '*.{yml,yaml}' });
const markdown = (folder: string) => glob({ base: folder, pattern: '*.md' });

export const collections = {
  surveys: defineCollection({ loader: data(CONTENT_FOLDERS.surveys), schema: surveySchema }),
  journeys: defineCollection({ loader: data(CONTENT_FOLDERS.journeys), schema: journeySchema }),
  prototypes: defineCollection({
    loader: markdown(CONTENT_FOLDERS.prototypes),
    schema: prototypeSchema,
  }),
  findings: defineCollection({ loader: markdown(CONTENT_FOLDERS.findings), schema: findingSchema }),
  updates: defineCollection({ loader: markdown(CONTENT_FOLDERS.updates), schema: updateSchema }),
  pages: defineCollection({ loader: markdown(CONTENT_FOLDERS.pages), schema: pageSchema }),
  settings: defineCollection({ loader: data(CONTENT_FOLDERS.settings), schema: settingsSchema }),
};
