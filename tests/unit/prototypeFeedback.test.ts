import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prototypeSchema, type Prototype } from '../../src/schemas/prototype.ts';
import { checkFeedback, formToFeedback } from '../../src/forms/feedback.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { FailureLimiter } from '../../src/server/rateLimit.ts';
import { feedbackLimits, submitFeedback } from '../../src/server/prototypeFeedback.ts';
import { SourceGrouper } from '../../src/server/feedbackSources.ts';
import {
  approvedComments,
  publicCommentId,
  publicCounts,
  SMALL_GROUP,
} from '../../src/server/prototypeComments.ts';
import { decide, featureSummaries, getFeedback } from '../../src/server/research/moderation.ts';
import { getFlag, listFlags } from '../../src/server/research/flags.ts';
import { feedbackKeptFrom, purgeExpiredFeedback } from '../../src/server/research/purge.ts';

export const PROTOTYPE: Prototype = prototypeSchema.parse({
  title: 'A shared timeline',
  summary: 'A timeline for families and the practitioners who work with them.',
  status: 'idea',
  version: '0.2',
  updated: '2026-11-20',
  problem: 'Nobody knows what has happened.',
  forWhom: 'Families and practitioners.',
  features: [{ id: 'timeline', name: 'One timeline' }, { name: 'What happens next' }].map((f) => ({
    ...f,
    description: 'A feature.',
  })),
  questions: ['Would it help?'],
  feedbackOpen: true,
  retentionMonths: 12,
});

const valid = (extra: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  usefulness: 4,
  reactions: { timeline: 'useful', 'what-happens-next': 'worried' },
  why: { 'what-happens-next': 'It could be read alone at night' },
  comment: 'Please make it work on a phone.',
  role: 'parent-carer',
  consentShow: true,
  consentQuote: true,
  nameChoice: 'anonymous',
  ...extra,
});

describe('checking feedback (the same rules in the browser, the form post and the API)', () => {
  it('accepts a full piece of feedback and keeps the words exactly as written', async () => {
    const comment = '  Two lines,\nkept ‮as‬ written 😀 ';
    const result = await checkFeedback(PROTOTYPE, valid({ comment }));
    expect(result.ok && result.value).toMatchObject({
      usefulness: 4,
      comment,
      role: 'parent-carer',
      consentShow: true,
      reactions: [
        { featureId: 'timeline', reaction: 'useful', why: '' },
        {
          featureId: 'what-happens-next',
          reaction: 'worried',
          why: 'It could be read alone at night',
        },
      ],
    });
  });

  it('asks who the person is, and what kind of practitioner', async () => {
    const noRole = await checkFeedback(PROTOTYPE, valid({ role: undefined }));
    expect(!noRole.ok && noRole.errors.role).toBe('Select who you are');
    const practitioner = await checkFeedback(PROTOTYPE, valid({ role: 'practitioner' }));
    expect(!practitioner.ok && practitioner.errors.practitionerKind).toBe(
      'Select what kind of practitioner you are',
    );
  });

  it('needs at least one answer, and a name when the person chose to show one', async () => {
    const empty = await checkFeedback(PROTOTYPE, { submissionId: randomUUID(), role: 'other' });
    expect(!empty.ok && empty.errors.usefulness).toMatch(/at least one/);
    const noName = await checkFeedback(PROTOTYPE, valid({ nameChoice: 'name', displayName: ' ' }));
    expect(!noName.ok && noName.errors.displayName).toBe(
      'Enter the name to show, or choose anonymous',
    );
    const noChoice = await checkFeedback(PROTOTYPE, valid({ nameChoice: undefined }));
    expect(!noChoice.ok && noChoice.errors.nameChoice).toMatch(/name or anonymously/);
  });

  it('refuses unknown fields and features, wrong types and text over the limit', async () => {
    for (const [body, key] of [
      [valid({ extra: 1 }), 'body'],
      [valid({ reactions: { nope: 'useful' } }), 'reactions'],
      [valid({ usefulness: '4' }), 'usefulness'],
      [valid({ comment: 42 }), 'comment'],
      [valid({ consentShow: 'yes' }), 'consentShow'],
      [valid({ comment: 'x'.repeat(2001) }), 'comment'],
      [valid({ reactions: { timeline: 'love it' } }), 'reactions.timeline'],
    ] as const) {
      const result = await checkFeedback(PROTOTYPE, body);
      expect(result.ok, JSON.stringify(body).slice(0, 80)).toBe(false);
      expect(!result.ok && Object.keys(result.errors)).toContain(key);
    }
  });

  it('reads a form post as the API does', async () => {
    const form = new URLSearchParams({
      submissionId: randomUUID(),
      usefulness: '5',
      'reactions.timeline': 'not-sure',
      'why.timeline': 'Depends who sees it',
      comment: '',
      role: 'practitioner',
      practitionerKind: 'police',
      consentQuote: 'yes',
    });
    const result = await checkFeedback(PROTOTYPE, formToFeedback(PROTOTYPE, form));
    expect(result.ok && result.value).toMatchObject({
      usefulness: 5,
      practitionerKind: 'police',
      consentQuote: true,
      consentShow: false,
      comment: '',
      reactions: [{ featureId: 'timeline', reaction: 'not-sure', why: 'Depends who sees it' }],
    });
  });
});

