import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { approvedComments, publicCounts } from '../../../../server/prototypeComments.ts';
import { json, methodNotAllowed, serverError } from '../../../../server/jsonResponses.ts';
import { getStore } from '../../../../server/store.ts';
import { featureIds } from '../../../../forms/feedback.ts';

export const prerender = false;

/**
 * GET the approved comments on a prototype scope, newest first, `?page=2` for older ones, with
 * the reaction counts that may be shown. Only what a moderator approved is ever here.
 */
export const GET: APIRoute = async ({ params, url }) => {
  try {
    const slug = params.slug ?? '';
    const prototype = (await getEntry('prototypes', slug))?.data;
    if (!prototype) return json(404, { error: 'There is no prototype scope at this address.' });
    const pageParam = url.searchParams.get('page') ?? '1';
    if (!/^[1-9]\d{0,5}$/.test(pageParam)) {
      return json(400, { error: 'page must be a whole number from 1' });
    }
    const db = getStore().database();
    return json(200, {
      ...approvedComments(db, slug, Number(pageParam)),
      features: publicCounts(db, slug, featureIds(prototype)),
    });
  } catch (error) {
    return serverError('prototype comments', error);
  }
};

export const ALL = methodNotAllowed(['GET']);
