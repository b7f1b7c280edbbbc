import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { formToFeedback } from '../../../../forms/feedback.ts';
import { getSettings } from '../../../../lib/site.ts';
import {
  feedbackLimiter,
  feedbackResponse,
  submitFeedback,
} from '../../../../server/prototypeFeedback.ts';
import { readGuardedBody } from '../../../../server/requestGuards.ts';
import { methodNotAllowed, serverError } from '../../../../server/responses.ts';
import { getStore } from '../../../../server/store.ts';
import { requestClientKey } from '../../../../server/withdrawals.ts';

export const prerender = false;

/**
 * POST feedback on a prototype scope as JSON or as a form post. 201 { receipt } once stored; 200
 * with the same receipt for a retry; 422 per field; 410 when closed; 429 when a client sends too
 * much; 400 when the hidden honeypot field is filled in.
 */
export const POST: APIRoute = async (context) => {
  try {
    const read = await readGuardedBody(context.request, context.url.origin);
    if (!read.ok) return read.response;
    const slug = context.params.slug ?? '';
    const prototype = (await getEntry('prototypes', slug))?.data;
    const body =
      read.kind === 'json'
        ? read.json
        : prototype && {
            ...formToFeedback(prototype, read.form),
            website: read.form.get('website') ?? '',
          };
    const { riskPhrases } = await getSettings();
    return feedbackResponse(
      await submitFeedback(getStore(), slug, prototype, body, new Date(), {
        limiter: feedbackLimiter(),
        client: requestClientKey(context),
        riskPhrases,
      }),
    );
  } catch (error) {
    return serverError('prototype feedback', error);
  }
};

export const ALL = methodNotAllowed(['POST']);
