import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { journeySchema as journeyContentSchema } from '../../src/schemas/index.ts';
import { emptyStage, journeyErrors, MAX_STAGES } from '../../src/forms/journeyMap.ts';
import {
  addStage,
  removeStage,
  shiftStage,
  stagePrompt,
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

describe('changing the stages of a map', () => {
  it('says which stage moved and where it is now', () => {
    const change = shiftStage(named('Referral', 'Visit', 'Plan'), 0, 1);
    expect(change.stages.map((s) => s.name)).toEqual(['Visit', 'Referral', 'Plan']);
    expect(change).toMatchObject({ at: 1, text: 'Referral moved down. It is now stage 2 of 3.' });
    expect(shiftStage(named('Referral', 'Visit'), 1, -1).text).toBe(
      'Visit moved up. It is now stage 1 of 2.',
    );
  });

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
      text: 'Stage 2 added. Give it a name below.',
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
    expect(stagePrompt(journey, ' assessment ')).toBe(journey.suggestedStages[2].prompt);
    expect(stagePrompt(journey, 'My own stage')).toBeUndefined();
    expect(stagePrompt(journey, '')).toBeUndefined();
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

describe('journey form posts without JavaScript', () => {
  const store = {} as Store;
  const post = (fields: Record<string, string>) =>
    journeyFormPost(
      store,
      'child-protection-journey',
      journey,
      new URLSearchParams(fields),
      new Date(),
    );

  it('keeps the stages a participant wrote when they go back and start again', async () => {
    const { state } = await post({
      step: 'start',
      'consent.read-about-research': 'yes',
      'consent.can-stop-and-withdraw': 'yes',
      'consent.answers-used-for-research': 'yes',
      'consent.risk-may-be-passed-on': 'yes',
      'stages.0.name': 'What I wrote',
    });
    expect(state.step).toBe('build');
    expect(state.values.stages.map((s) => s.name)).toEqual(['What I wrote']);
  });

  it('says where a moved stage went, for the message shown at that stage', async () => {
    const { state } = await post({
      step: 'build',
      action: 'down:0',
      'stages.0.name': 'Referral',
      'stages.1.name': 'Visit',
    });
    expect(state.changed).toMatchObject({
      at: 1,
      text: 'Referral moved down. It is now stage 2 of 2.',
    });
  });

  it('opens the builder from Change on the check page, with the map as it was', async () => {
    const { state } = await post({ step: 'check', action: 'change:1', 'stages.0.name': 'A' });
    expect(state.step).toBe('build');
    expect(state.values.stages.map((s) => s.name)).toEqual(['A']);
  });
});

describe('journey page titles', () => {
  it('stay under 70 characters with the site name, and put what differs first', () => {
    for (const step of ['start', 'build', 'check', { done: 'X' }] as const) {
      const title = journeyPageTitle(journey.title, step, { role: 'x' }, 'Safeguarding 2.0');
      expect(title.length).toBeLessThan(70);
      expect(title).toMatch(/^Error: /);
    }
    expect(journeyPageTitle(journey.title, 'check', {})).toBe('Check your journey map');
  });
});
