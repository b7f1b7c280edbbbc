import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { formToJourney, validateJourneySubmission } from '../../../../forms/journeyMap.ts';
import { readGuardedBody } from '../../../../server/requestGuards.ts';
import { methodNotAllowed, serverError } from '../../../../server/responses.ts';
import { requestSubmissionLimit } from '../../../../server/submissionLimit.ts';
import { getStore } from '../../../../server/store.ts';
import { submitActivityResponse } from '../../../../server/surveySubmissions.ts';
import { outcomeResponse } from '../../../../server/outcomeResponse.ts';
import { getSettings } from '../../../../lib/site.ts';

export const prerender = false;

/**
 * POST a journey map as JSON (`{ stages, role, consent, submissionId }`) or a form post: the
 * same answers, receipts and refusals as survey responses.
 */
export const POST: APIRoute = async (context) => {
  const { params, request, url } = context;
  try {
    const read = await readGuardedBody(request, url.origin);
    if (!read.ok) return read.response;
    const slug = params.slug ?? '';
    const journey = (await getEntry('journeys', slug))?.data;
    const body = read.kind === 'json' ? read.json : formToJourney(read.form);
    const { riskPhrases } = await getSettings();
    return outcomeResponse(
      await submitActivityResponse(getStore(), 'journey', slug, journey, body, new Date(), {
        riskPhrases,
        validate: validateJourneySubmission,
        limit: requestSubmissionLimit(context),
      }),
      'journey-mapping activity',
    );
  } catch (error) {
    return serverError('journey map', error);
  }
};

export const ALL = methodNotAllowed(['POST']);
