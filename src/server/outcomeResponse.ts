import { formatDate } from '../lib/dates.ts';
import { json, unavailable } from './responses.ts';
import type { SubmitOutcome } from './surveySubmissions.ts';

/** The HTTP answer for a stored or refused submission, the same for surveys and journey maps. */
export function outcomeResponse(result: SubmitOutcome, noun: string): Response {
  switch (result.outcome) {
    case 'created':
      return json(201, { receipt: result.receipt });
    case 'replayed':
      return json(200, { receipt: result.receipt });
    case 'not-found':
      return json(404, { error: `There is no ${noun} at this address.` });
    case 'closed':
      return json(410, {
        error: `This ${noun} closed on ${formatDate(new Date(result.closes))}.`,
        closes: result.closes,
      });
    case 'not-yet-open':
      return json(409, {
        error: `This ${noun} opens on ${formatDate(new Date(result.opens))}.`,
        opens: result.opens,
      });
    case 'invalid':
      return json(422, { errors: result.errors });
    case 'unavailable':
      return unavailable(result.reason);
    case 'rate-limited':
      return json(
        429,
        { error: 'Too many answers have been sent from here in the last hour. Please try later.' },
        { 'Retry-After': String(result.retryAfterSeconds) },
      );
  }
}
