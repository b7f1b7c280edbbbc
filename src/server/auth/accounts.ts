import type { DatabaseSync } from 'node:sqlite';
import { inWriteTransaction } from '../responseStore.ts';
import { recordAudit } from './audit.ts';
import { clearRecoveryCodes, replaceRecoveryCodes } from './recoveryCodes.ts';
import { deleteSessionsOf } from './sessions.ts';
import { sealTotpSecret } from './totpKey.ts';

export type Role = 'admin' | 'researcher';
export const ROLES: readonly Role[] = ['admin', 'researcher'];

export interface Researcher {
  id: number;
  email: string;
  role: Role;
  passwordHash: string;
  /** Sealed (src/server/auth/totpKey.ts): open with openTotpSecret. */
  totpSecret: string | null;
  /** Sealed like totpSecret. */
  totpPendingSecret: string | null;
  totpLastStep: number;
  createdAt: string;
  disabled: boolean;
}

/** What the account list shows: no hashes or secrets. */
export type ResearcherSummary = Pick<
  Researcher,
  'id' | 'email' | 'role' | 'createdAt' | 'disabled'
> & {
  hasSecondFactor: boolean;
};

const COLUMNS = `id, email, role, password_hash AS passwordHash, totp_secret AS totpSecret,
  totp_pending_secret AS totpPendingSecret, totp_last_step AS totpLastStep,
  created_at AS createdAt, disabled`;

