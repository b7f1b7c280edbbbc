import { getCollection } from 'astro:content';
import type { Finding } from '../schemas/index.ts';

export interface Source {
  title: string;
  href: string;
}

/**
 * Resolves the surveys and journey activities a finding draws on into titled links. A name that
 * matches no file stops the build: a finding must trace back to real research, and the CMS
 * only offers existing ones, so this catches hand edits and deleted activities.
 */
export async function findingSources(findingId: string, finding: Finding): Promise<Source[]> {
  const surveys = new Map((await getCollection('surveys')).map((s) => [s.id, s.data.title]));
  const journeys = new Map((await getCollection('journeys')).map((j) => [j.id, j.data.title]));
  const resolve = (kind: 'surveys' | 'journeys', titles: Map<string, string>) =>
    finding[kind].map((id) => {
      const title = titles.get(id);
      if (!title) {
        throw new Error(
          `content/findings/${findingId}.md: ${kind} names "${id}", but there is no content/${kind}/${id}.yml.`,
        );
      }
      return { title, href: `/${kind}/${id}/` };
    });
  return [...resolve('surveys', surveys), ...resolve('journeys', journeys)];
}
