import { validateJourneySubmission } from '../forms/journeyMap.ts';
import type { Journey, Prototype, Survey } from '../schemas/index.ts';
import { outcomeAnswer } from './outcomeAnswer.ts';
import { feedbackLimiter, feedbackAnswer, submitFeedback } from './prototypeFeedback.ts';
import type { JsonAnswer } from './jsonResponses.ts';
import type { Store } from './store.ts';
import { requestSubmissionLimit } from './submissionLimit.ts';
import { submitActivityResponse, submitSurveyResponse } from './surveySubmissions.ts';
import { requestClientKey } from './withdrawals.ts';

/**
 * The one decision for a posted survey response, journey map or prototype feedback, shared by
 * the Astro API routes (form posts and JSON) and the JSON fast path in submissionEndpoints.ts,
 * so both give the same answers, receipts, refusals and limits.
 */

/** The three kinds of submission, named as their content collections and API addresses are. */
export type SubmissionKind = 'surveys' | 'journeys' | 'prototypes';

export interface Activities {
  surveys: Survey;
  journeys: Journey;
  prototypes: Prototype;
}

/** What a server error is logged as, per kind. */
export const SUBMISSION_NAMES: Record<SubmissionKind, string> = {
  surveys: 'survey response',
  journeys: 'journey map',
  prototypes: 'prototype feedback',
};

export interface SubmissionContext {
  store: Store;
  riskPhrases: readonly string[];
  /** Astro's context or one like it: reading `clientAddress` throws when it is not known. */
  client: { readonly clientAddress: string };
  now?: Date;
}

/** The HTTP answer (as plain data) for one parsed submission to `kind`'s activity `slug` (undefined: none). */
export async function answerSubmission<K extends SubmissionKind>(
  kind: K,
  slug: string,
  activity: Activities[K] | undefined,
  body: unknown,
  { store, riskPhrases, client, now = new Date() }: SubmissionContext,
): Promise<JsonAnswer> {
  switch (kind) {
    case 'surveys':
      return outcomeAnswer(
        await submitSurveyResponse(store, slug, activity as Survey | undefined, body, now, {
          riskPhrases,
          limit: requestSubmissionLimit(client),
        }),
        'survey',
      );
    case 'journeys':
      return outcomeAnswer(
        await submitActivityResponse(
          store,
          'journey',
          slug,
          activity as Journey | undefined,
          body,
          now,
          {
            riskPhrases,
            validate: validateJourneySubmission,
            limit: requestSubmissionLimit(client),
          },
        ),
        'journey-mapping activity',
      );
    default:
      return feedbackAnswer(
        await submitFeedback(store, slug, activity as Prototype | undefined, body, now, {
          limiter: feedbackLimiter(),
          client: requestClientKey(client),
          riskPhrases,
        }),
      );
  }
}
