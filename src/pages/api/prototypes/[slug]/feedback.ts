import { getEntry } from 'astro:content';
import { formToFeedback } from '../../../../forms/feedback.ts';
import { methodNotAllowed } from '../../../../server/jsonResponses.ts';
import { submissionRoute } from '../../../../server/submissionRoute.ts';

export const prerender = false;

/**
 * POST feedback on a prototype scope as JSON or as a form post. 201 { receipt } once stored; 200
 * with the same receipt for a retry; 422 per field; 410 when closed; 429 when a client sends too
 * much; 400 when the hidden honeypot field is filled in.
 */
export const POST = submissionRoute(
  'prototypes',
  async (slug) => (await getEntry('prototypes', slug))?.data,
  (prototype, form) => ({
    ...formToFeedback(prototype, form),
    website: form.get('website') ?? '',
  }),
);

export const ALL = methodNotAllowed(['POST']);
