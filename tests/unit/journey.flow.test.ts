import { describe, expect, it } from 'vitest';
import {
  afterStage,
  decodeJourneyStep,
  encodeJourneyStep,
  journeyStepUrl,
  stepBefore,
} from '../../src/forms/journeyFlow.ts';
import { journeyFormGet, keepJourneyStep } from '../../src/server/journeyFormGet.ts';
import { emptyStage } from '../../src/forms/journeyMap.ts';

describe('the steps of a journey map, one stage a page', () => {
  it('walks the stages in order, then the list of stages', () => {
    expect(afterStage(0, 3, undefined)).toEqual({ stage: 1 });
    expect(afterStage(2, 3, undefined)).toBe('stages');
    expect(afterStage(0, 3, 'check')).toBe('check');
  });

  it('goes back one step, or to where Change came from', () => {
    expect(stepBefore({ stage: 0 }, 3, undefined)).toBe('start');
    expect(stepBefore({ stage: 2 }, 3, undefined)).toEqual({ stage: 1 });
    expect(stepBefore('stages', 3, undefined)).toEqual({ stage: 2 });
    expect(stepBefore('check', 3, undefined)).toBe('role');
    expect(stepBefore({ stage: 1 }, 3, 'stages')).toBe('stages');
  });

  it('reads a step from an address, and anything else as the start', () => {
    for (const step of ['stages', 'role', 'check', { stage: 2 }] as const)
      expect(decodeJourneyStep(encodeJourneyStep(step), 3)).toEqual(step);
    expect(decodeJourneyStep('stage-3', 3)).toBe('start');
    expect(decodeJourneyStep('stage-x', 3)).toBe('start');
    expect(decodeJourneyStep(null, 3)).toBe('start');
  });
});

describe('a journey map kept between a step and its page without JavaScript', () => {
  const values = { stages: [emptyStage('A'), emptyStage('B')], consent: { a: true } };

  it('opens any step of the map by its address, errors only on their own step', () => {
    const token = keepJourneyStep(
      undefined,
      'j',
      { step: { stage: 1 }, values, errors: { 'stages.1.feeling': 'x' } },
      422,
    );
    const url = (step: string) =>
      new URL(`http://x${journeyStepUrl('j', token, decodeJourneyStep(step, 2), undefined)}`);
    expect(journeyFormGet('j', url('stage-1'))).toMatchObject({
      status: 422,
      state: { step: { stage: 1 }, errors: { 'stages.1.feeling': 'x' } },
    });
    expect(journeyFormGet('j', url('stage-0'))).toMatchObject({
      status: 200,
      state: { step: { stage: 0 }, errors: {}, values },
    });
    // Another activity's code, or none, starts again and says why.
    expect(journeyFormGet('k', url('stage-0')).state.notice).toMatch(/no longer kept/);
  });

  it('keeps only the receipt once the map is sent', () => {
    const token = keepJourneyStep(undefined, 'j', { step: { done: 'R' }, values, errors: {} }, 201);
    const { state } = journeyFormGet('j', new URL(`http://x/?p=${token}&step=stage-0`));
    expect(state.step).toEqual({ done: 'R' });
    expect(state.values.stages).toEqual([]);
  });
});
