import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { saveFeedback } from '../../src/server/feedbackStore.ts';
import { createCode } from '../../src/server/research/coding.ts';
import { addExcerpt } from '../../src/server/research/excerpts.ts';
import { listFlags, recordFlagAction } from '../../src/server/research/flags.ts';
import { setStageGroup, stageGroups } from '../../src/server/research/journeyData.ts';
import { decide } from '../../src/server/research/moderation.ts';
import { purgeExpired, purgeExpiredFeedback } from '../../src/server/research/purge.ts';
import { deleteResponse } from '../../src/server/research/responses.ts';
import type { ActivityKind } from '../../src/server/store.ts';
import { useTempStore } from '../helpers/tempStore.ts';

/**
 * Whatever a participant typed must leave the database files (.sqlite, -wal and -shm) when their
 * answer is withdrawn, deleted by a researcher or purged (docs/reliability.md G22). The tables are read
 * from the migrated schema, not listed by hand: a new table fails the first test until it is
 * classified here, and a participant's words turning up in a column not classified as holding
 * them fails the others.
 */
const PARTICIPANT_TEXT: Record<string, string[]> = {
  responses: ['answers'],
  journey_stage_groups: ['stage_name'],
  feedback: ['comment', 'display_name', 'published_text', 'published_name'],
  feedback_reactions: ['why'],
  excerpts: ['quote'],
};

/** Tables that never hold a participant's words, and why. */
const NO_PARTICIPANT_TEXT: Record<string, string> = {
  schema_migrations: 'migration names',
  instance: 'site settings and the receipt key',
  researchers: 'researcher accounts',
  recovery_codes: 'hashes of researchers’ recovery codes',
  account_links: 'hashes of one-time invitation and reset links, with the email they are for',
  sessions: 'hashes of session tokens',
  audit_log: 'names what was done to which response, never answers',
  codes: 'thematic codes, in researchers’ words',
  answer_codes: 'response and question ids',
  activity_numbers: 'the last number given to a response in each activity',
  flags: 'the risk phrases from the site settings that matched, and question ids',
  flag_actions: 'what researchers did, in their words',
  feedback_replies: 'the team’s public replies (deleted with the feedback)',
};

const tables = (db: DatabaseSync) =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);

const columns = (db: DatabaseSync, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
    (c) => c.name,
  );