describe('feedback, moderation and what the public sees', () => {
  let dir: string;
  let store: Store;
  let limiter: FailureLimiter;
  const now = new Date('2026-11-26T12:00:00Z');
  let sources: SourceGrouper;
  const send = (body: unknown, client = 'client-a', prototype: Prototype = PROTOTYPE, at = now) =>
    submitFeedback(store, 'timeline', prototype, body, at, {
      limiter,
      client,
      riskPhrases: ['hit me'],
      sources,
    });
  const rows = (table: string) =>
    (store.database().prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-feedback-'));
    store = openSqliteStore(dir);
    limiter = new FailureLimiter({
      perClient: { max: 3, windowMs: 60_000 },
      global: { max: 100, windowMs: 60_000 },
    });
    sources = new SourceGrouper();
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores once: a retry gets the same receipt, a different body with the same id is refused', async () => {
    const body = valid();
    const first = await send(body);
    expect(first.outcome).toBe('created');
    const again = await send(body);
    expect(again).toEqual({ ...first, outcome: 'replayed' });
    expect((await send({ ...body, comment: 'Changed' })).outcome).toBe('invalid');
    expect(rows('feedback')).toBe(1);
    expect(rows('feedback_reactions')).toBe(2);
  });

  it('refuses closed and unknown scopes, and stores nothing', async () => {
    expect((await send(valid(), 'a', { ...PROTOTYPE, feedbackOpen: false })).outcome).toBe(
      'closed',
    );
    expect(
      (
        await submitFeedback(store, 'nope', undefined, valid(), now, {
          limiter,
          client: 'a',
        })
      ).outcome,
    ).toBe('not-found');
    expect(rows('feedback')).toBe(0);
  });

  it('rejects a filled-in honeypot without storing anything', async () => {
    expect((await send({ ...valid(), website: 'http://spam.example' })).outcome).toBe('automated');
    expect(rows('feedback')).toBe(0);
    // An empty honeypot is what a person's browser sends.
    expect((await send({ ...valid(), website: '' })).outcome).toBe('created');
  });

  it('limits new feedback per client, never a retry of feedback already stored', async () => {
    const bodies = [valid(), valid(), valid()];
    for (const body of bodies) expect((await send(body)).outcome).toBe('created');
    const fourth = await send(valid());
    expect(fourth.outcome).toBe('rate-limited');
    expect(fourth.outcome === 'rate-limited' && fourth.retryAfterSeconds).toBeGreaterThan(0);
    expect((await send(bodies[0])).outcome).toBe('replayed');
    expect((await send(valid(), 'client-b')).outcome).toBe('created');
    expect(rows('feedback')).toBe(4);
  });

  it('does not let honeypot posts from many addresses fill the site-wide ceiling', async () => {
    limiter = new FailureLimiter({
      perClient: { max: 3, windowMs: 60_000 },
      global: { max: 5, windowMs: 60_000 },
    });
    for (let i = 0; i < 20; i++) {
      expect((await send({ ...valid(), website: 'x' }, `bot-${i}`)).outcome).toBe('automated');
    }
    expect((await send(valid(), 'person')).outcome).toBe('created');
  });

  it('raises a safeguarding flag with the feedback, which outlives a withdrawal', async () => {
    const sent = await send(valid({ why: { timeline: 'Dad hit me' } }));
    const [flag] = listFlags(store.database());
    expect(flag).toMatchObject({
      kind: 'prototype',
      slug: 'timeline',
      questions: ['why.timeline'],
    });
    expect(flag.feedbackId).not.toBeNull();
    expect(sent.outcome === 'created' && store.withdrawResponse(sent.receipt)).toEqual({
      kind: 'feedback',
      slug: 'timeline',
    });
    expect(rows('feedback')).toBe(0);
    expect(rows('feedback_reactions')).toBe(0);
    expect(getFlag(store.database(), flag.id)?.flag.feedbackId).toBeNull();
  });

  it('shows a comment only once approved, in the edited words, with replies; withdrawal removes it', async () => {
    const db = store.database();
    const sent = await send(valid({ comment: 'Tom at Oak Primary said it would help.' }));
    const id = approvedComments(db, 'timeline').total;
    expect(id).toBe(0);
    const item = db.prepare('SELECT id, status FROM feedback').get() as {
      id: number;
      status: string;
    };
    expect(item.status).toBe('pending');
    expect(
      decide(db, 'timeline', item.id, { action: 'reply', text: 'Thanks' }, 1, '2026-11-27'),
    ).toEqual({ ok: false, error: 'Approve the comment before replying: replies are public' });
    expect(
      decide(
        db,
        'timeline',
        item.id,
        { action: 'approve', text: '[name] at [school] said it would help.' },
        1,
        '2026-11-27',
      ),
    ).toEqual({ ok: true });
    decide(db, 'timeline', item.id, { action: 'reply', text: 'Thank you.' }, 1, '2026-11-28');
    const page = approvedComments(db, 'timeline');
    // Only what SECURITY.md lists: no feedback number, no day it was sent.
    expect(page.comments).toEqual([
      {
        id: publicCommentId(db, item.id),
        name: null,
        role: 'Parent or carer',
        text: '[name] at [school] said it would help.',
        replies: [{ text: 'Thank you.', repliedOn: '2026-11-28' }],
      },
    ]);
    // The original stays for the record, never on the public side.
    expect(getFeedback(db, 'timeline', item.id)?.comment).toBe(
      'Tom at Oak Primary said it would help.',
    );
    expect(sent.outcome === 'created' && store.withdrawResponse(sent.receipt)).toEqual({
      kind: 'feedback',
      slug: 'timeline',
    });
    expect(approvedComments(db, 'timeline').total).toBe(0);
    expect(rows('feedback_replies')).toBe(0);
  });

  it('publishes an opaque id that does not count private feedback', async () => {
    const db = store.database();
    // Private feedback from others first (each its own address: the limit here is 3 each).
    for (const client of ['b', 'c', 'd']) {
      const kept = await send(valid({ consentShow: undefined, nameChoice: undefined }), client);
      expect(kept.outcome).toBe('created');
    }
    expect((await send(valid({ comment: 'Shown one.' }))).outcome).toBe('created');
    const { id } = db.prepare(`SELECT id FROM feedback WHERE comment = 'Shown one.'`).get() as {
      id: number;
    };
    decide(db, 'timeline', id, { action: 'approve', text: 'Shown one.' }, 1, '2026-11-27');
    const [comment] = approvedComments(db, 'timeline').comments;
    expect(comment.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // Not the sequence number (which counts private feedback too), nor anything like one.
    expect(comment.id).not.toMatch(/^\d+$/);
    expect(comment.id).toBe(publicCommentId(db, id));
    expect(publicCommentId(db, id + 1)).not.toBe(comment.id);
    expect(Object.keys(comment).sort()).toEqual(['id', 'name', 'replies', 'role', 'text']);
  });

  it('lets a moderator edit or remove a display name, never add one to an anonymous comment', async () => {
    const db = store.database();
    await send(valid({ nameChoice: 'name', displayName: 'Tom Smith, Oak Primary' }));
    await send(valid({ comment: 'Anonymous one.' }));
    const [named, anonymous] = (
      db.prepare('SELECT id FROM feedback ORDER BY id').all() as { id: number }[]
    ).map((r) => r.id);
    const approve = (id: number, name?: string) =>
      decide(db, 'timeline', id, { action: 'approve', text: 'Fine.', name }, 1, '2026-11-27');
    expect(approve(named, 'x'.repeat(61))).toEqual({
      ok: false,
      field: 'publish-name',
      error: 'The name must be 60 characters or fewer',
    });
    expect(approve(named, ' Tom S. ')).toEqual({ ok: true });
    expect(approve(anonymous, 'Someone named')).toEqual({ ok: true });
    const names = approvedComments(db, 'timeline').comments.map((c) => c.name);
    expect(names.sort()).toEqual(['Tom S.', null].sort());
    // The person's own words stay for the team.
    expect(getFeedback(db, 'timeline', named)).toMatchObject({
      displayName: 'Tom Smith, Oak Primary',
      publishedName: 'Tom S.',
    });
    // Cleared: published as anonymous.
    expect(approve(named, '   ')).toEqual({ ok: true });
    expect(approvedComments(db, 'timeline').comments.every((c) => c.name === null)).toBe(true);
  });

  it('never queues or publishes a comment the person did not allow to be shown', async () => {
    const db = store.database();
    await send(valid({ consentShow: undefined, nameChoice: undefined }));
    const item = db.prepare('SELECT id, status FROM feedback').get() as {
      id: number;
      status: string;
    };
    expect(item.status).toBe('private');
    expect(
      decide(db, 'timeline', item.id, { action: 'approve', text: 'x' }, 1, '2026-11-27'),
    ).toEqual({ ok: false, error: 'This person did not agree to their comment being shown' });
  });

  it('rejects with a reason kept for the team, and unpublishes an approved comment', async () => {
    const db = store.database();
    await send(valid());
    const { id } = db.prepare('SELECT id FROM feedback').get() as { id: number };
    decide(db, 'timeline', id, { action: 'approve', text: 'Fine' }, 1, '2026-11-27');
    expect(decide(db, 'timeline', id, { action: 'reject', reason: ' ' }, 1, '2026-11-27')).toEqual({
      ok: false,
      error: 'Enter why the comment is not published',
    });
    decide(db, 'timeline', id, { action: 'reject', reason: 'Names a school' }, 1, '2026-11-27');
    expect(getFeedback(db, 'timeline', id)).toMatchObject({
      status: 'rejected',
      rejectReason: 'Names a school',
      publishedText: null,
    });
    expect(approvedComments(db, 'timeline').total).toBe(0);
  });

  /** A reaction to the timeline from `client`, `minutes` after `now`. */
  const react = (reaction: string, client: string, minutes: number) =>
    send(
      valid({ reactions: { timeline: reaction }, why: {} }),
      client,
      PROTOTYPE,
      new Date(now.getTime() + minutes * 60_000),
    );

  it(`shows a feature's counts only from ${SMALL_GROUP} independent sources, and then correctly`, async () => {
    const db = store.database();
    // Different addresses, each more than a burst apart: independent sources.
    const reactions = ['useful', 'useful', 'worried', 'not-sure'];
    for (const [i, r] of reactions.entries()) await react(r, `c${i}`, i * 20);
    expect(publicCounts(db, 'timeline', ['timeline', 'what-happens-next'])).toEqual([
      { featureId: 'timeline', shown: false },
      { featureId: 'what-happens-next', shown: false },
    ]);
    await react('useful', 'c9', 100);
    expect(publicCounts(db, 'timeline', ['timeline'])).toEqual([
      {
        featureId: 'timeline',
        shown: true,
        total: 5,
        counts: { useful: 3, 'not-sure': 1, worried: 1 },
      },
    ]);
    // Researchers see every count, by role.
    expect(featureSummaries(db, 'timeline', ['timeline'])[0]).toMatchObject({
      total: 5,
      byRole: [{ role: 'parent-carer', total: 5 }],
    });
  });

  it('does not let one address, or one burst of addresses, pad a feature over the threshold', async () => {
    const db = store.database();
    const shown = () => publicCounts(db, 'timeline', ['timeline'])[0].shown;
    await react('worried', 'person', 0);
    // An outsider adds four reactions from one address, an hour apart...
    for (let hour = 1; hour <= 4; hour++) await react('useful', 'outsider', hour * 60);
    expect(shown()).toBe(false);
    // ...then four more from four addresses at once.
    for (let i = 0; i < 4; i++) await react('useful', `outsider-${i}`, 300 + i);
    expect(shown()).toBe(false);
    // Two more people, on their own: five independent sources, and the numbers appear.
    await react('not-sure', 'someone', 400);
    expect(shown()).toBe(false);
    await react('useful', 'someone-else', 500);
    expect(publicCounts(db, 'timeline', ['timeline'])[0]).toMatchObject({
      shown: true,
      counts: { useful: 9, 'not-sure': 1, worried: 1 },
    });
  });

  it('pages approved comments, newest first', async () => {
    const db = store.database();
    for (let i = 0; i < 12; i++) {
      await send(valid({ comment: `Comment ${i}` }), `client-${i}`);
    }
    for (const { id } of db.prepare('SELECT id FROM feedback').all() as { id: number }[]) {
      decide(db, 'timeline', id, { action: 'approve', text: `Published ${id}` }, 1, '2026-11-27');
    }
    const first = approvedComments(db, 'timeline', 1, 10);
    expect(first).toMatchObject({ total: 12, pages: 2, page: 1 });
    expect(first.comments[0].text).toBe('Published 12');
    expect(approvedComments(db, 'timeline', 2, 10).comments.map((c) => c.text)).toEqual([
      'Published 2',
      'Published 1',
    ]);
  });
});

