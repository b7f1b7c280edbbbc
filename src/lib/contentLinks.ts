/** A titled link to another page of the site. */
export interface Source {
  title: string;
  href: string;
}

/** The collections a finding or an update may point to, and the file each name stands for. */
const FILES = {
  surveys: (id: string) => `content/surveys/${id}.yml`,
  journeys: (id: string) => `content/journeys/${id}.yml`,
  prototypes: (id: string) => `content/prototypes/${id}.md`,
  findings: (id: string) => `content/findings/${id}.md`,
} as const;

export type LinkedCollection = keyof typeof FILES;

/**
 * Names of `kind` entries as titled links, given every entry's title. A name that matches no
 * entry stops the build, naming `owner` (the file that holds it): the CMS only offers existing
 * entries, so this catches hand edits and deleted entries.
 */
export function resolveLinks(
  owner: string,
  kind: LinkedCollection,
  ids: readonly string[],
  titles: ReadonlyMap<string, string>,
): Source[] {
  return ids.map((id) => {
    const title = titles.get(id);
    if (!title) {
      throw new Error(`${owner}: ${kind} names "${id}", but there is no ${FILES[kind](id)}.`);
    }
    return { title, href: `/${kind}/${id}/` };
  });
}
