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

/**
 * The prototype scopes a finding shaped, as titled links. Like sources, a name that matches no
 * scope stops the build.
 */
export async function findingPrototypes(findingId: string, finding: Finding): Promise<Source[]> {
  const scopes = new Map((await getCollection('prototypes')).map((p) => [p.id, p.data.title]));
  return finding.prototypes.map((id) => {
    const title = scopes.get(id);
    if (!title) {
      throw new Error(
        `content/findings/${findingId}.md: prototypes names "${id}", but there is no content/prototypes/${id}.md.`,
      );
    }
    return { title, href: `/prototypes/${id}/` };
  });
}

/** The findings that shaped a prototype scope, newest first, with what people said and we did. */
export async function findingsForPrototype(prototypeId: string) {
  return (await getCollection('findings'))
    .filter((f) => f.data.prototypes.includes(prototypeId))
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime())
    .map((f) => ({
      title: f.data.title,
      href: `/findings/${f.id}/`,
      youSaidWeDid: f.data.youSaidWeDid,
    }));
}
