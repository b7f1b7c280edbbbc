import type { JourneyStep } from './journeyFlow.ts';
import type { FieldErrors } from './validateSurvey.ts';
import { journeyWords } from './journeyWords.ts';

/**
 * The page title of each journey step, for the server's page and the builder in the page alike.
 * Inner steps leave out the activity's title (it is in the caption above the heading), so a
 * title stays under about 70 characters and the words that differ come first.
 */
export function journeyPageTitle(
  activityTitle: string,
  step: JourneyStep,
  errors: FieldErrors,
  siteName?: string,
  stageCount = 0,
  easyRead = false,
): string {
  const titles = journeyWords(easyRead).titles;
  const title =
    step === 'start'
      ? activityTitle
      : step === 'stages'
        ? titles.stages
        : step === 'role'
          ? titles.role
          : step === 'check'
            ? titles.check
            : 'stage' in step
              ? titles.stage(step.stage + 1, stageCount)
              : titles.sent;
  const withErrors = `${Object.keys(errors).length ? 'Error: ' : ''}${title}`;
  return siteName ? `${withErrors} – ${siteName}` : withErrors;
}
