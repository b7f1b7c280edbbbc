import type { Journey } from '../schemas/index.ts';
import { emptyStage, MAX_STAGES, type StageValues } from './journeyMap.ts';

/**
 * Adding and removing a stage, and the words that say what changed: one definition for
 * the builder in the page and for the form posts the server answers without JavaScript.
 */
export interface StageChange {
  stages: StageValues[];
  /** The stage added, or where the stage removed was. */
  at: number;
  text: string;
}

const stageName = (stage: StageValues | undefined) => stage?.name?.trim() || 'New stage';

/** A new empty stage at the end, or undefined when the map already has the most it can. */
export function addStage(stages: StageValues[]): StageChange | undefined {
  if (stages.length >= MAX_STAGES) return undefined;
  return {
    stages: [...stages, emptyStage()],
    at: stages.length,
    text: `Stage ${stages.length + 1} added.`,
  };
}

export function removeStage(stages: StageValues[], index: number): StageChange {
  const next = stages.filter((_, i) => i !== index);
  const left = next.length === 1 ? '1 stage left' : `${next.length} stages left`;
  return {
    stages: next,
    at: Math.min(index, next.length),
    text: `Stage ${index + 1}, ${stageName(stages[index])}, removed. ${left}.`,
  };
}

/**
 * The stages a map starts with. A map that already has stages (the participant went back to the
 * start) keeps them: starting again must never throw away what they wrote. In easy read the
 * suggested stages start with their easy-read names.
 */
export function startingStages(
  journey: Journey,
  existing: StageValues[],
  blank: boolean,
  easyRead = false,
): StageValues[] {
  if (existing.length > 0) return existing;
  return blank || journey.suggestedStages.length === 0
    ? [emptyStage()]
    : journey.suggestedStages.map((s) => emptyStage(easyRead ? (s.easyRead ?? s.name) : s.name));
}

/** The suggested stage a stage is still named as (in either wording), for its prompt and picture. */
export function suggestedStage(journey: Journey, name: string | undefined) {
  const key = name?.trim().toLowerCase();
  if (!key) return undefined;
  const same = (text: string | undefined) => text?.trim().toLowerCase() === key;
  return journey.suggestedStages.find((s) => same(s.name) || same(s.easyRead));
}
