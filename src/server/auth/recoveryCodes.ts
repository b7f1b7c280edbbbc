import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { encodeCrockford, group, hashReceipt, parseReceipt } from '../receipts.ts';

/**
 * Recovery codes: ten one-use codes shown once when the second factor is turned on, each of
 * which signs in in place of an authenticator code. They are written like receipt codes
 * (80 random bits, Crockford base32, 7K3M-9QPD-XR2A-TB5H), read as forgivingly, and stored only
 * as SHA-256 hashes.
 */
export const RECOVERY_CODE_COUNT = 10;

/** Replaces the account's codes with new ones and returns them (the only time they are seen). */
export function replaceRecoveryCodes(db: DatabaseSync, researcherId: number): string[] {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    group(encodeCrockford(randomBytes(10))),
  );
  db.prepare('DELETE FROM recovery_codes WHERE researcher_id = ?').run(researcherId);
  const insert = db.prepare('INSERT INTO recovery_codes (researcher_id, code_hash) VALUES (?, ?)');
  for (const code of codes) insert.run(researcherId, hashReceipt(code));
  return codes;
}

export function clearRecoveryCodes(db: DatabaseSync, researcherId: number) {
  db.prepare('DELETE FROM recovery_codes WHERE researcher_id = ?').run(researcherId);
}

export function recoveryCodesLeft(db: DatabaseSync, researcherId: number): number {
  return (
    db
      .prepare('SELECT count(*) AS n FROM recovery_codes WHERE researcher_id = ?')
      .get(researcherId) as { n: number }
  ).n;
}

/**
 * Uses up `input` if it is one of the account's codes. The DELETE is the check, so two requests
 * racing with the same code cannot both succeed.
 */
export function useRecoveryCode(db: DatabaseSync, researcherId: number, input: string): boolean {
  const code = parseReceipt(input);
  if (!code) return false;
  const { changes } = db
    .prepare('DELETE FROM recovery_codes WHERE researcher_id = ? AND code_hash = ?')
    .run(researcherId, hashReceipt(code));
  return Number(changes) === 1;
}
