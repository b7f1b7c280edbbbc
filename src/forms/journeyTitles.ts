import type { FieldErrors } from './validateSurvey.ts';

type Step = 'start' | 'build' | 'check' | { done: string };

/**
 * The page title of each journey step, for the server's page and the builder in the page alike.
 * Inner steps leave out the activity's title (it is in the caption above the heading), so a
 * title stays under about 70 characters and the words that differ come first.
 */
export function journeyPageTitle(
  activityTitle: string,
  step: Step,
  errors: FieldErrors,
  siteName?: string,
): string {
  const title =
    step === 'start'
      ? activityTitle
      : step === 'build'
        ? 'Your journey map'
        : step === 'check'
          ? 'Check your journey map'
          : 'Journey map sent';
  const withErrors = `${Object.keys(errors).length ? 'Error: ' : ''}${title}`;
  return siteName ? `${withErrors} – ${siteName}` : withErrors;
}
