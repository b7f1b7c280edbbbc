import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { saveFeedback } from '../../src/server/feedbackStore.ts';
import {
  decide,
  decideMany,
  feedbackByStatus,
  getFeedback,
  nextPending,
} from '../../src/server/research/moderation.ts';
import { useTempStore } from '../helpers/tempStore.ts';

const temp = useTempStore('sg-moderation-');
const TODAY = '2027-01-10';

/** Feedback on `slug`; its id. `show` false: the person did not let us show it (private). */
function send(slug: string, comment: string, show = true): number {
  const saved = saveFeedback(temp.store.database(), {
    slug,
    scopeVersion: '1',
    definitionHash: 'd'.repeat(64),
    receivedOn: TODAY,
    sourceGroup: randomUUID(),
    feedback: {
      submissionId: randomUUID(),
      reactions: [],
      comment,
      role: 'parent-carer',
      consentQuote: show,
      consentShow: show,
    },
  }) as { id: number };
  return saved.id;
}

describe('after a decision', () => {
  it('offers the longest-waiting comment of this scope, then of any other', () => {
    const db = temp.store.database();
    const other = send('other', 'Elsewhere');
    const first = send('timeline', 'First');
    send('timeline', 'Second');
    send('timeline', 'Private', false);
    expect(nextPending(db, 'timeline')).toEqual({ slug: 'timeline', number: 1 });
    decide(db, 'timeline', first, { action: 'approve', text: 'First' }, 1, TODAY);
    expect(nextPending(db, 'timeline')).toEqual({ slug: 'timeline', number: 2 });
    decideMany(db, 'timeline', [2], { action: 'reject', reason: 'Off topic' }, 1, TODAY);
    expect(nextPending(db, 'timeline')).toEqual({ slug: 'other', number: 1 });
    decide(db, 'other', other, { action: 'reject', reason: 'Off topic' }, 1, TODAY);
    expect(nextPending(db, 'timeline')).toBeUndefined();
  });
});

describe('published replies', () => {
  it('can be reworded or withdrawn, only under their own comment', () => {
    const db = temp.store.database();
    const id = send('timeline', 'Please add reminders');
    const other = send('timeline', 'Another');
    decide(db, 'timeline', id, { action: 'approve', text: 'Please add reminders' }, 1, TODAY);
    decide(db, 'timeline', other, { action: 'approve', text: 'Another' }, 1, TODAY);
    decide(db, 'timeline', id, { action: 'reply', text: 'We wil add them' }, 1, TODAY);
    const replyId = getFeedback(db, 'timeline', id)!.replies[0].id;

    expect(
      decide(db, 'timeline', id, { action: 'edit-reply', replyId, text: ' ' }, 2, TODAY),
    ).toEqual({ ok: false, error: 'Enter your reply', field: `reply-${replyId}` });
    expect(
      decide(db, 'timeline', other, { action: 'edit-reply', replyId, text: 'Hijack' }, 2, TODAY),
    ).toEqual({ ok: false, error: 'There is no such reply' });
    expect(
      decide(
        db,
        'timeline',
        id,
        { action: 'edit-reply', replyId, text: 'We will add them' },
        2,
        TODAY,
      ),
    ).toEqual({ ok: true });
    expect(getFeedback(db, 'timeline', id)!.replies.map((r) => r.text)).toEqual([
      'We will add them',
    ]);

    expect(decide(db, 'timeline', other, { action: 'withdraw-reply', replyId }, 2, TODAY)).toEqual({
      ok: false,
      error: 'There is no such reply',
    });
    expect(decide(db, 'timeline', id, { action: 'withdraw-reply', replyId }, 2, TODAY)).toEqual({
      ok: true,
    });
    expect(getFeedback(db, 'timeline', id)!.replies).toEqual([]);
  });
});

describe('bulk decisions', () => {
  it('approves the chosen waiting comments in their own words, refusing what cannot be', () => {
    const db = temp.store.database();
    send('timeline', 'One');
    send('timeline', 'Two');
    send('timeline', 'Kept private', false);
    const result = decideMany(db, 'timeline', [1, 2, 2, 3, 99], { action: 'approve' }, 1, TODAY);
    expect(result.decided).toEqual([1, 2]);
    expect(result.refused).toEqual([
      { number: 3, error: 'It is no longer waiting for a decision' },
      { number: 99, error: 'There is no such comment' },
    ]);
    expect(feedbackByStatus(db, 'timeline', 'approved').map((f) => f.publishedText)).toEqual([
      'Two',
      'One',
    ]);
    // A published comment is not approved again in its original words.
    expect(decideMany(db, 'timeline', [1], { action: 'approve' }, 1, TODAY).refused).toHaveLength(
      1,
    );
  });

  it('rejects with one reason, and needs the reason', () => {
    const db = temp.store.database();
    send('timeline', 'One');
    send('timeline', 'Two');
    expect(
      decideMany(db, 'timeline', [1, 2], { action: 'reject', reason: ' ' }, 1, TODAY).refused,
    ).toHaveLength(2);
    expect(feedbackByStatus(db, 'timeline', 'pending')).toHaveLength(2);
    const result = decideMany(
      db,
      'timeline',
      [1, 2],
      { action: 'reject', reason: 'Spam' },
      1,
      TODAY,
    );
    expect(result).toEqual({ decided: [1, 2], refused: [] });
    expect(feedbackByStatus(db, 'timeline', 'rejected').map((f) => f.rejectReason)).toEqual([
      'Spam',
      'Spam',
    ]);
  });
});
