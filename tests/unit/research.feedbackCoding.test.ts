import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { saveFeedback } from '../../src/server/feedbackStore.ts';
import { FEEDBACK_CODING } from '../../src/server/research/codedTables.ts';
import {
  createCode,
  listCodes,
  mergeCodes,
  prototypeQuotesByCode,
} from '../../src/server/research/coding.ts';
import { excerptsCsvStream } from '../../src/server/research/codingExports.ts';
import {
  codableFeedbackAnswers,
  feedbackFieldLabel,
} from '../../src/server/research/feedbackCoding.ts';
import {
  feedbackCsvStream,
  feedbackJsonStream,
} from '../../src/server/research/feedbackExports.ts';
import { responseCodingPost } from '../../src/server/research/responseCoding.ts';
import { useTempStore } from '../helpers/tempStore.ts';

const temp = useTempStore('sg-feedback-coding-');
const names = new Map([['timeline', 'One timeline']]);
const featureName = (id: string) => names.get(id);
const prototype = {
  title: 'Scope',
  version: '1',
  features: [{ id: 'timeline', name: 'One timeline' }],
} as unknown as Parameters<typeof feedbackCsvStream>[2];
const researcher = { id: 1, email: 'lead@example.org', role: 'researcher' } as Parameters<
  typeof responseCodingPost
>[1];

const read = async (stream: ReadableStream<Uint8Array>) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());

function seed({
  consentQuote = true,
  role = 'parent-carer' as 'parent-carer' | 'practitioner',
} = {}) {
  const db = temp.store.database();
  const saved = saveFeedback(db, {
    slug: 'the-scope',
    scopeVersion: '1',
    definitionHash: 'd'.repeat(64),
    receivedOn: '2027-01-10',
    sourceGroup: randomUUID(),
    feedback: {
      submissionId: randomUUID(),
      reactions: [{ featureId: 'timeline', reaction: 'worried', why: 'Plans change.' }],
      comment: 'Keep it up to date, please.',
      role,
      consentQuote,
      consentShow: true,
    },
  }) as { id: number };
  return { db, id: saved.id };
}

describe('feedback’s written answers', () => {
  it('are the comment, then each feature’s “why”, labelled for researchers', () => {
    const item = {
      comment: 'A comment.',
      reactions: [
        { featureId: 'timeline', reaction: 'useful' as const, why: 'Because.' },
        { featureId: 'gone', reaction: 'useful' as const, why: 'A feature since removed.' },
        { featureId: 'timeline', reaction: 'useful' as const, why: '  ' },
      ],
    };
    expect(codableFeedbackAnswers(item, featureName)).toEqual([
      { key: 'comment', label: 'Their comment', text: 'A comment.' },
      { key: 'why.timeline', label: 'Why: One timeline', text: 'Because.' },
    ]);
    expect(codableFeedbackAnswers({ comment: ' ', reactions: [] }, featureName)).toEqual([]);
    expect(feedbackFieldLabel('why.gone', featureName)).toBe('why.gone');
  });
});

describe('coding prototype feedback', () => {
  it('keeps ticks and passages in the feedback tables, counted, merged and exported', async () => {
    const { db, id } = seed();
    const time = createCode(db, 'Time');
    const plans = createCode(db, 'Plans');
    const answers = codableFeedbackAnswers(
      {
        comment: 'Keep it up to date, please.',
        reactions: [{ featureId: 'timeline', reaction: 'worried', why: 'Plans change.' }],
      },
      featureName,
    );
    const form = new URLSearchParams([
      ['question', 'comment'],
      ['question', 'why.timeline'],
      ['code-why.timeline', String(plans)],
      ['action', 'excerpt'],
      ['passage-answer', 'comment'],
      ['quote', 'up to date'],
      ['passage-code', String(time)],
    ]);
    expect(
      responseCodingPost(
        db,
        researcher,
        'prototype the-scope, feedback 1',
        id,
        answers,
        form,
        FEEDBACK_CODING,
      ),
    ).toEqual({ kind: 'done', query: '?excerpt=1#passages' });
    expect(listCodes(db).map((c) => [c.name, c.uses])).toEqual([
      ['Plans', 1],
      ['Time', 1],
    ]);
    // Nothing went into the survey tables.
    expect(db.prepare('SELECT COUNT(*) AS n FROM excerpts').get()).toEqual({ n: 0 });

    const csv = parse((await read(feedbackCsvStream(db, 'the-scope', prototype))).slice(1), {
      columns: true,
    }) as Record<string, string>[];
    expect(csv[0].codes).toBe('Plans; Time');
    const json = JSON.parse(
      await read(feedbackJsonStream(db, 'the-scope', prototype, '2027-02-01')),
    );
    expect(json.feedback[0].codes).toEqual(['Plans', 'Time']);
    expect(json.excerpts).toEqual([
      { code: 'Time', responseNumber: 1, field: 'comment', start: 8, end: 18, quote: 'up to date' },
    ]);
    const passages = parse(
      (
        await read(
          excerptsCsvStream(db, 'prototype', 'the-scope', (f) =>
            feedbackFieldLabel(f, featureName),
          ),
        )
      ).slice(1),
    ) as string[][];
    expect(passages[1]).toEqual(['Time', '1', 'comment', 'Their comment', '8', '18', 'up to date']);

    // Merging moves feedback's codes too.
    expect(mergeCodes(db, time, plans)).toBe(1);
    expect(listCodes(db).map((c) => [c.name, c.uses])).toEqual([['Time', 2]]);
  });
});

describe('quotes of prototype feedback for findings', () => {
  const answers = codableFeedbackAnswers(
    {
      comment: 'Keep it up to date, please.',
      reactions: [{ featureId: 'timeline', reaction: 'worried', why: 'Plans change.' }],
    },
    featureName,
  );
  const code = (db: ReturnType<typeof seed>['db'], id: number, codeId: number) =>
    responseCodingPost(
      db,
      researcher,
      `prototype the-scope, feedback ${id}`,
      id,
      answers,
      new URLSearchParams([
        ['question', 'comment'],
        ['question', 'why.timeline'],
        ['code-why.timeline', String(codeId)],
        ['action', 'excerpt'],
        ['passage-answer', 'comment'],
        ['quote', 'up to date'],
        ['passage-code', String(codeId)],
      ]),
      FEEDBACK_CODING,
    );

  it('carry the words, the feedback’s number and role, only from people who agreed to be quoted', () => {
    const agreed = seed({ role: 'practitioner' });
    const declined = seed({ consentQuote: false });
    const db = agreed.db;
    const plans = createCode(db, 'Plans');
    code(db, agreed.id, plans);
    code(db, declined.id, plans);
    const { quotes, withheld } = prototypeQuotesByCode(db, 'the-scope');
    expect(quotes.get(plans)).toEqual([
      expect.objectContaining({
        kind: 'prototype',
        responseNumber: 1,
        questionId: 'comment',
        text: 'up to date',
        role: 'practitioner',
      }),
      expect.objectContaining({
        responseNumber: 1,
        questionId: 'why.timeline',
        text: 'Plans change.',
      }),
    ]);
    // Feedback 2's "why" and passage are coded, but its sender did not agree to be quoted.
    expect(withheld).toBe(2);
    expect(JSON.stringify([...quotes.values()])).not.toContain('"responseNumber":2');
    expect(prototypeQuotesByCode(db, 'another-scope')).toEqual({ quotes: new Map(), withheld: 0 });
  });
});
