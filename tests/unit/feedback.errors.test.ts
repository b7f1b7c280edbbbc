import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkFeedback } from '../../src/forms/feedback.ts';

const prototype = {
  features: [
    { id: 'timeline', name: 'One timeline', description: 'Everything in one place.' },
    { name: 'Next steps', description: 'What happens next.' },
  ],
};

describe('feedback errors about a feature', () => {
  it('name the feature, so no two links in the error summary say the same', async () => {
    const result = await checkFeedback(prototype, {
      submissionId: randomUUID(),
      role: 'other',
      reactions: { timeline: 'meh', 'next-steps': 'meh' },
      why: { timeline: 'x'.repeat(1001), 'next-steps': 'x'.repeat(1001) },
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        'reactions.timeline': 'Choose useful, not sure or worried for “One timeline”',
        'reactions.next-steps': 'Choose useful, not sure or worried for “Next steps”',
        'why.timeline': 'Why, for “One timeline”, must be 1,000 characters or fewer',
        'why.next-steps': 'Why, for “Next steps”, must be 1,000 characters or fewer',
      },
    });
  });
});
