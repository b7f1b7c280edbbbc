import type { APIRoute } from 'astro';
import { getSettings } from '../lib/site.ts';
import {
  answerSubmission,
  SUBMISSION_NAMES,
  type Activities,
  type SubmissionKind,
} from './answerSubmission.ts';
import { readGuardedBody } from './requestGuards.ts';
import { serverError, toResponse } from './jsonResponses.ts';
import { getStore } from './store.ts';

/**
 * The POST handler of a submission API route: the guarded body (JSON, or a form post turned into
 * the same shape by `fromForm`), the activity from `load`, and answerSubmission's decision.
 */
export function submissionRoute<K extends SubmissionKind>(
  kind: K,
  load: (slug: string) => Promise<Activities[K] | undefined>,
  fromForm: (activity: Activities[K], form: URLSearchParams) => unknown,
): APIRoute {
  return async (context) => {
    try {
      const read = await readGuardedBody(context.request, context.url.origin);
      if (!read.ok) return read.response;
      const slug = context.params.slug ?? '';
      const activity = await load(slug);
      const body = read.kind === 'json' ? read.json : activity && fromForm(activity, read.form);
      const { riskPhrases } = await getSettings();
      return toResponse(
        await answerSubmission(kind, slug, activity, body, {
          store: getStore(),
          riskPhrases,
          client: context,
        }),
      );
    } catch (error) {
      return serverError(SUBMISSION_NAMES[kind], error);
    }
  };
}
