/**
 * Where each collection's files live, relative to the project root. The content loaders and the
 * CMS configuration both read this, so the site and the editor always agree on paths.
 */
export const CONTENT_FOLDERS = {
  surveys: './content/surveys',
  journeys: './content/journeys',
  prototypes: './content/prototypes',
  findings: './content/findings',
  updates: './content/updates',
  pages: './content/pages',
  settings: './content/settings',
} as const;

export type CollectionName = keyof typeof CONTENT_FOLDERS;
