import type { DatabaseSync } from 'node:sqlite';
import { addResearcher, type Role } from '../../src/server/auth/accounts.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';

export const PASSWORD = 'orange kettle on the moon';

/** Adds an account with PASSWORD and returns its id. */
export async function addAccount(db: DatabaseSync, email: string, role: Role = 'researcher') {
  return addResearcher(db, { email, role, passwordHash: await hashPassword(PASSWORD) });
}
