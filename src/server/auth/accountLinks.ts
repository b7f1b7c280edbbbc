import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { inWriteTransaction } from '../responseStore.ts';
import {
  addResearcher,
  AccountError,
  findByEmail,
  findById,
  isEmail,
  normaliseEmail,
  setPasswordHash,
  type Role,
} from './accounts.ts';
import { recordAudit } from './audit.ts';
import { hashToken } from './sessions.ts';

export { LINK_PATH } from './guards.ts';

/** How long a link works: long enough for a weekend, short enough to go stale (SECURITY.md). */
export const LINK_LIFETIME_HOURS = 72;

export type LinkPurpose = 'invite' | 'reset';

export interface AccountLink {
  purpose: LinkPurpose;
  email: string;
  role: Role;
  researcherId: number | null;
  expiresAt: string;
}

function newLink(
  db: DatabaseSync,
  link: Omit<AccountLink, 'expiresAt'>,
  actorId: number,
  now: Date,
): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_HOURS * 3600_000).toISOString();
  inWriteTransaction(db, () => {
    // One working link per person: a new one replaces any earlier one.
    db.prepare('DELETE FROM account_links WHERE email = ?').run(link.email);
    db.prepare(
      `INSERT INTO account_links (token_hash, purpose, email, role, researcher_id, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(hashToken(token), link.purpose, link.email, link.role, link.researcherId, expiresAt);
    recordAudit(db, {
      researcherId: actorId,
      action: link.purpose === 'invite' ? 'invite-created' : 'password-reset-link-created',
      detail: `${link.email} (${link.role}), expires ${expiresAt.slice(0, 16).replace('T', ' ')}`,
    });
  });
  return { token, expiresAt };
}

/** An invitation to make an account for `email`; throws AccountError for a bad or taken email. */
export function createInvite(
  db: DatabaseSync,
  input: { email: string; role: Role },
  actorId: number,
  now = new Date(),
) {
  const email = normaliseEmail(input.email);
  if (!isEmail(email)) throw new AccountError(`“${email}” is not an email address.`);
  if (findByEmail(db, email)) throw new AccountError(`There is already an account for ${email}.`);
  return newLink(
    db,
    { purpose: 'invite', email, role: input.role, researcherId: null },
    actorId,
    now,
  );
}

/** A link with which the researcher sets a new password (the old one keeps working until then). */
export function createResetLink(
  db: DatabaseSync,
  researcherId: number,
  actorId: number,
  now = new Date(),
) {
  const account = findById(db, researcherId);
  if (!account) throw new AccountError('There is no such account.');
  return newLink(
    db,
    { purpose: 'reset', email: account.email, role: account.role, researcherId },
    actorId,
    now,
  );
}

/** The link a token opens, or undefined if it never existed, was used, or has expired. */
export function findLink(
  db: DatabaseSync,
  token: string,
  now = new Date(),
): AccountLink | undefined {
  const row = db
    .prepare(
      `SELECT purpose, email, role, researcher_id AS researcherId, expires_at AS expiresAt
       FROM account_links WHERE token_hash = ? AND expires_at > ?`,
    )
    .get(hashToken(token), now.toISOString()) as AccountLink | undefined;
  return row ? { ...row } : undefined;
}

/**
 * Uses a link once: it is deleted in the same statement that reads it, so two tabs cannot both
 * use it. Makes the invited account, or sets the new password (which signs the account out
 * everywhere). Returns the email signed up or reset, or undefined if the link no longer works.
 */
export function useLink(
  db: DatabaseSync,
  token: string,
  passwordHash: string,
  now = new Date(),
): { purpose: LinkPurpose; email: string } | undefined {
  const link = inWriteTransaction(db, () => {
    const row = db
      .prepare(
        `DELETE FROM account_links WHERE token_hash = ? AND expires_at > ?
         RETURNING purpose, email, role, researcher_id AS researcherId`,
      )
      .get(hashToken(token), now.toISOString()) as
      { purpose: LinkPurpose; email: string; role: Role; researcherId: number | null } | undefined;
    return row ? { ...row } : undefined;
  });
  if (!link) return undefined;
  if (link.purpose === 'invite') {
    addResearcher(db, { email: link.email, role: link.role, passwordHash });
  } else {
    setPasswordHash(db, link.researcherId!, passwordHash, { id: null });
  }
  return { purpose: link.purpose, email: link.email };
}

/** Links past their time, deleted so the table holds only ones that could still work. */
export function pruneLinks(db: DatabaseSync, now = new Date()) {
  db.prepare('DELETE FROM account_links WHERE expires_at <= ?').run(now.toISOString());
}
