/**
 * A static file server for the SurveyJS comparison page, run as its own process (like the site)
 * so the browser measures both the same way. Responses are compressed by the same `compression`
 * middleware as the site's pages (Brotli or gzip by Accept-Encoding): SurveyJS's production
 * advice is minified bundles from a server that compresses them.
 *
 *   PORT=5103 node bench/staticServer.ts <folder>
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import compression from 'compression';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

const compress = compression({ threshold: 1024 });

createServer((req, res) =>
  compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () =>
    serve(req, res),
  ),
).listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');

function serve(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let file = path.join(root, path.normalize(decodeURIComponent(url.pathname)));
  if (!file.startsWith(root)) return void res.writeHead(403).end();
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const size = statSync(file).size;
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
    });
    createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404).end();
  }
}
