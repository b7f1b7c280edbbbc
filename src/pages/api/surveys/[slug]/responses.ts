import { getEntry } from 'astro:content';
import { formToSubmission } from '../../../../forms/submission.ts';
import { methodNotAllowed } from '../../../../server/jsonResponses.ts';
import { submissionRoute } from '../../../../server/submissionRoute.ts';

export const prerender = false;

/**
 * POST a survey response as JSON (`{ submissionId, answers, consent }`) or as a form post.
 * 201 { receipt } once stored; 200 with the same receipt for a retry of the same submission.
 */
export const POST = submissionRoute(
  'surveys',
  async (slug) => (await getEntry('surveys', slug))?.data,
  formToSubmission,
);

export const ALL = methodNotAllowed(['POST']);