export class AccountError extends Error {
  override name = 'AccountError';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(input: string): string {
  return input.trim();
}

export function isEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

function fromRow(row: Record<string, unknown> | undefined): Researcher | undefined {
  return row ? ({ ...row, disabled: row.disabled === 1 } as unknown as Researcher) : undefined;
}

export function findByEmail(db: DatabaseSync, email: string): Researcher | undefined {
  return fromRow(
    db.prepare(`SELECT ${COLUMNS} FROM researchers WHERE email = ?`).get(email.trim()) as
      Record<string, unknown> | undefined,
  );
}

export function findById(db: DatabaseSync, id: number): Researcher | undefined {
  return fromRow(
    db.prepare(`SELECT ${COLUMNS} FROM researchers WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined,
  );
}

/** When each account last signed in, from the audit log (no separate record to keep). */
export function lastSignIns(db: DatabaseSync): Map<number, string> {
  const rows = db
    .prepare(
      `SELECT researcher_id AS id, MAX(at) AS at FROM audit_log
       WHERE action = 'sign-in' AND researcher_id IS NOT NULL GROUP BY researcher_id`,
    )
    .all() as { id: number; at: string }[];
  return new Map(rows.map((r) => [Number(r.id), r.at]));
}

export function listResearchers(db: DatabaseSync): ResearcherSummary[] {
  return (
    db
      .prepare(
        `SELECT id, email, role, created_at AS createdAt, disabled,
           totp_secret IS NOT NULL AS hasSecondFactor
         FROM researchers ORDER BY email`,
      )
      .all() as Record<string, unknown>[]
  ).map((row) => ({
    ...(row as unknown as ResearcherSummary),
    disabled: row.disabled === 1,
    hasSecondFactor: row.hasSecondFactor === 1,
  }));
}

export function addResearcher(
  db: DatabaseSync,
  input: { email: string; role: Role; passwordHash: string },
  actorId: number | null = null,
): number {
  const email = normaliseEmail(input.email);
  if (!isEmail(email)) throw new AccountError(`“${email}” is not an email address.`);
  if (!ROLES.includes(input.role)) throw new AccountError('The role must be admin or researcher.');
  return inWriteTransaction(db, () => {
    if (findByEmail(db, email)) throw new AccountError(`There is already an account for ${email}.`);
    const { lastInsertRowid } = db
      .prepare('INSERT INTO researchers (email, role, password_hash) VALUES (?, ?, ?)')
      .run(email, input.role, input.passwordHash);
    const id = Number(lastInsertRowid);
    recordAudit(db, {
      researcherId: actorId,
      action: 'account-added',
      detail: `${email} (${input.role}, id ${id})`,
    });
    return id;
  });
}

/** Deletes the account; its sessions go with it (ON DELETE CASCADE). False if there was none. */
export function removeResearcher(db: DatabaseSync, id: number, actorId: number | null = null) {
  return inWriteTransaction(db, () => {
    const existing = findById(db, id);
    if (!existing) return false;
    deleteSessionsOf(db, id);
    db.prepare('DELETE FROM researchers WHERE id = ?').run(id);
    recordAudit(db, {
      researcherId: actorId,
      action: 'account-removed',
      detail: `${existing.email} (id ${id})`,
    });
    return true;
  });
}

export function setDisabled(
  db: DatabaseSync,
  id: number,
  disabled: boolean,
  actorId: number | null,
) {
  inWriteTransaction(db, () => {
    const existing = findById(db, id);
    if (!existing) throw new AccountError('There is no such account.');
    db.prepare('UPDATE researchers SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
    if (disabled) deleteSessionsOf(db, id);
    recordAudit(db, {
      researcherId: actorId,
      action: disabled ? 'account-disabled' : 'account-enabled',
      detail: `${existing.email} (id ${id})`,
    });
  });
}

/**
 * Replaces the password and ends the account's other sessions (all of them when reset by
 * someone else), so a leaked password stops working everywhere at once.
 */
export function setPasswordHash(
  db: DatabaseSync,
  id: number,
  passwordHash: string,
  actor: { id: number | null; keepToken?: string },
) {
  inWriteTransaction(db, () => {
    const existing = findById(db, id);
    if (!existing) throw new AccountError('There is no such account.');
    db.prepare('UPDATE researchers SET password_hash = ? WHERE id = ?').run(passwordHash, id);
    deleteSessionsOf(db, id, actor.keepToken);
    recordAudit(db, {
      researcherId: actor.id,
      action: actor.id === id ? 'password-changed' : 'password-reset',
      detail: `${existing.email} (id ${id})`,
    });
  });
}

/** Keeps a new secret, sealed, until a code from it confirms it (null forgets it). */
export function setPendingTotpSecret(db: DatabaseSync, id: number, secret: string | null) {
  db.prepare('UPDATE researchers SET totp_pending_secret = ? WHERE id = ?').run(
    secret && sealTotpSecret(db, secret),
    id,
  );
}

/**
 * Turns the second factor on with the confirmed pending secret, remembering the step already
 * used, and returns the new recovery codes (shown once, kept only as hashes).
 */
export function enableTotp(db: DatabaseSync, id: number, usedStep: number): string[] {
  return inWriteTransaction(db, () => {
    db.prepare(
      `UPDATE researchers SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
         totp_last_step = ?
       WHERE id = ? AND totp_pending_secret IS NOT NULL`,
    ).run(usedStep, id);
    recordAudit(db, { researcherId: id, action: 'second-factor-on' });
    return replaceRecoveryCodes(db, id);
  });
}

function clearSecondFactor(db: DatabaseSync, id: number) {
  db.prepare(
    `UPDATE researchers SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = 0
     WHERE id = ?`,
  ).run(id);
  clearRecoveryCodes(db, id);
}

export function disableTotp(db: DatabaseSync, id: number) {
  inWriteTransaction(db, () => {
    clearSecondFactor(db, id);
    recordAudit(db, { researcherId: id, action: 'second-factor-off' });
  });
}

/**
 * For someone who lost their authenticator and recovery codes: an administrator (or the command
 * line, actorId null) removes the second factor and ends every session, so whoever held the old
 * one is signed out too. If a second factor is required, the next sign-in asks to set one up.
 */
export function resetSecondFactor(db: DatabaseSync, id: number, actorId: number | null) {
  inWriteTransaction(db, () => {
    const existing = findById(db, id);
    if (!existing) throw new AccountError('There is no such account.');
    clearSecondFactor(db, id);
    deleteSessionsOf(db, id);
    recordAudit(db, {
      researcherId: actorId,
      action: 'second-factor-reset',
      detail: `${existing.email} (id ${id})`,
    });
  });
}

/**
 * Records that a code's time step has been used. The WHERE clause makes this the single-use
 * check too: when two requests race with the same code, only one updates a row.
 */
export function useTotpStep(db: DatabaseSync, id: number, step: number): boolean {
  const { changes } = db
    .prepare('UPDATE researchers SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?')
    .run(step, id, step);
  return Number(changes) === 1;
}

const REQUIRE_KEY = 'require_second_factor';

export function secondFactorRequired(db: DatabaseSync): boolean {
  const row = db.prepare('SELECT value FROM instance WHERE key = ?').get(REQUIRE_KEY) as
    { value: string } | undefined;
  return row?.value === '1';
}

export function setSecondFactorRequired(db: DatabaseSync, required: boolean, actorId: number) {
  inWriteTransaction(db, () => {
    db.prepare('INSERT OR REPLACE INTO instance (key, value) VALUES (?, ?)').run(
      REQUIRE_KEY,
      required ? '1' : '0',
    );
    recordAudit(db, {
      researcherId: actorId,
      action: required ? 'second-factor-required' : 'second-factor-optional',
    });
  });
}
