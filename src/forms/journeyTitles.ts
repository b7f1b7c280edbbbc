import type { JourneyStep } from './journeyFlow.ts';
import type { FieldErrors } from './validateSurvey.ts';

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
): string {
  const title =
    step === 'start'
      ? activityTitle
      : step === 'stages'
        ? 'Stages of your journey map'
        : step === 'role'
          ? 'Which best describes you?'
          : step === 'check'
            ? 'Check your journey map'
            : 'stage' in step
              ? `Stage ${step.stage + 1}${stageCount ? ` of ${stageCount}` : ''} of your journey map`
              : 'Journey map sent';
  const withErrors = `${Object.keys(errors).length ? 'Error: ' : ''}${title}`;
  return siteName ? `${withErrors} – ${siteName}` : withErrors;
}
