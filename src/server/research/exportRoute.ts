import type { APIContext } from 'astro';
import { getEntry } from 'astro:content';
import type { Survey } from '../../schemas/index.ts';
import { ukDay } from '../activityDates.ts';
import { downloadHeaders } from './exports.ts';
import { audit, notFound, requireResearcher, researchDb } from './routeHelpers.ts';
import type { DatabaseSync } from 'node:sqlite';

type Body = (db: DatabaseSync, slug: string, survey: Survey, today: string) => BodyInit;

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
 * A download of one survey's data: checked for a researcher on every request (G23), audited,
 * never cached and always saved as a file.
 */
export function exportRoute(kind: string, contentType: string, extension: string, body: Body) {
  return async (context: APIContext): Promise<Response> => {
    const found = await surveyDownload(context);
    if (found instanceof Response) return found;
    const { researcher, slug, survey } = found;
    const today = ukDay(new Date());
    audit(researcher, 'export-downloaded', `survey ${slug}, ${kind}.${extension}`);
    return new Response(body(researchDb(), slug, survey, today), {
      headers: downloadHeaders(contentType, `${slug}-${kind}-${today}.${extension}`),
    });
  };
}
