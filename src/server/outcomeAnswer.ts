import { formatDate } from '../lib/dates.ts';
import { jsonAnswer, unavailableAnswer, type JsonAnswer } from './jsonResponses.ts';
import type { SubmitOutcome } from './surveySubmissions.ts';

/** The HTTP answer for a stored or refused submission, the same for surveys and journey maps. */
export function outcomeAnswer(result: SubmitOutcome, noun: string): JsonAnswer {
  switch (result.outcome) {
    case 'created':
      return jsonAnswer(201, { receipt: result.receipt });
    case 'replayed':
      return jsonAnswer(200, { receipt: result.receipt });
    case 'not-found':
      return jsonAnswer(404, { error: `There is no ${noun} at this address.` });
    case 'closed':
      return jsonAnswer(410, {
        error: `This ${noun} closed on ${formatDate(new Date(result.closes))}.`,
        closes: result.closes,
      });
    case 'not-yet-open':
      return jsonAnswer(409, {
        error: `This ${noun} opens on ${formatDate(new Date(result.opens))}.`,
        opens: result.opens,
      });
    case 'invalid':
      return jsonAnswer(422, { errors: result.errors });
    case 'unavailable':
      return unavailableAnswer(result.reason);
    case 'rate-limited':
      return jsonAnswer(
        429,
        { error: 'Too many answers have been sent from here in the last hour. Please try later.' },
        { 'Retry-After': String(result.retryAfterSeconds) },
      );
  }
}
