import { getEntry } from 'astro:content';
import { choiceOptions } from '../../forms/choiceOptions.ts';
import { ROLES } from '../../forms/feedback.ts';
import { surveyQuestions } from '../../forms/questions.ts';
import {
  browseFromQuery,
  type BrowsedKind,
  type BrowsedPage,
  type ParsedBrowserQuery,
} from './responseBrowser.ts';
import { notFound, researcherPage, researchDb, seeOther } from './routeHelpers.ts';

export type RoleOption = { value: string; label: string };

/** What the response browser's pages say and link to for one activity. */
export interface BrowsedActivity {
  kind: BrowsedKind;
  slug: string;
  title: string;
  /** The activity's results page. */
  results: string;
  /** The list's address; one response is at `${list}${number}/`. */
  list: string;
  /** "Responses", "Journey maps", "All feedback". */
  heading: string;
  /** What one is called in a link or heading ("Response", "Map", "Comment"), then the plural. */
  noun: string;
  plural: string;
  /**
   * The roles the list can filter by: a survey's question with the id `role` (none when it asks
   * no such question), a journey's participant roles, the roles the feedback form offers. These
   * values are the only ones parseBrowserQuery accepts.
   */
  roles: RoleOption[];
}

const pick = ({ value, label }: RoleOption) => ({ value, label });

/** The activity of this kind and slug, or undefined when the site has none. */
export async function browsedActivity(
  kind: BrowsedKind,
  slug: string,
): Promise<BrowsedActivity | undefined> {
  if (kind === 'survey') {
    const entry = await getEntry('surveys', slug);
    if (!entry) return undefined;
    const question = surveyQuestions(entry.data).find((q) => q.id === 'role');
    const options = question ? choiceOptions(question) : { options: [], exclusive: [] };
    return {
      kind,
      slug,
      title: entry.data.title,
      results: `/research/surveys/${slug}/`,
      list: `/research/surveys/${slug}/responses/`,
      heading: 'Responses',
      noun: 'Response',
      plural: 'responses',
      roles: [...options.options, ...options.exclusive].map(pick),
    };
  }
  if (kind === 'journey') {
    const entry = await getEntry('journeys', slug);
    if (!entry) return undefined;
    return {
      kind,
      slug,
      title: entry.data.title,
      results: `/research/journeys/${slug}/`,
      list: `/research/journeys/${slug}/maps/`,
      heading: 'Journey maps',
      noun: 'Map',
      plural: 'maps',
      roles: entry.data.participantRoles.map(pick),
    };
  }
  const entry = await getEntry('prototypes', slug);
  if (!entry) return undefined;
  return {
    kind,
    slug,
    title: entry.data.title,
    results: `/research/prototypes/${slug}/`,
    list: `/research/prototypes/${slug}/feedback/`,
    heading: 'All feedback',
    noun: 'Comment',
    plural: 'pieces of feedback',
    roles: ROLES.map(pick),
  };
}

/**
 * What the three list pages (…/responses/, …/maps/, …/feedback/) decide before they render: the
 * signed-in check, the activity, `?id=` links sent on to a numbered address, and 400 for filters
 * that do not parse. A Response to return as it is, or the ResponseBrowser's props.
 */
export async function browseListPage(
  astro: {
    locals: App.Locals;
    params: { slug?: string };
    url: URL;
    response: { headers: Headers; status?: number };
  },
  kind: BrowsedKind,
): Promise<
  Response | { activity: BrowsedActivity; parsed: ParsedBrowserQuery; found?: BrowsedPage }
> {
  const researcher = researcherPage(astro);
  if (researcher instanceof Response) return researcher;
  const activity = await browsedActivity(kind, astro.params.slug ?? '');
  if (!activity) return notFound();
  const browsed = browseFromQuery(
    researchDb(),
    activity.kind,
    activity.slug,
    astro.url.searchParams,
    activity.roles.map((r) => r.value),
  );
  if (browsed.redirectTo === null) return notFound();
  if (browsed.redirectTo !== undefined) return seeOther(`${activity.list}${browsed.redirectTo}/`);
  if (!browsed.parsed.ok) astro.response.status = 400;
  return { activity, parsed: browsed.parsed, found: browsed.found };
}
