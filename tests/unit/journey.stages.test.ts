import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { journeySchema as journeyContentSchema } from '../../src/schemas/index.ts';
import { emptyStage, journeyErrors, MAX_STAGES } from '../../src/forms/journeyMap.ts';
import {
  addStage,
  removeStage,
  suggestedStage,
  startingStages,
} from '../../src/forms/journeyStages.ts';
import { journeyPageTitle } from '../../src/forms/journeyTitles.ts';
import { journeyFormPost } from '../../src/server/journeyFormPost.ts';
import { ROOT } from '../helpers/contentFiles.ts';
import type { Store } from '../../src/server/store.ts';

const journey = journeyContentSchema.parse(
  parse(readFileSync(path.join(ROOT, 'content/journeys/child-protection-journey.yml'), 'utf8')),
);
const named = (...names: string[]) => names.map((name) => emptyStage(name));

describe('adding and removing stages', () => {
  it('says which stage was removed, by number and name, and how many are left', () => {
    const change = removeStage(named('Referral', 'Visit', 'Plan'), 1);
    expect(change.stages.map((s) => s.name)).toEqual(['Referral', 'Plan']);
    expect(change).toMatchObject({ at: 1, text: 'Stage 2, Visit, removed. 2 stages left.' });
    // The last stage removed: the message goes where "Add a stage" is.
    expect(removeStage(named('Referral', ''), 1)).toMatchObject({
      at: 1,
      text: 'Stage 2, New stage, removed. 1 stage left.',
    });
  });

  it('adds an empty stage at the end, up to the most a map can have', () => {
    expect(addStage(named('Referral'))).toMatchObject({
      at: 1,
      text: 'Stage 2 added.',
    });
    expect(addStage(named(...Array.from({ length: MAX_STAGES }, (_, i) => `S${i}`)))).toBe(
      undefined,
    );
  });

  it('never replaces stages a map already has when it starts again', () => {
    const mine = named('My own first stage');
    expect(startingStages(journey, mine, false)).toBe(mine);
    expect(startingStages(journey, [], false).map((s) => s.name)).toEqual(
      journey.suggestedStages.map((s) => s.name),
    );
    expect(startingStages(journey, [], true)).toEqual([emptyStage()]);
  });

  it('finds a suggested stage’s prompt by its name, ignoring case and spaces', () => {
    expect(suggestedStage(journey, ' assessment ')?.prompt).toBe(journey.suggestedStages[2].prompt);
    // A stage started in easy read is named in easy read, and still finds its prompt.
    expect(suggestedStage(journey, journey.suggestedStages[2].easyRead)).toBe(
      journey.suggestedStages[2],
    );
    expect(suggestedStage(journey, 'My own stage')).toBeUndefined();
    expect(suggestedStage(journey, '')).toBeUndefined();
  });
});

describe('errors about stages', () => {
  it('name the stage, so no two links in the error summary say the same', async () => {
    const errors = await journeyErrors(journey, {
      stages: [...named('Referral', 'Visit'), emptyStage()],
      consent: {},
    });
    expect(errors).toEqual({
      'stages.0.feeling': 'Select how stage 1 (Referral) felt',
      'stages.1.feeling': 'Select how stage 2 (Visit) felt',
      'stages.2.name': 'Enter a name for stage 3',
      'stages.2.feeling': 'Select how stage 3 felt',
      role: 'Select the role that best describes you',
    });
  });
});

const CONSENT = Object.fromEntries(
  journey.consent.statements.map((s) => [`consent.${s.id}`, 'yes']),
);

describe('journey form posts without JavaScript, one stage a page', () => {
  const store = {} as Store;
  const post = (fields: Record<string, string>) =>
    journeyFormPost(
      store,
      'child-protection-journey',
      journey,
      new URLSearchParams(fields),
      new Date(),
    );

  it('starts at the first suggested stage, and keeps a map already started', async () => {
    const fresh = await post({ step: 'start', ...CONSENT });
    expect(fresh.state.step).toEqual({ stage: 0 });
    expect(fresh.state.values.stages).toHaveLength(journey.suggestedStages.length);
    const again = await post({ step: 'start', ...CONSENT, 'stages.0.name': 'What I wrote' });
    expect(again.state.step).toBe('stages');
    expect(again.state.values.stages.map((s) => s.name)).toEqual(['What I wrote']);
  });

  it('checks only the stage on the page, then goes to the next stage', async () => {
    const missing = await post({ step: 'stage-0', 'stages.0.name': 'A', 'stages.1.name': 'B' });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.state.errors)).toEqual(['stages.0.feeling']);
    const saved = await post({
      step: 'stage-0',
      'stages.0.name': 'A',
      'stages.0.feeling': '2',
      'stages.1.name': 'B',
    });
    expect(saved.state.step).toEqual({ stage: 1 });
    const last = await post({
      step: 'stage-1',
      'stages.0.name': 'A',
      'stages.0.feeling': '2',
      'stages.1.name': 'B',
      'stages.1.feeling': '4',
    });
    expect(last.state.step).toBe('stages');
  });

  it('returns to where Change came from', async () => {
    const fields = { 'stages.0.name': 'A', 'stages.0.feeling': '2' };
    expect((await post({ step: 'stage-0', from: 'check', ...fields })).state.step).toBe('check');
  });

  it('asks "Add another stage?", adds one, or goes on to who you are', async () => {
    const fields = { step: 'stages', 'stages.0.name': 'A', 'stages.0.feeling': '2' };
    const unanswered = await post(fields);
    expect(unanswered.status).toBe(422);
    expect(unanswered.state.errors).toEqual({
      another: 'Select yes if you want to add another stage',
    });
    const yes = await post({ ...fields, another: 'yes' });
    expect(yes.state.step).toEqual({ stage: 1 });
    expect(yes.state.values.stages).toHaveLength(2);
    expect((await post({ ...fields, another: 'no' })).state.step).toBe('role');
  });

  it('removes a stage and says which, by number and name', async () => {
    const { state } = await post({
      step: 'stages',
      action: 'remove:0',
      'stages.0.name': 'A',
      'stages.1.name': 'B',
    });
    expect(state.step).toBe('stages');
    expect(state.values.stages.map((s) => s.name)).toEqual(['B']);
    expect(state.changed?.text).toBe('Stage 1, A, removed. 1 stage left.');
  });
});

describe('journey page titles', () => {
  it('stay under 70 characters with the site name, and put what differs first', () => {
    for (const step of ['start', { stage: 6 }, 'stages', 'role', 'check', { done: 'X' }] as const) {
      const title = journeyPageTitle(journey.title, step, { role: 'x' }, 'Safeguarding 2.0', 7);
      expect(title.length).toBeLessThan(70);
      expect(title).toMatch(/^Error: /);
    }
    expect(journeyPageTitle(journey.title, 'check', {})).toBe('Check your journey map');
    expect(journeyPageTitle(journey.title, { stage: 1 }, {}, undefined, 7)).toBe(
      'Stage 2 of 7 of your journey map',
    );
  });
});
