import { getEntry } from 'astro:content';
import { formToJourney } from '../../../../forms/journeyMap.ts';
import { methodNotAllowed } from '../../../../server/jsonResponses.ts';
import { submissionRoute } from '../../../../server/submissionRoute.ts';

export const prerender = false;

/**
 * POST a journey map as JSON (`{ stages, role, consent, submissionId }`) or a form post: the
 * same answers, receipts and refusals as survey responses.
 */
export const POST = submissionRoute(
  'journeys',
  async (slug) => (await getEntry('journeys', slug))?.data,
  (_journey, form) => formToJourney(form),
);

export const ALL = methodNotAllowed(['POST']);
