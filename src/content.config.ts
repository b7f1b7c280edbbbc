import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import {
  findingSchema,
  journeySchema,
  pageSchema,
  prototypeSchema,
  settingsSchema,
  surveySchema,
  updateSchema,
} from './schemas/index.ts';
import { imagesWithoutAlt } from './schemas/markdownImages.ts';
import { CONTENT_FOLDERS } from './lib/contentFolders.ts';

// Content lives in the top-level content/ folder, where Decap CMS writes it.
const data = (folder: string) => glob({ base: folder, pattern: '*.{yml,yaml}' });

/**
 * Markdown files, whose bodies the schemas do not see: an image without alternative text in any
 * body stops the build, naming the file (the editor runs the same check before saving).
 */
function markdown(folder: string): Loader {
  const files = glob({ base: folder, pattern: '*.md' });
  return {
    name: 'markdown-with-alt-text',
    async load(context) {
      await files.load(context);
      const problems = [...context.store.values()].flatMap((entry) =>
        imagesWithoutAlt(entry.body ?? '').map((problem) => `${entry.filePath}: ${problem}`),
      );
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  };
}

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
