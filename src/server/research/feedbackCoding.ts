import type { FeedbackItem } from './moderation.ts';
import type { CodableAnswer } from './responseCoding.ts';

/**
 * Prototype feedback coded like survey answers (issue 15, item 1): the person's comment and each
 * feature's "why" are codable answers, keyed `comment` and `why.<feature id>` in feedback_codes
 * and feedback_excerpts (src/server/migrations/feedbackCoding.ts), so the feedback page uses the
 * survey response page's one coding form (src/server/research/responseCoding.ts).
 */

/** "Their comment", or "Why: <feature>" for `why.<feature id>`; the key when it is neither. */
export function feedbackFieldLabel(key: string, featureName: (id: string) => string | undefined) {
  if (key === 'comment') return 'Their comment';
  const feature = key.startsWith('why.') ? featureName(key.slice(4)) : undefined;
  return feature === undefined ? key : `Why: ${feature}`;
}

/** The written answers of a piece of feedback that can be coded, the comment first. */
export function codableFeedbackAnswers(
  item: Pick<FeedbackItem, 'comment' | 'reactions'>,
  featureName: (id: string) => string | undefined,
): CodableAnswer[] {
  const answers: CodableAnswer[] = [];
  if (item.comment.trim() !== '') {
    answers.push({ key: 'comment', label: 'Their comment', text: item.comment });
  }
  for (const r of item.reactions) {
    const key = `why.${r.featureId}`;
    if (r.why.trim() === '' || featureName(r.featureId) === undefined) continue;
    answers.push({ key, label: feedbackFieldLabel(key, featureName), text: r.why });
  }
  return answers;
}
