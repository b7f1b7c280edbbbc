import type { DatabaseSync } from 'node:sqlite';
import {
  addResearcher,
  enableTotp,
  setPendingTotpSecret,
  type Role,
} from '../../src/server/auth/accounts.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';

export const PASSWORD = 'orange kettle on the moon';

/** Adds an account with PASSWORD and returns its id. */
export async function addAccount(db: DatabaseSync, email: string, role: Role = 'researcher') {
  return addResearcher(db, { email, role, passwordHash: await hashPassword(PASSWORD) });
}

/** Turns on a second factor with `secret` (as set-up does), the code of `usedStep` used. */
export function turnOnTotp(db: DatabaseSync, id: number, secret: string, usedStep = 0) {
  setPendingTotpSecret(db, id, secret);
  return enableTotp(db, id, usedStep);
}
