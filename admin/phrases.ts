import type { CMS as DecapCms } from 'decap-cms-core';

/**
 * Decap's English words where they read wrong for this team: its workflow page offers a
 * "New Post" (these are findings, surveys and pages), and a refused save reads "Failed to
 * persist entry: Error: …" before our own explanation (admin/entryProblems.ts).
 */
export const PHRASE_CHANGES = {
  workflow: { workflow: { newPost: 'New entry' } },
  ui: {
    toast: {
      onFailToPersist: '%{details}',
      onFailToPublishEntry: 'Not published. %{details}',
    },
  },
};

type Phrases = { [key: string]: string | Phrases };

export function withPhraseChanges(phrases: Phrases, changes: Phrases): Phrases {
  const merged: Phrases = { ...phrases };
  for (const [key, value] of Object.entries(changes)) {
    const current = merged[key];
    merged[key] =
      typeof value === 'string' || typeof current !== 'object'
        ? value
        : withPhraseChanges(current, value);
  }
  return merged;
}

export function registerPhrases(cms: DecapCms) {
  const english = cms.getLocale('en') as unknown as Phrases | undefined;
  if (english) cms.registerLocale('en', withPhraseChanges(english, PHRASE_CHANGES) as never);
}
