import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { formToSubmission } from '../../../../forms/submission.ts';
import { readGuardedBody } from '../../../../server/requestGuards.ts';
import { busy, json, serverError } from '../../../../server/responses.ts';
import { getStore } from '../../../../server/store.ts';
import { submitSurveyResponse, type SubmitOutcome } from '../../../../server/surveySubmissions.ts';
import { formatDate } from '../../../../lib/dates.ts';

export const prerender = false;

/**
 * POST a survey response as JSON (`{ submissionId, answers, consent }`) or as a form post.
 * 201 { receipt } once stored; 200 with the same receipt for a retry of the same submission.
 */
export const POST: APIRoute = async ({ params, request, url }) => {
  try {
    const read = await readGuardedBody(request, url.origin);
    if (!read.ok) return read.response;
    const slug = params.slug ?? '';
    const survey = (await getEntry('surveys', slug))?.data;
    const body = read.kind === 'json' ? read.json : survey && formToSubmission(survey, read.form);
    return toResponse(await submitSurveyResponse(getStore(), slug, survey, body, new Date()));
  } catch (error) {
    return serverError('survey response', error);
  }
};

function toResponse(result: SubmitOutcome): Response {
  switch (result.outcome) {
    case 'created':
      return json(201, { receipt: result.receipt });
    case 'replayed':
      return json(200, { receipt: result.receipt });
    case 'not-found':
      return json(404, { error: 'There is no survey at this address.' });
    case 'closed':
      return json(410, {
        error: `This survey closed on ${formatDate(new Date(result.closes))}.`,
        closes: result.closes,
      });
    case 'not-yet-open':
      return json(409, {
        error: `This survey opens on ${formatDate(new Date(result.opens))}.`,
        opens: result.opens,
      });
    case 'invalid':
      return json(422, { errors: result.errors });
    case 'busy':
      return busy();
  }
}
