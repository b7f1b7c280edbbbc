/**
 * Fills DATA_DIR with a generated data set for trying the researcher workspace (issue 15, "Done
 * when"): by default 1,000 responses split across two surveys, saved one by one through the
 * real store (the same checks, numbering and receipts as a participant's submission). Answers
 * are made up from a fixed word list by a seeded generator, so every run gives the same data.
 *
 *   DATA_DIR=/tmp/trial npm run seed -- [count] [survey-slug ...]
 */
import { randomUUID } from 'node:crypto';
import { generatedAnswers } from '../bench/lib/generateResponses.ts';
import { readSurveyFiles } from '../src/server/contentFiles.ts';
import { closeStore, getStore } from '../src/server/store.ts';
import { definitionHash } from '../src/server/surveySubmissions.ts';

const [countArg = '1000', ...slugArgs] = process.argv.slice(2);
const count = Number(countArg);
const slugs = slugArgs.length > 0 ? slugArgs : ['practitioners', 'families-and-ecdp-members'];
const surveys = readSurveyFiles().filter((s) => slugs.includes(s.slug));

if (!Number.isInteger(count) || count < 1 || surveys.length !== slugs.length) {
  console.error('Usage: node scripts/seed-research.ts [count] [survey-slug ...]');
  process.exit(2);
}

/** The same pseudo-random sequence on every run. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const next = seeded(15);
const store = getStore();
const today = new Date().toISOString().slice(0, 10);
try {
  for (let i = 0; i < count; i++) {
    const { slug, survey } = surveys[i % surveys.length];
    const result = store.saveResponse({
      kind: 'survey',
      slug,
      definitionHash: definitionHash(survey),
      consentVersion: survey.consent.version,
      consent: Object.fromEntries(survey.consent.statements.map((s) => [s.id, true])),
      answers: generatedAnswers(survey, next),
      submissionId: randomUUID(),
      receivedOn: today,
    });
    if (result.status !== 'created') throw new Error(`Response ${i + 1} was not saved`);
  }
  const per = surveys.map(
    ({ slug }, n) => `${slug}: ${Math.floor((count + surveys.length - 1 - n) / surveys.length)}`,
  );
  console.log(`Saved ${count} responses (${per.join(', ')}).`);
} finally {
  closeStore();
}
