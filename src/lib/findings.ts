import { getCollection } from 'astro:content';
import type { Finding } from '../schemas/index.ts';
import type { Source } from './contentLinks.ts';
import { titledLinks } from './titledLinks.ts';

export type { Source } from './contentLinks.ts';

/** The surveys and journey activities a finding draws on, as titled links (contentLinks.ts). */
export async function findingSources(findingId: string, finding: Finding): Promise<Source[]> {
  const owner = `content/findings/${findingId}.md`;
  return [
    ...(await titledLinks(owner, 'surveys', finding.surveys)),
    ...(await titledLinks(owner, 'journeys', finding.journeys)),
  ];
}

/** The prototype scopes a finding shaped, as titled links; like sources, unknown names stop the build. */
export function findingPrototypes(findingId: string, finding: Finding): Promise<Source[]> {
  return titledLinks(`content/findings/${findingId}.md`, 'prototypes', finding.prototypes);
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
