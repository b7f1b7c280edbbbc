import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { inWriteTransaction } from '../responseStore.ts';

/**
 * Authenticator (TOTP) secrets are stored sealed with AES-256-GCM under a key kept in a file
 * outside the database (`TOTP_KEY_FILE`, default `totp.key` beside the database), so a copied
 * database or backup holds no secret that makes codes. The file holds one base64 key a line:
 * the first seals, every line can open, which lets `npm run researcher -- rotate-totp-key` add a
 * new key, re-seal every secret under it, and only then drop the old ones. It is read at each
 * use (sign-ins are rare), so a running server follows a rotation without a restart.
 */
export class TotpKeyError extends Error {
  override name = 'TotpKeyError';
}

const PREFIX = 'v1';
const KEY_BYTES = 32;

export function totpKeyFile(db: DatabaseSync, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.TOTP_KEY_FILE?.trim();
  if (configured) return path.resolve(configured);
  const location = db.location();
  if (!location) throw new TotpKeyError('An in-memory database needs TOTP_KEY_FILE.');
  return path.join(path.dirname(location), 'totp.key');
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 12);

function parseKeys(text: string, file: string): Buffer[] {
  const keys = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => Buffer.from(line, 'base64'));
  if (keys.length === 0 || keys.some((key) => key.length !== KEY_BYTES)) {
    throw new TotpKeyError(`${file} must hold base64 keys of ${KEY_BYTES} bytes, one a line.`);
  }
  return keys;
}

export function writeKeys(file: string, keys: Buffer[]) {
  // Written beside and renamed into place, so a crash never leaves half a key file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, keys.map((key) => `${key.toString('base64')}\n`).join(''), {
    mode: 0o600,
  });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** The keys in the file, newest first; a missing file is created with one new key. */
export function readKeys(file: string): Buffer[] {
  if (!existsSync(file)) writeKeys(file, [randomBytes(KEY_BYTES)]);
  return parseKeys(readFileSync(file, 'utf8'), file);
}

export const newKey = () => randomBytes(KEY_BYTES);

export function sealWith(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [PREFIX, keyId(key), iv.toString('base64url'), body.toString('base64url')].join('.');
}

export const isSealed = (stored: string) => stored.startsWith(`${PREFIX}.`);

export function openWith(keys: Buffer[], stored: string): string {
  // A secret from before sealing was added is plain base32; the server seals those at start.
  if (!isSealed(stored)) return stored;
  const [, id, iv, body] = stored.split('.');
  const key = keys.find((k) => keyId(k) === id);
  if (!key) {
    throw new TotpKeyError(
      'The key that sealed an authenticator secret is not in the TOTP key file.',
    );
  }
  const data = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([
    decipher.update(data.subarray(0, data.length - 16)),
    decipher.final(),
  ]).toString('utf8');
}

export const sealTotpSecret = (db: DatabaseSync, secret: string) =>
  sealWith(readKeys(totpKeyFile(db))[0], secret);

export const openTotpSecret = (db: DatabaseSync, stored: string) =>
  openWith(readKeys(totpKeyFile(db)), stored);

/**
 * Re-seals every stored secret (set up or pending) under the first key in `keys`, in one
 * transaction. Returns how many were re-sealed.
 */
export function resealAll(db: DatabaseSync, keys: Buffer[]): number {
  const rows = db
    .prepare(
      `SELECT id, totp_secret AS secret, totp_pending_secret AS pending FROM researchers
       WHERE totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL`,
    )
    .all() as { id: number; secret: string | null; pending: string | null }[];
  const reseal = (value: string | null) => value && sealWith(keys[0], openWith(keys, value));
  const update = db.prepare(
    'UPDATE researchers SET totp_secret = ?, totp_pending_secret = ? WHERE id = ?',
  );
  inWriteTransaction(db, () => {
    for (const row of rows) update.run(reseal(row.secret), reseal(row.pending), row.id);
  });
  return rows.length;
}

/** Seals secrets stored in plain text by an older version (run at server start). */
export function sealPlainSecrets(db: DatabaseSync): number {
  const plain = db
    .prepare(
      `SELECT count(*) AS n FROM researchers
       WHERE (totp_secret IS NOT NULL AND totp_secret NOT LIKE 'v1.%')
          OR (totp_pending_secret IS NOT NULL AND totp_pending_secret NOT LIKE 'v1.%')`,
    )
    .get() as { n: number };
  return plain.n > 0 ? resealAll(db, readKeys(totpKeyFile(db))) : 0;
}

/**
 * Rotation: a new key goes first in the file (old keys still open), every secret is re-sealed
 * under it, then the old keys are dropped. A crash between the steps leaves a file that still
 * opens everything.
 */
export function rotateTotpKey(db: DatabaseSync): number {
  const file = totpKeyFile(db);
  const keys = [newKey(), ...readKeys(file)];
  writeKeys(file, keys);
  const count = resealAll(db, keys);
  writeKeys(file, [keys[0]]);
  return count;
}
