/**
 * Fills a DATA_DIR with generated responses to one survey, written as the site writes them
 * (responseStore.ts: the same columns, canonical JSON, a receipt derived from the instance secret
 * and stored only as its hash), but in large transactions rather than one per response, so
 * 100,000 rows take seconds rather than 100,000 fsyncs.
 */
import { randomUUID } from 'node:crypto';
import type { Survey } from '../../src/schemas/index.ts';
import { canonicalJson, sha256Hex } from '../../src/server/canonicalJson.ts';
import { deriveReceipt, hashReceipt } from '../../src/server/receipts.ts';
import { loadReceiptSecret } from '../../src/server/responseStore.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import { definitionHash } from '../../src/server/surveySubmissions.ts';
import { surveyQuestions } from '../../src/forms/questions.ts';
import { answerValues } from '../../src/schemas/survey.ts';

const WORDS = (
  'phone email meeting referral school police health visitor social worker family child worry ' +
  'shared system secure message late slow nobody called back information plan support review ' +
  'strategy conference trust time record consent threshold agency manager duty team'
).split(' ');

/** A deterministic pseudo-random generator, so every run generates the same data. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generatedAnswers(survey: Survey, next: () => number): Record<string, unknown> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const sentence = (words: number) =>
    Array.from({ length: words }, () => pick(WORDS))
      .join(' ')
      .replace(/^./, (c) => c.toUpperCase()) + '.';
  const answers: Record<string, unknown> = {};
  for (const q of surveyQuestions(survey)) {
    if (q.optional && next() < 0.4) continue;
    if (q.showIf && answers[q.showIf.question] !== q.showIf.equals) continue;
    const values = answerValues(q);
    switch (q.type) {
      case 'multiple-choice':
        answers[q.id] = values!.filter(() => next() < 0.35).slice(0, 4);
        if ((answers[q.id] as string[]).length === 0) answers[q.id] = [values![0]];
        break;
      case 'rating':
        answers[q.id] = Number(pick(values!));
        break;
      case 'single-choice':
      case 'yes-no':
        answers[q.id] = pick(values!);
        break;
      case 'number':
        answers[q.id] = Math.floor(next() * 40);
        break;
      case 'date':
        answers[q.id] =
          `2026-${String(1 + Math.floor(next() * 10)).padStart(2, '0')}-1${Math.floor(next() * 9)}`;
        break;
      default:
        answers[q.id] = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
          sentence(8 + Math.floor(next() * 12)),
        ).join(' ');
    }
  }
  return answers;
}

export function insertGeneratedResponses(
  dataDir: string,
  slug: string,
  survey: Survey,
  count: number,
) {
  const store = openSqliteStore(dataDir);
  const db = store.database();
  const secret = loadReceiptSecret(db);
  const insert = db.prepare(
    `INSERT INTO responses (activity_kind, activity_slug, definition_hash, consent_version,
       consent, answers, submission_id, payload_hash, receipt_hash, received_on)
     VALUES ('survey', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const consent = Object.fromEntries(survey.consent.statements.map((s) => [s.id, true]));
  const hash = definitionHash(survey);
  const next = random(8);
  const BATCH = 10_000;
  // Every tenth response has one coded passage (the first sentence of its first written answer),
  // so the browser's "coded" filter and the codebook counts have something to find.
  db.exec(`INSERT OR IGNORE INTO codes (name) VALUES ('Time pressure'), ('Information sharing')`);
  const codeIds = (
    db.prepare('SELECT id FROM codes ORDER BY id LIMIT 2').all() as { id: number }[]
  ).map((row) => row.id);
  const excerpt = db.prepare(
    `INSERT INTO excerpts (response_id, question_id, code_id, span_start, span_end, quote)
     VALUES (?, ?, ?, 0, ?, ?)`,
  );
  try {
    for (let done = 0; done < count; done += BATCH) {
      db.exec('BEGIN IMMEDIATE');
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        const answers = generatedAnswers(survey, next);
        const submissionId = randomUUID();
        const day = new Date(Date.UTC(2026, 10, 1) + Math.floor((i / count) * 120) * 86_400_000);
        insert.run(
          slug,
          hash,
          survey.consent.version,
          canonicalJson(consent),
          canonicalJson(answers),
          submissionId,
          sha256Hex(canonicalJson({ answers, consent })),
          hashReceipt(deriveReceipt(secret, 'survey', slug, submissionId)),
          day.toISOString().slice(0, 10),
        );
        if (i % 10 !== 0) continue;
        const written = Object.entries(answers).find(
          ([, v]) => typeof v === 'string' && v.includes('. '),
        );
        if (!written) continue;
        const quote = (written[1] as string).slice(0, (written[1] as string).indexOf('.') + 1);
        const responseId = Number(
          (db.prepare('SELECT last_insert_rowid() AS id').get() as { id: number }).id,
        );
        excerpt.run(responseId, written[0], codeIds[i % 20 === 0 ? 0 : 1], quote.length, quote);
      }
      db.exec('COMMIT');
    }
  } finally {
    store.close();
  }
}
