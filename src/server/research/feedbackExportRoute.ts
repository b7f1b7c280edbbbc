import type { APIContext } from 'astro';
import { getEntry } from 'astro:content';
import type { DatabaseSync } from 'node:sqlite';
import type { Prototype } from '../../schemas/index.ts';
import { ukDay } from '../activityDates.ts';
import { downloadHeaders } from './exports.ts';
import { audit, notFound, requireResearcher, researchDb } from './routeHelpers.ts';

type Body = (db: DatabaseSync, slug: string, prototype: Prototype, today: string) => BodyInit;

/**
 * A download of one scope's feedback (`name` "feedback") or its coded passages ("excerpts"):
 * signed-in researchers only, audited, never cached.
 */
export function feedbackExportRoute(
  contentType: string,
  extension: string,
  body: Body,
  name = 'feedback',
) {
  return async (context: APIContext): Promise<Response> => {
    const researcher = requireResearcher(context.locals);
    if (researcher instanceof Response) return researcher;
    const slug = context.params.slug ?? '';
    const entry = await getEntry('prototypes', slug);
    if (!entry) return notFound();
    const today = ukDay(new Date());
    audit(researcher, 'export-downloaded', `prototype ${slug}, ${name}.${extension}`);
    return new Response(body(researchDb(), slug, entry.data, today), {
      headers: downloadHeaders(contentType, `${slug}-${name}-${today}.${extension}`),
    });
  };
}
