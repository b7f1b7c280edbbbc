/**
 * The write-path baseline: a bare node:http server that validates nothing and inserts the row the
 * site would insert into the same table, on a connection with the same settings (WAL,
 * synchronous=FULL, busy timeout), through the site's own migrations and openDatabase. What the
 * site costs beyond this is routing, Astro, checking and receipts.
 *
 *   DATA_DIR=/tmp/x PORT=5102 node bench/baselineServer.ts
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { openDatabase, openSqliteStore } from '../src/server/sqliteStore.ts';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('Set DATA_DIR');
// Creates the schema exactly as the site does, then writes through a plain connection.
openSqliteStore(dataDir).close();
const db = openDatabase(dataDir);
const insert = db.prepare(
  `INSERT INTO responses (activity_kind, activity_slug, definition_hash, consent_version,
     consent, answers, submission_id, payload_hash, receipt_hash, received_on)
   VALUES ('survey', ?, 'baseline', '1.0', ?, ?, ?, ?, ?, ?)`,
);
const today = new Date().toISOString().slice(0, 10);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(text) as { submissionId: string; answers: unknown; consent: unknown };
      const slug = req.url?.split('/')[3] ?? '';
      const receipt = randomBytes(10).toString('hex');
      // One INSERT outside an explicit transaction is its own transaction: committed (and with
      // synchronous=FULL, synced) before run() returns, as the site's is before it answers.
      insert.run(
        slug,
        JSON.stringify(body.consent),
        JSON.stringify(body.answers),
        String(body.submissionId),
        createHash('sha256').update(text).digest('hex'),
        createHash('sha256').update(receipt).digest('hex'),
        today,
      );
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ receipt }));
    } catch {
      res.writeHead(500).end();
    }
  });
});

server.listen(Number(process.env.PORT ?? 5102), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`baseline listening on ${process.env.PORT}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    db.close();
    process.exit(0);
  });
}
