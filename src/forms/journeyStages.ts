import type { Journey } from '../schemas/index.ts';
import { emptyStage, MAX_STAGES, moveStage, type StageValues } from './journeyMap.ts';

/**
 * Adding, moving and removing a stage, and the words that say what changed: one definition for
 * the builder in the page and for the form posts the server answers without JavaScript.
 */
export interface StageChange {
  stages: StageValues[];
  /** Where the "what changed" message goes: before this stage (or before "Add a stage"). */
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
    text: `Stage ${stages.length + 1} added. Give it a name below.`,
  };
}

export function shiftStage(stages: StageValues[], index: number, by: -1 | 1): StageChange {
  const next = moveStage(stages, index, by);
  const at = Math.min(Math.max(index + by, 0), next.length - 1);
  return {
    stages: next,
    at,
    text: `${stageName(next[at])} moved ${by < 0 ? 'up' : 'down'}. It is now stage ${at + 1} of ${next.length}.`,
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
 * start) keeps them: starting again must never throw away what they wrote.
 */
export function startingStages(
  journey: Journey,
  existing: StageValues[],
  blank: boolean,
): StageValues[] {
  if (existing.length > 0) return existing;
  return blank || journey.suggestedStages.length === 0
    ? [emptyStage()]
    : journey.suggestedStages.map((s) => emptyStage(s.name));
}

/** The suggested stage's question prompt, for a stage still named as suggested. */
export function stagePrompt(journey: Journey, name: string | undefined): string | undefined {
  const key = name?.trim().toLowerCase();
  if (!key) return undefined;
  return journey.suggestedStages.find((s) => s.name.trim().toLowerCase() === key)?.prompt;
}
