import { z } from 'astro/zod';
import { PICTOGRAM_NAMES } from './pictograms.ts';

/**
 * The picture beside an easy-read point: one of the bundled pictograms, with alternative text
 * the editor writes for this point (a picture is never shown without it).
 */
export const easyReadPictureSchema = z.object({
  pictogram: z.enum(PICTOGRAM_NAMES),
  // As common.ts's text(): never empty, trimmed (common.ts imports this file, not the reverse).
  alt: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
});

type Issue = { path: PropertyKey[]; field: string };

/**
 * Where an activity that offers easy read still has a participant-facing string without an
 * easy-read version. Each entry names the path to fill in; the build stops on any of them.
 */
export function missingEasyRead(activity: {
  offersEasyRead: boolean;
  easyReadIntro?: string;
  consent: { statements: { easyRead?: string; picture?: unknown }[] };
  questions?: Record<string, unknown>[];
  suggestedStages?: {
    prompt?: string;
    easyRead?: string;
    easyReadPrompt?: string;
    picture?: unknown;
  }[];
  involvedRoles?: { easyRead?: string }[];
  participantRoles?: { easyRead?: string }[];
}): Issue[] {
  if (!activity.offersEasyRead) return [];
  const issues: Issue[] = [];
  const need = (value: unknown, path: PropertyKey[], field: string) => {
    if (value === undefined || value === '') issues.push({ path: [...path, field], field });
  };
  need(activity.easyReadIntro, [], 'easyReadIntro');
  activity.consent.statements.forEach((s, i) => {
    need(s.easyRead, ['consent', 'statements', i], 'easyRead');
    need(s.picture, ['consent', 'statements', i], 'picture');
  });
  (activity.questions ?? []).forEach((q, i) => {
    const at = ['questions', i];
    need(q.easyRead, at, 'easyRead');
    need(q.picture, at, 'picture');
    if (q.hint) need(q.easyReadHint, at, 'easyReadHint');
    if (q.type === 'rating') {
      need(q.easyReadMinLabel, at, 'easyReadMinLabel');
      need(q.easyReadMaxLabel, at, 'easyReadMaxLabel');
    }
    if (q.noneOption) need(q.easyReadNoneOption, at, 'easyReadNoneOption');
    if (q.unit) need(q.easyReadUnit, at, 'easyReadUnit');
    ((q.options ?? []) as { hint?: string; easyRead?: string; easyReadHint?: string }[]).forEach(
      (option, j) => {
        need(option.easyRead, [...at, 'options', j], 'easyRead');
        if (option.hint) need(option.easyReadHint, [...at, 'options', j], 'easyReadHint');
      },
    );
  });
  (activity.suggestedStages ?? []).forEach((stage, i) => {
    need(stage.easyRead, ['suggestedStages', i], 'easyRead');
    if (stage.prompt) need(stage.easyReadPrompt, ['suggestedStages', i], 'easyReadPrompt');
    need(stage.picture, ['suggestedStages', i], 'picture');
  });
  for (const list of ['involvedRoles', 'participantRoles'] as const) {
    (activity[list] ?? []).forEach((role, i) => need(role.easyRead, [list, i], 'easyRead'));
  }
  return issues;
}

/** The build error: an activity says it offers easy read, so every string needs a version. */
export function checkEasyRead(
  activity: Parameters<typeof missingEasyRead>[0],
  ctx: z.RefinementCtx,
) {
  for (const { path, field } of missingEasyRead(activity)) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `"offersEasyRead" is on, so this needs its easy-read version ("${field}")`,
    });
  }
}
