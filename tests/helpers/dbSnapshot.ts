import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

/** Rows a table may gain from a refused request, as an SQL condition (e.g. failed sign-ins). */
export type AllowedWrites = Record<string, string>;

/**
 * A fingerprint of every table: its row count and a hash of all its rows. Two snapshots are equal
 * exactly when no row was added, changed or removed anywhere, so a test can prove a refused
 * request stored nothing without knowing which tables a route might touch. On a difference,
 * the failing table is named.
 */
export function snapshotDatabase(
  db: DatabaseSync,
  allowed: AllowedWrites = {},
): Record<string, string> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    const where = allowed[name] ? `WHERE NOT (${allowed[name]})` : '';
    const rows = db.prepare(`SELECT * FROM "${name}" ${where} ORDER BY 1`).all();
    const text = JSON.stringify(rows, (_, value: unknown) =>
      typeof value === 'bigint'
        ? value.toString()
        : value instanceof Uint8Array
          ? Buffer.from(value).toString('base64')
          : value,
    );
    snapshot[name] = `${rows.length} rows, ${createHash('sha256').update(text).digest('hex')}`;
  }
  return snapshot;
}
