import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { formToSubmission } from '../../../../forms/submission.ts';
import { readGuardedBody } from '../../../../server/requestGuards.ts';
import { methodNotAllowed, serverError } from '../../../../server/responses.ts';
import { outcomeResponse } from '../../../../server/outcomeResponse.ts';
import { requestSubmissionLimit } from '../../../../server/submissionLimit.ts';
import { getStore } from '../../../../server/store.ts';
import { submitSurveyResponse } from '../../../../server/surveySubmissions.ts';
import { getSettings } from '../../../../lib/site.ts';

export const prerender = false;

/**
 * POST a survey response as JSON (`{ submissionId, answers, consent }`) or as a form post.
 * 201 { receipt } once stored; 200 with the same receipt for a retry of the same submission.
 */
export const POST: APIRoute = async (context) => {
  const { params, request, url } = context;
  try {
    const read = await readGuardedBody(request, url.origin);
    if (!read.ok) return read.response;
    const slug = params.slug ?? '';
    const survey = (await getEntry('surveys', slug))?.data;
    const body = read.kind === 'json' ? read.json : survey && formToSubmission(survey, read.form);
    const { riskPhrases } = await getSettings();
    return outcomeResponse(
      await submitSurveyResponse(getStore(), slug, survey, body, new Date(), {
        riskPhrases,
        limit: requestSubmissionLimit(context),
      }),
      'survey',
    );
  } catch (error) {
    return serverError('survey response', error);
  }
};

export const ALL = methodNotAllowed(['POST']);
