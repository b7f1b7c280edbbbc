import type { DatabaseSync } from 'node:sqlite';

/** What in a response matched the risk phrases: the phrases and the questions they were in. */
export interface RiskMatch {
  phrases: string[];
  questions: string[];
}

/**
 * Lower case, accents removed, punctuation and runs of space as one space, so "Hit  me!" and
 * "hit me" match, and a phrase matches only whole words ("abuse" does not match "disabused").
 */
function normalise(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

// The site's settings give the same list to every submission: normalise it once.
const normalisedLists = new WeakMap<readonly string[], { phrase: string; key: string }[]>();

function normalisedPhrases(riskPhrases: readonly string[]) {
  let wanted = normalisedLists.get(riskPhrases);
  if (!wanted) {
    wanted = riskPhrases.map((phrase) => ({ phrase, key: normalise(phrase) }));
    normalisedLists.set(riskPhrases, wanted);
  }
  return wanted;
}

/**
 * The risk phrases found in a response's free-text answers, at any depth: a survey's answers by
 * question id, a journey map's stages as "stages.2.happened".
 */
export function findRiskPhrases(
  answers: Record<string, unknown>,
  riskPhrases: readonly string[],
): RiskMatch | undefined {
  const wanted = normalisedPhrases(riskPhrases);
  const phrases = new Set<string>();
  const questions = new Set<string>();
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${path}.${i}`));
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) visit(inner, path ? `${path}.${key}` : key);
      return;
    }
    if (typeof value !== 'string') return;
    const text = normalise(value);
    for (const { phrase, key } of wanted) {
      if (key.trim() && text.includes(key)) {
        phrases.add(phrase);
        questions.add(path);
      }
    }
  };
  visit(answers, '');
  return phrases.size > 0 ? { phrases: [...phrases], questions: [...questions] } : undefined;
}

/**
 * Where the risk phrases stand in a participant's own words, as [start, end) spans of `text`,
 * in order and not overlapping, matched as findRiskPhrases matches them (whole words, without
 * case, accents or punctuation), so the researcher sees the very words that raised the flag.
 */
export function riskPhraseSpans(
  text: string,
  riskPhrases: readonly string[],
): { start: number; end: number; kind: 'risk' }[] {
  // The text folded as normalise() folds it, one folded character per original position kept.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const plain = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const kept = /^[\p{L}\p{N}]+$/u.test(plain) ? plain : ' ';
    for (const c of kept) {
      folded += c;
      origin.push(i);
    }
    i += char.length;
  }
  origin.push(text.length);
  const spans: { start: number; end: number; kind: 'risk' }[] = [];
  for (const phrase of riskPhrases) {
    const words = normalise(phrase).trim().split(' ').filter(Boolean);
    if (words.length === 0) continue;
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join(' +')}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of folded.matchAll(pattern)) {
      const start = origin[match.index];
      const last = match.index + match[0].length - 1;
      spans.push({
        start,
        end: origin[last] + (text.codePointAt(origin[last])! > 0xffff ? 2 : 1),
        kind: 'risk',
      });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return spans.filter((span, i) => i === 0 || span.start >= spans[i - 1].end);
}

export interface Flag {
  id: number;
  responseId: number | null;
  /** Set for a flag on feedback about a prototype scope (kind `prototype`). */
  feedbackId: number | null;
  kind: string;
  slug: string;
  phrases: string[];
  questions: string[];
  status: 'open' | 'closed';
  raisedOn: string;
}

export interface FlagAction {
  at: string;
  researcherId: number | null;
  /** Who recorded it, as they sign in; null once their account is removed. */
  researcherEmail: string | null;
  note: string;
  closed: boolean;
}

interface FlagRow {
  id: number;
  response_id: number | null;
  feedback_id: number | null;
  activity_kind: string;
  activity_slug: string;
  phrases: string;
  questions: string;
  status: 'open' | 'closed';
  raised_on: string;
}

const toFlag = (row: FlagRow): Flag => ({
  id: row.id,
  responseId: row.response_id,
  feedbackId: row.feedback_id ?? null,
  kind: row.activity_kind,
  slug: row.activity_slug,
  phrases: JSON.parse(row.phrases) as string[],
  questions: JSON.parse(row.questions) as string[],
  status: row.status,
  raisedOn: row.raised_on,
});

/**
 * Records a flag on a response or on prototype feedback. Called inside the transaction that
 * stores the words (docs/reliability.md G4), or by a moderator who flags a comment by hand.
 */
export function raiseFlag(
  db: DatabaseSync,
  flag: {
    responseId?: number;
    feedbackId?: number;
    kind: string;
    slug: string;
    match: RiskMatch;
    raisedOn: string;
  },
): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO flags (response_id, feedback_id, activity_kind, activity_slug, phrases,
         questions, raised_on)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      flag.responseId ?? null,
      flag.feedbackId ?? null,
      flag.kind,
      flag.slug,
      JSON.stringify(flag.match.phrases),
      JSON.stringify(flag.match.questions),
      flag.raisedOn,
    );
  return Number(lastInsertRowid);
}

/** Open flags first (oldest first: the longest waiting), then the 50 most recent closed ones. */
export function listFlags(db: DatabaseSync): Flag[] {
  const open = db
    .prepare(`SELECT * FROM flags WHERE status = 'open' ORDER BY id`)
    .all() as unknown as FlagRow[];
  const closed = db
    .prepare(`SELECT * FROM flags WHERE status = 'closed' ORDER BY id DESC LIMIT 50`)
    .all() as unknown as FlagRow[];
  return [...open, ...closed].map(toFlag);
}

/** The flags on one stored survey response or journey map, open ones first. */
export function flagsOnResponse(db: DatabaseSync, responseId: number): Flag[] {
  return (
    db
      .prepare(`SELECT * FROM flags WHERE response_id = ? ORDER BY status = 'closed', id`)
      .all(responseId) as unknown as FlagRow[]
  ).map(toFlag);
}

export function countOpenFlags(db: DatabaseSync): number {
  return (
    db.prepare(`SELECT COUNT(*) AS n FROM flags WHERE status = 'open'`).get() as { n: number }
  ).n;
}

export function getFlag(
  db: DatabaseSync,
  id: number,
): { flag: Flag; actions: FlagAction[] } | undefined {
  const row = db.prepare('SELECT * FROM flags WHERE id = ?').get(id) as FlagRow | undefined;
  if (!row) return undefined;
  const actions = (
    db
      .prepare(
        `SELECT a.at, a.researcher_id, r.email, a.note, a.closed FROM flag_actions a
         LEFT JOIN researchers r ON r.id = a.researcher_id WHERE a.flag_id = ? ORDER BY a.id`,
      )
      .all(id) as {
      at: string;
      researcher_id: number | null;
      email: string | null;
      note: string;
      closed: number;
    }[]
  ).map((a) => ({
    at: a.at,
    researcherId: a.researcher_id,
    researcherEmail: a.email,
    note: a.note,
    closed: a.closed === 1,
  }));
  return { flag: toFlag(row), actions };
}

/**
 * Records what a researcher did. Notes are kept, never edited: the history is the record.
 * `close` ends the flag; a closed flag can be reopened by another action with close = false.
 */
export function recordFlagAction(
  db: DatabaseSync,
  action: { flagId: number; researcherId: number; note: string; close: boolean; at: string },
): boolean {
  const exists = db.prepare('SELECT 1 FROM flags WHERE id = ?').get(action.flagId);
  if (!exists) return false;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.prepare(
      'INSERT INTO flag_actions (flag_id, at, researcher_id, note, closed) VALUES (?, ?, ?, ?, ?)',
    ).run(action.flagId, action.at, action.researcherId, action.note, action.close ? 1 : 0);
    db.prepare('UPDATE flags SET status = ? WHERE id = ?').run(
      action.close ? 'closed' : 'open',
      action.flagId,
    );
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return true;
}

/** Responses that must not be purged: a flag on them is still open. */
export const OPEN_FLAG_RESPONSES_SQL = `SELECT response_id FROM flags WHERE status = 'open' AND response_id IS NOT NULL`;
