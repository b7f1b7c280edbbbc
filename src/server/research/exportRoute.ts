import type { APIContext } from 'astro';
import { getEntry } from 'astro:content';
import type { Journey, Prototype, Survey } from '../../schemas/index.ts';
import { ukDay } from '../activityDates.ts';
import { downloadHeaders } from './exports.ts';
import { audit, notFound, requireResearcher, researchDb } from './routeHelpers.ts';
import type { DatabaseSync } from 'node:sqlite';

/** What each kind of activity is, by its content collection, and the word the audit log uses. */
type Activities = { surveys: Survey; journeys: Journey; prototypes: Prototype };
const AUDIT_WORD = { surveys: 'survey', journeys: 'journey', prototypes: 'prototype' } as const;

type Body<C extends keyof Activities> = (
  db: DatabaseSync,
  slug: string,
  activity: Activities[C],
  today: string,
) => BodyInit;

/** The signed-in researcher (G23) and the survey a download is of, or the response refusing it. */
export async function surveyDownload(context: APIContext) {
  const researcher = requireResearcher(context.locals);
  if (researcher instanceof Response) return researcher;
  const slug = context.params.slug ?? '';
  const entry = await getEntry('surveys', slug);
  if (!entry) return notFound();
  return { researcher, slug, survey: entry.data };
}

/**
 * A download of one activity's data, named `<slug>-<name>-<day>.<extension>`: checked for a
 * researcher on every request (G23), audited, never cached and always saved as a file. The one
 * factory for every export of surveys, journeys and prototype scopes.
 */
export function activityDownload<C extends keyof Activities>(
  collection: C,
  name: string,
  contentType: string,
  extension: string,
  body: Body<C>,
) {
  return async (context: APIContext): Promise<Response> => {
    const researcher = requireResearcher(context.locals);
    if (researcher instanceof Response) return researcher;
    const slug = context.params.slug ?? '';
    const entry = await getEntry(collection, slug);
    if (!entry) return notFound();
    const today = ukDay(new Date());
    audit(
      researcher,
      'export-downloaded',
      `${AUDIT_WORD[collection]} ${slug}, ${name}.${extension}`,
    );
    return new Response(body(researchDb(), slug, entry.data as Activities[C], today), {
      headers: downloadHeaders(contentType, `${slug}-${name}-${today}.${extension}`),
    });
  };
}

/** A download of one survey's data (activityDownload). */
export const exportRoute = (
  name: string,
  contentType: string,
  extension: string,
  body: Body<'surveys'>,
) => activityDownload('surveys', name, contentType, extension, body);
