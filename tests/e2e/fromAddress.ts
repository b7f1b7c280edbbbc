import { request } from 'node:http';
import { PORT } from '../../playwright.config.ts';

/**
 * POSTs JSON to the test server from another loopback address (127.0.0.2 and up all reach it on
 * Linux), so a test can be many different clients for real: the server sees each address as it
 * would on the internet, with nothing spoofed and no proxy setting. Answers the status code.
 */
export function postJsonFrom(localAddress: string, path: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: PORT,
        path,
        method: 'POST',
        localAddress,
        headers: { 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