describe('feedback past its retention', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-feedback-purge-'));
    store = openSqliteStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is deleted once older than the scope keeps it, except while a safeguarding flag is open', async () => {
    const db = store.database();
    const limiter = new FailureLimiter({
      perClient: { max: 100, windowMs: 60_000 },
      global: { max: 100, windowMs: 60_000 },
    });
    const sendOn = (day: string, extra: Record<string, unknown> = {}) =>
      submitFeedback(store, 'timeline', PROTOTYPE, valid(extra), new Date(`${day}T12:00:00Z`), {
        limiter,
        client: 'a',
        riskPhrases: ['hit me'],
      });
    await sendOn('2025-11-25'); // 12 months and a day before 2026-11-26: past keeping
    await sendOn('2025-11-26'); // exactly 12 months: kept
    await sendOn('2025-01-10', { comment: 'He hit me' }); // old, but its flag is open
    const report = purgeExpiredFeedback(
      db,
      [
        { slug: 'timeline', prototype: PROTOTYPE },
        { slug: 'other', prototype: PROTOTYPE },
      ],
      new Date('2026-11-26T12:00:00Z'),
    );
    expect(report).toEqual([
      { slug: 'timeline', deleted: 1, keepUntil: 'sent on or after 2025-11-26' },
    ]);
    expect(
      (db.prepare('SELECT received_on AS d FROM feedback ORDER BY d').all() as { d: string }[]).map(
        (r) => r.d,
      ),
    ).toEqual(['2025-01-10', '2025-11-26']);
    expect(feedbackKeptFrom('2026-03-31', 1)).toBe('2026-02-28');
  });
});

describe('feedback limits', () => {
  it('30 an hour from one address and 2,000 site-wide, unless an event raises the first', () => {
    const standard = feedbackLimits({});
    expect([standard.perClient.max, standard.global?.max]).toEqual([30, 2000]);
    const event = feedbackLimits({ FEEDBACK_LIMIT_PER_HOUR: '5000' });
    expect([event.perClient.max, event.global?.max]).toEqual([5000, 5000]);
  });
});
