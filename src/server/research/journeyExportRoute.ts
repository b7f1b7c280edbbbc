import type { DatabaseSync } from 'node:sqlite';
import type { APIContext } from 'astro';
import { getEntry } from 'astro:content';
import type { Journey } from '../../schemas/index.ts';
import { ukDay } from '../activityDates.ts';
import { downloadHeaders } from './exports.ts';
import { audit, notFound, requireResearcher, researchDb } from './routeHelpers.ts';

type Body = (db: DatabaseSync, slug: string, journey: Journey, today: string) => BodyInit;

/**
 * A download of one journey activity's maps (`name` "stages") or coded passages ("excerpts"):
 * researcher only, audited, never cached.
 */
export function journeyExportRoute(
  contentType: string,
  extension: string,
  body: Body,
  name = 'stages',
) {
  return async (context: APIContext): Promise<Response> => {
    const researcher = requireResearcher(context.locals);
    if (researcher instanceof Response) return researcher;
    const slug = context.params.slug ?? '';
    const entry = await getEntry('journeys', slug);
    if (!entry) return notFound();
    const today = ukDay(new Date());
    audit(researcher, 'export-downloaded', `journey ${slug}, ${name}.${extension}`);
    return new Response(body(researchDb(), slug, entry.data, today), {
      headers: downloadHeaders(contentType, `${slug}-${name}-${today}.${extension}`),
    });
  };
}
