import { createSecretKey, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { canonicalJson, sha256Hex } from './canonicalJson.ts';
import { deriveReceipt, hashReceipt, parseReceipt } from './receipts.ts';
import { asStoreError } from './storeErrors.ts';
import { raiseFlag } from './research/flags.ts';
import { deleteFeedbackByReceiptHash } from './feedbackStore.ts';
import type { ActivityKind, NewResponse, SaveResult, Store } from './store.ts';

const SECRET_KEY = 'receipt_secret';

/**
 * The HMAC key receipts are derived from: 32 random bytes made on the first start and kept in
 * the `instance` table. It lives in the database, not in an environment variable, because it
 * must travel with the receipt hashes: a backup restored elsewhere, or a server started without
 * the variable, would otherwise hand out receipts that match nothing. INSERT OR IGNORE on the
 * primary key lets two processes starting together agree on one secret.
 */
export function loadReceiptSecret(db: DatabaseSync): Buffer {
  db.prepare('INSERT OR IGNORE INTO instance (key, value) VALUES (?, ?)').run(
    SECRET_KEY,
    randomBytes(32).toString('hex'),
  );
  const row = db.prepare('SELECT value FROM instance WHERE key = ?').get(SECRET_KEY) as {
    value: string;
  };
  return Buffer.from(row.value, 'hex');
}

/**
 * Runs `work` inside BEGIN IMMEDIATE … COMMIT. IMMEDIATE takes the write lock before reading, so
 * two connections cannot both see "no row with this submission id" and both insert. Any error
 * rolls the whole transaction back (docs/reliability.md G4); a lock timeout or a refused write becomes
 * a StoreUnavailableError (see asStoreError).
 */
export function inWriteTransaction<T>(db: DatabaseSync, work: () => T): T {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    throw asStoreError(error);
  }
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    try {
      if (db.isTransaction) db.exec('ROLLBACK');
    } catch {
      // After an I/O error SQLite may have rolled back already; the first error is the news.
    }
    throw asStoreError(error);
  }
}

/** The response methods of the SQLite store, on one open, migrated connection. */
export function responseMethods(
  db: DatabaseSync,
): Pick<Store, 'saveResponse' | 'withdrawResponse' | 'countResponses'> {
  const secret = createSecretKey(loadReceiptSecret(db));
  const findBySubmission = db.prepare(
    `SELECT activity_kind AS kind, activity_slug AS slug, payload_hash AS payloadHash,
       receipt_hash AS receiptHash
     FROM responses WHERE submission_id = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO responses (activity_kind, activity_slug, definition_hash, consent_version,
       consent, answers, submission_id, payload_hash, receipt_hash, received_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deleteByReceipt = db.prepare('DELETE FROM responses WHERE receipt_hash = ?');
  const count = db.prepare(
    'SELECT COUNT(*) AS n FROM responses WHERE activity_kind = ? AND activity_slug = ?',
  );

  return {
    saveResponse(response: NewResponse, allow = () => true): SaveResult {
      const receipt = deriveReceipt(secret, response.kind, response.slug, response.submissionId);
      const receiptHash = hashReceipt(receipt);
      const payloadHash = sha256Hex(
        canonicalJson({ answers: response.answers, consent: response.consent }),
      );
      return inWriteTransaction(db, (): SaveResult => {
        const existing = findBySubmission.get(response.submissionId) as
          { kind: string; slug: string; payloadHash: string; receiptHash: string } | undefined;
        if (existing) {
          const same =
            existing.kind === response.kind &&
            existing.slug === response.slug &&
            existing.payloadHash === payloadHash;
          if (!same) return { status: 'conflict' };
          // Only possible if the secret was replaced: never hand out a code that deletes nothing.
          if (existing.receiptHash !== receiptHash) {
            throw new Error('The stored receipt does not match this instance’s receipt secret.');
          }
          return { status: 'replayed', receipt };
        }
        if (!allow()) return { status: 'refused' };
        const { lastInsertRowid } = insert.run(
          response.kind,
          response.slug,
          response.definitionHash,
          response.consentVersion,
          canonicalJson(response.consent),
          canonicalJson(response.answers),
          response.submissionId,
          payloadHash,
          receiptHash,
          response.receivedOn,
        );
        // In the same transaction: a flagged answer is never stored without its flag.
        if (response.riskMatch) {
          raiseFlag(db, {
            responseId: Number(lastInsertRowid),
            kind: response.kind,
            slug: response.slug,
            match: response.riskMatch,
            raisedOn: response.receivedOn,
          });
        }
        return { status: 'created', receipt };
      });
    },

    withdrawResponse(input: string): boolean {
      const receipt = parseReceipt(input);
      if (!receipt) return false;
      const receiptHash = hashReceipt(receipt);
      // A receipt belongs to a response or to feedback on a prototype scope: one code, one form.
      const deleted = inWriteTransaction(
        db,
        () =>
          Number(deleteByReceipt.run(receiptHash).changes) ||
          deleteFeedbackByReceiptHash(db, receiptHash),
      );
      if (Number(deleted) === 0) return false;
      flushWal(db);
      return true;
    },

    countResponses(kind: ActivityKind, slug: string): number {
      return Number((count.get(kind, slug) as { n: number | bigint }).n);
    },
  };
}

/**
 * Copies the WAL into the main file and truncates it to zero bytes. With secure_delete ON the
 * main file's copy is overwritten; this removes the older copies the WAL still holds
 * (docs/reliability.md G22). The deletion is already committed, so a checkpoint that cannot finish (a
 * long reader) is reported, not turned into a failed withdrawal; SQLite checkpoints again later.
 */
export function flushWal(db: DatabaseSync) {
  try {
    const result = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number };
    if (result.busy) console.warn('withdrawal: WAL checkpoint deferred by a reader');
  } catch (error) {
    console.warn('withdrawal: WAL checkpoint failed:', (error as Error)?.name);
  }
}