/** Every `table.column` of the schema holding `marker` anywhere in its value. */
function columnsHolding(db: DatabaseSync, marker: string): string[] {
  return tables(db).flatMap((table) =>
    columns(db, table)
      .filter((column) => {
        const row = db
          .prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?)`)
          .get(marker) as { n: number };
        return Number(row.n) > 0;
      })
      .map((column) => `${table}.${column}`),
  );
}

const everyParticipantColumn = Object.entries(PARTICIPANT_TEXT)
  .flatMap(([table, cols]) => cols.map((c) => `${table}.${c}`))
  .sort();

const temp = useTempStore('sg-residue-');

describe('where participants’ words are stored', () => {
  it('classifies every table and column of the schema', () => {
    const db = temp.store.database();
    expect(tables(db)).toEqual(
      [...Object.keys(PARTICIPANT_TEXT), ...Object.keys(NO_PARTICIPANT_TEXT)].sort(),
    );
    for (const [table, cols] of Object.entries(PARTICIPANT_TEXT)) {
      expect(columns(db, table)).toEqual(expect.arrayContaining(cols));
    }
  });
});

const RECEIVED = '2026-01-10';
const closedSurvey = { title: 't', closes: new Date('2026-01-31'), retentionMonths: 1 };
const AFTER_RETENTION = new Date('2026-06-01T12:00:00Z');

interface Seeded {
  receipts: { survey: string; journey: string; feedback: string };
  ids: { survey: number; journey: number };
}

/** One survey answer, one journey map (its free stage name grouped) and one piece of feedback
 * (published in the moderator's edit), each carrying `marker` in every field a person types. */
function seed(marker: string): Seeded {
  const db = temp.store.database();
  const save = (kind: ActivityKind, slug: string, answers: Record<string, unknown>) => {
    const saved = temp.store.saveResponse({
      kind,
      slug,
      definitionHash: 'd'.repeat(64),
      consentVersion: '1',
      answers,
      consent: { agree: true },
      submissionId: randomUUID(),
      receivedOn: RECEIVED,
      riskMatch: { phrases: ['hit me'], questions: ['help'] },
    }) as { receipt: string };
    const { id } = db
      .prepare('SELECT MAX(id) AS id FROM responses WHERE activity_slug = ?')
      .get(slug) as { id: number };
    return { receipt: saved.receipt, id: Number(id) };
  };
  const stage = (name: string, words = marker) => ({
    name,
    happened: `${words} happened`,
    who: [],
    feeling: 2,
    helped: `${words} helped`,
    wouldHaveHelped: `${words} would have helped`,
  });
  const survey = save('survey', 'the-survey', { help: `${marker} they hit me` });
  // A researcher codes a passage of it: the passage keeps the participant's words.
  const code = createCode(db, `Theme ${randomUUID().slice(0, 8)}`);
  addExcerpt(db, survey.id, 'help', { start: 0, end: marker.length, quote: marker }, [code]);
  const journey = save('journey', 'the-journey', {
    role: 'parent',
    stages: [stage(`${marker} waiting`), stage('Assessment')],
  });
  // Someone else's map, whose own free stage name keeps its group.
  save('journey', 'the-journey', { role: 'parent', stages: [stage('Kept name', 'Other person')] });
  setStageGroup(db, 'the-journey', `  ${marker} WAITING `, 'Waiting for help');
  setStageGroup(db, 'the-journey', 'Kept name', 'Waiting for help');

  const feedback = saveFeedback(db, {
    slug: 'the-scope',
    scopeVersion: '1',
    definitionHash: 'd'.repeat(64),
    receivedOn: RECEIVED,
    sourceGroup: randomUUID(),
    feedback: {
      submissionId: randomUUID(),
      reactions: [{ featureId: 'timeline', reaction: 'worried', why: `${marker} why` }],
      comment: `${marker} comment`,
      role: 'parent-carer',
      displayName: `${marker} name`,
      consentQuote: true,
      consentShow: true,
    },
  }) as { receipt: string; id: number };
  decide(
    db,
    'the-scope',
    feedback.id,
    { action: 'approve', text: `${marker} edited`, name: `${marker} initials` },
    1,
    RECEIVED,
  );
  return {
    receipts: { survey: survey.receipt, journey: journey.receipt, feedback: feedback.receipt },
    ids: { survey: survey.id, journey: journey.id },
  };
}

const REMOVALS: Record<string, (seeded: Seeded) => void> = {
  'withdrawn with the receipt code': ({ receipts }) => {
    for (const receipt of Object.values(receipts)) {
      expect(temp.store.withdrawResponse(receipt)).toBeTruthy();
    }
  },
  'deleted by a researcher': ({ ids, receipts }) => {
    const db = temp.store.database();
    expect(deleteResponse(db, 'survey', 'the-survey', ids.survey)).toBe(true);
    expect(deleteResponse(db, 'journey', 'the-journey', ids.journey)).toBe(true);
    // Feedback has no delete button: researchers withdraw it by the person's code.
    expect(temp.store.withdrawResponse(receipts.feedback)).toMatchObject({ kind: 'feedback' });
  },
  'purged after retention': () => {
    const db = temp.store.database();
    for (const flag of listFlags(db)) {
      recordFlagAction(db, { flagId: flag.id, researcherId: 1, note: 'Done', close: true, at: '' });
    }
    // The other person's map is purged with it, so their group goes too: checked below.
    purgeExpired(
      db,
      [
        { slug: 'the-survey', survey: closedSurvey },
        { slug: 'the-journey', survey: closedSurvey, kind: 'journey' },
      ],
      AFTER_RETENTION,
    );
    purgeExpiredFeedback(
      db,
      [{ slug: 'the-scope', prototype: { retentionMonths: 1 } }],
      AFTER_RETENTION,
    );
  },
};

describe.each(Object.entries(REMOVALS))('an answer %s', (_, remove) => {
  it('leaves none of the participant’s words in any table or database file', () => {
    const marker = `RESIDUE${randomUUID().replace(/-/g, '')}`;
    const db = temp.store.database();
    const seeded = seed(marker);
    // The marker reached every column classified as holding participants' words, and no other.
    expect(columnsHolding(db, marker).sort()).toEqual(everyParticipantColumn);

    remove(seeded);

    expect(columnsHolding(db, marker)).toEqual([]);
    const files = readdirSync(temp.dir);
    expect(files).toEqual(
      expect.arrayContaining([
        'safeguarding.sqlite',
        'safeguarding.sqlite-wal',
        'safeguarding.sqlite-shm',
      ]),
    );
    for (const file of files) {
      expect(readFileSync(path.join(temp.dir, file)).includes(marker), file).toBe(false);
    }
  });
});

describe('stage groups', () => {
  it('are kept while some stored map still uses the name, and go with the last one', () => {
    const seeded = seed(`RESIDUE${randomUUID().replace(/-/g, '')}`);
    const db = temp.store.database();
    temp.store.withdrawResponse(seeded.receipts.journey);
    expect([...stageGroups(db, 'the-journey').keys()]).toEqual(['kept name']);
    const other = db.prepare(`SELECT id FROM responses WHERE activity_kind = 'journey'`).get() as {
      id: number;
    };
    deleteResponse(db, 'journey', 'the-journey', Number(other.id));
    expect(stageGroups(db, 'the-journey').size).toBe(0);
  });
});
