/**
 * A compressing reverse proxy, as a deployment would put in front of the site (nginx, Caddy):
 * forwards every request to UPSTREAM and gzips text responses for clients that accept it. Used
 * for time to interactive, so both pages travel the slow network compressed, as they would live.
 *
 *   PORT=5106 UPSTREAM=http://127.0.0.1:5101 node bench/gzipProxy.ts
 */
import { createServer, request } from 'node:http';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';

const upstream = new URL(process.env.UPSTREAM ?? 'http://127.0.0.1:5101');
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg)/;

createServer((req, res) => {
  const forward = request(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: upstream.host, 'accept-encoding': 'identity' },
    },
    (up) => {
      const headers = { ...up.headers };
      const gzip =
        /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
        COMPRESSIBLE.test(String(up.headers['content-type'] ?? '')) &&
        !up.headers['content-encoding'];
      if (!gzip) {
        res.writeHead(up.statusCode ?? 502, headers);
        return void pipeline(up, res, () => {});
      }
      delete headers['content-length'];
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
      res.writeHead(up.statusCode ?? 502, headers);
      pipeline(up, createGzip(), res, () => {});
    },
  );
  forward.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  pipeline(req, forward, () => {});
}).listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
