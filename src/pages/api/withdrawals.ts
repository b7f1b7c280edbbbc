import type { APIRoute } from 'astro';
import { readGuardedBody } from '../../server/requestGuards.ts';
import { json, methodNotAllowed, serverError, unavailable } from '../../server/jsonResponses.ts';
import { getStore } from '../../server/store.ts';
import { requestClientKey, withdrawAnswers, withdrawalLimiter } from '../../server/withdrawals.ts';

export const prerender = false;

/** The one reply for every code that deletes nothing, whatever the reason. */
const NOT_FOUND = { error: 'No answers were found with that receipt code.' };

/** POST { "receipt": "7K3M-9QPD-XR2A-TB5H" } deletes the answers that code belongs to. */
export const POST: APIRoute = async (context) => {
  try {
    const read = await readGuardedBody(context.request, context.url.origin);
    if (!read.ok) return read.response;
    const receipt = read.kind === 'json' ? receiptField(read.json) : read.form.get('receipt');
    const result = withdrawAnswers(
      getStore(),
      withdrawalLimiter(),
      requestClientKey(context),
      receipt,
    );
    switch (result.outcome) {
      case 'withdrawn':
        return json(200, { withdrawn: true });
      case 'rate-limited':
        return json(
          429,
          { error: 'Too many attempts. Wait a while and try again.' },
          { 'Retry-After': String(result.retryAfterSeconds) },
        );
      case 'unavailable':
        return unavailable(result.reason);
      default:
        return json(404, NOT_FOUND);
    }
  } catch (error) {
    return serverError('withdrawal', error);
  }
};

function receiptField(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? (body as { receipt?: unknown }).receipt : '';
}

export const ALL = methodNotAllowed(['POST']);
