import { describe, expect, it } from 'vitest';
import {
  codableStageAnswers,
  readStageTicks,
  stageFieldLabel,
  stageOfKey,
} from '../../src/server/research/journeyCoding.ts';
import type { StoredMap } from '../../src/server/research/journeyResults.ts';

const map: StoredMap = {
  id: 41,
  number: 3,
  receivedOn: '2027-01-05',
  role: 'parent-or-carer',
  stages: [
    {
      name: 'Referral',
      feeling: 2,
      who: [],
      happened: 'A letter came.',
      helped: '',
      wouldHaveHelped: 'A phone call first.',
    },
    { name: '  ', feeling: 3, who: [], happened: '', helped: 'My sister.', wouldHaveHelped: ' ' },
  ],
};

describe('journey stages as codable answers', () => {
  it('lists every written stage answer with a key the coding tables keep and a label', () => {
    expect(codableStageAnswers(map)).toEqual([
      {
        key: 'stages.0.happened',
        label: 'Stage 1 (“Referral”): what happened',
        text: 'A letter came.',
      },
      {
        key: 'stages.0.wouldHaveHelped',
        label: 'Stage 1 (“Referral”): what would have helped',
        text: 'A phone call first.',
      },
      { key: 'stages.1.helped', label: 'Stage 2: what helped', text: 'My sister.' },
    ]);
  });

  it('words a stage key for the exports and leaves any other key as it is', () => {
    expect(stageFieldLabel('stages.11.helped', [])).toBe('Stage 12: what helped');
    expect(stageFieldLabel('what-would-help', [])).toBe('what-would-help');
    expect(stageFieldLabel('stages.1.name', [])).toBe('stages.1.name');
    expect(stageOfKey('stages.2.happened')).toBe(3);
    expect(stageOfKey('role')).toBeUndefined();
  });
});

describe('the maps page’s one coding form', () => {
  const form = (pairs: [string, string][]) => new URLSearchParams(pairs);

  it('reads the ticks of every answer listed, an answer with none ticked included', () => {
    const read = readStageTicks(
      [map],
      form([
        ['answer', '41:stages.0.wouldHaveHelped'],
        ['code-41:stages.0.wouldHaveHelped', '7'],
        ['code-41:stages.0.wouldHaveHelped', '9'],
        ['code-41:stages.0.wouldHaveHelped', 'x'],
      ]),
    );
    expect(read).toEqual({
      ok: true,
      ticks: [
        { responseId: 41, responseNumber: 3, key: 'stages.0.wouldHaveHelped', codeIds: [7, 9] },
      ],
    });
    const none = readStageTicks([map], form([['answer', '41:stages.0.wouldHaveHelped']]));
    expect(none).toMatchObject({ ok: true, ticks: [{ codeIds: [] }] });
  });

  it('refuses the whole form when any answer is not one of these maps’ written answers', () => {
    const good = ['answer', '41:stages.0.wouldHaveHelped'] as [string, string];
    for (const bad of [
      '42:stages.0.wouldHaveHelped', // not a map of this activity
      '41:stages.1.wouldHaveHelped', // empty answer
      '41:stages.5.wouldHaveHelped', // no such stage
      '41:stages.0.happened', // coded on the map's own page
      '41:role',
    ]) {
      expect(readStageTicks([map], form([good, ['answer', bad]]))).toEqual({
        ok: false,
        message: 'Unknown answer',
      });
    }
    expect(readStageTicks([map], form([]))).toMatchObject({ ok: false });
  });
});
