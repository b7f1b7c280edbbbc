import {
  readJourneyFiles,
  readPrototypeFiles,
  readSettingsFile,
  readSurveyFiles,
} from './contentFiles.ts';
import type { SubmissionContent } from './submissionEndpoints.ts';

/**
 * The activities and risk phrases the submission endpoints check answers against, read once from
 * content/ with the build's own schemas. `npm start` builds from the same files just before it
 * serves, and a live release (src/server/live/) serves from its own copy of them, so the pages a
 * person answered and the definitions their answers are checked against are the same; the
 * definition hash stored with each answer is the same as the Astro routes store
 * (tests/e2e/submission-endpoints.spec.ts compares them).
 */
export function readSubmissionContent(): SubmissionContent {
  const surveys = new Map(readSurveyFiles().map(({ slug, survey }) => [slug, survey]));
  const journeys = new Map(readJourneyFiles().map(({ slug, survey }) => [slug, survey]));
  const prototypes = new Map(readPrototypeFiles().map(({ slug, prototype }) => [slug, prototype]));
  return {
    surveys: (slug) => surveys.get(slug),
    journeys: (slug) => journeys.get(slug),
    prototypes: (slug) => prototypes.get(slug),
    riskPhrases: readSettingsFile().riskPhrases,
  };
}
