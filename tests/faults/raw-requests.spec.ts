import { connect } from 'node:net';
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { fuzzOptions, fuzzTimeout } from '../helpers/fuzzOptions.ts';
import { faultPort, killLeftoverServers, newDataDir, send, startServer } from './server.ts';

/**
 * Odd requests written straight to a socket, as an attacker's script sends them: request lines,
 * methods, Host headers, header names and values, and every byte in a path. Whatever arrives, the
 * server must answer or close the connection promptly, never with a 5xx other than 501 and never
 * with a stack trace, and must still answer /api/health afterwards (src/server/requestGate.ts).
 */

test.afterEach(killLeftoverServers);

interface RawAnswer {
  /** The status line's code, or undefined when the server closed without answering. */
  status?: number;
  text: string;
  /** The connection stayed open past the deadline with nothing more coming. */
  hung: boolean;
}

const DEADLINE_MS = 5000;

/** Writes `raw` to a new connection and reads until the server closes it or the deadline. */
function rawRequest(port: number, raw: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const finish = (hung: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(idle);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : undefined, text, hung });
    };
    // An answered request with keep-alive leaves the connection open: that is not hanging. Once
    // an answer has started, a short pause with nothing more coming means it is complete.
    const timer = setTimeout(() => finish(chunks.length === 0), DEADLINE_MS);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (isComplete(Buffer.concat(chunks).toString('latin1'))) finish(false);
      clearTimeout(idle);
      idle = setTimeout(() => finish(false), 250);
    });
    socket.on('close', () => finish(false));
    socket.on('error', () => finish(false));
    socket.write(raw);
  });
}

/** Whether `text` holds one whole answer (by its length, its last chunk, or its status). */
function isComplete(text: string): boolean {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = text.slice(0, end).toLowerCase();
  const body = text.slice(end + 4);
  if (/^http\/1\.[01] (1\d\d|204|304)/.test(head)) return true;
  const length = /\r\ncontent-length: *(\d+)/.exec(head)?.[1];
  if (length !== undefined) return body.length >= Number(length);
  if (/\r\ntransfer-encoding: *chunked/.test(head)) return /(^|\r\n)0\r\n\r\n$/.test(body);
  return false;
}

const line = (method: string, target: string, version = 'HTTP/1.1') =>
  `${method} ${target} ${version}`;
const request = (first: string, headers: string[] = ['Host: 127.0.0.1']) =>
  `${first}\r\n${headers.join('\r\n')}\r\n\r\n`;

/** Cases found by hand and by the security review: each once, by name. */
const KNOWN: Record<string, string | Buffer> = {
  'TRACE on a page': request(line('TRACE', '/')),
  'TRACE on the API': request(line('TRACE', '/api/health')),
  'TRACK on a static file': request(line('TRACK', '/favicon.svg')),
  'CONNECT to a host': request(line('CONNECT', '127.0.0.1:22')),
  'Host with user info': request(line('GET', '/'), ['Host: 127.0.0@1']),
  'Host with user and password': request(line('GET', '/surveys/'), ['Host: user:pw@127.0.0.1']),
  'Host with a path': request(line('GET', '/'), ['Host: 127.0.0.1/evil']),
  'Host with a space': request(line('GET', '/'), ['Host: a b']),
  'Host with a port too large': request(line('GET', '/'), ['Host: 127.0.0.1:99999']),
  'Host in bad brackets': request(line('GET', '/'), ['Host: [zz::1]']),
  'Host not ASCII': request(line('GET', '/'), ['Host: caf\u00e9.example']),
  'empty Host': request(line('GET', '/'), ['Host: ']),
  'two Hosts': request(line('GET', '/'), ['Host: 127.0.0.1', 'Host: evil@x']),
  'no Host in HTTP/1.1': request(line('GET', '/'), []),
  'no Host in HTTP/1.0': request(line('GET', '/', 'HTTP/1.0'), []),
  'absolute target': request(line('GET', 'http://evil.example/')),
  'asterisk target': request(line('OPTIONS', '*')),
  'asterisk for GET': request(line('GET', '*')),
  'authority target': request(line('GET', 'evil.example:80')),
  'double slash target': request(line('GET', '//evil.example/x')),
  'bad percent': request(line('GET', '/%')),
  'bad percent in the API': request(line('POST', '/api/surveys/%E0%A4%A/responses')),
  'bad UTF-8 percent': request(line('GET', '/surveys/%ff%fe/')),
  'dot dot': request(line('GET', '/../../../etc/passwd')),
  'encoded dot dot': request(line('GET', '/%2e%2e/%2e%2e/etc/passwd')),
  'long path': request(line('GET', `/${'a'.repeat(9000)}`)),
  'huge header': request(line('GET', '/'), ['Host: 127.0.0.1', `X-Big: ${'b'.repeat(20000)}`]),
  'header without a colon': request(line('GET', '/'), ['Host: 127.0.0.1', 'Broken']),
  'header name with a space': request(line('GET', '/'), ['Host: 127.0.0.1', 'Bad Name: x']),
  'obsolete line folding': request(line('GET', '/'), ['Host: 127.0.0.1', 'X-A: a', ' folded']),
  'NUL in a header value': request(line('GET', '/'), ['Host: 127.0.0.1', 'X-A: a\u0000b']),
  'two Content-Lengths': request(line('POST', '/api/withdrawals'), [
    'Host: 127.0.0.1',
    'Content-Length: 2',
    'Content-Length: 3',
  ]),
  'Content-Length and chunked': `${request(line('POST', '/api/withdrawals'), [
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    'Content-Length: 4',
    'Transfer-Encoding: chunked',
  ])}0\r\n\r\n`,
  'bad chunk size': `${request(line('POST', '/api/withdrawals'), [
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    'Transfer-Encoding: chunked',
  ])}zz\r\n{}\r\n0\r\n\r\n`,
  'negative Content-Length': request(line('POST', '/api/withdrawals'), [
    'Host: 127.0.0.1',
    'Content-Length: -1',
  ]),
  'HTTP/0.9 line': 'GET /\r\n\r\n',
  'HTTP/2 version on HTTP/1': request(line('GET', '/', 'HTTP/2.0')),
  'unknown version': request(line('GET', '/', 'HTTP/9.9')),
  'lowercase method': request(line('get', '/')),
  'unknown method': request(line('BREW', '/')),
  'WebDAV method': request(line('PROPFIND', '/')),
  'search method': request(line('SEARCH', '/api/health')),
  // Blank lines before a request are allowed (RFC 9112 2.2): this one is still to come.
  'line breaks before a request': `\r\n\r\n${request(line('GET', '/api/health'))}`,
  'binary garbage': Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03]),
  'Expect we do not know': request(line('POST', '/api/withdrawals'), [
    'Host: 127.0.0.1',
    'Expect: 200-ok',
    'Content-Length: 2',
  ]),
  'forwarded host with user info': request(line('GET', '/'), [
    'Host: 127.0.0.1',
    'X-Forwarded-Host: a@b',
    'X-Forwarded-Proto: gopher',
  ]),
};

/** What must be true of every answer, whatever was sent. */
function expectHandled(answer: RawAnswer, what: string) {
  expect(answer.hung, `${what}: the connection was left hanging`).toBe(false);
  if (answer.status === undefined) return;
  expect(answer.status < 500 || answer.status === 501, `${what}: answered ${answer.status}`).toBe(
    true,
  );
  expect(answer.text, `${what}: a stack trace in the answer`).not.toMatch(/\n\s+at \S+ \(/);
  if (answer.status >= 400) {
    expect(answer.text.toLowerCase(), `${what}: no nosniff on the refusal`).toContain(
      'x-content-type-options: nosniff',
    );
  }
}

async function expectAlive(port: number, what: string) {
  const health = await send(port, 'GET', '/api/health').catch((error: Error) => error);
  expect(health instanceof Error ? health.message : health.status, `after ${what}`).toBe(200);
}

test('odd requests found by hand are refused and never stop the server', async () => {
  test.setTimeout(120_000);
  const server = await startServer(newDataDir(), faultPort(30));
  for (const [what, raw] of Object.entries(KNOWN)) {
    expectHandled(await rawRequest(server.port, raw), what);
    await expectAlive(server.port, what);
  }
  const trace = await rawRequest(server.port, KNOWN['TRACE on the API']);
  expect(trace.status).toBe(405);
  expect(trace.text).toContain('{"error":');
  const credentials = await rawRequest(server.port, KNOWN['Host with user info']);
  expect(credentials.status).toBe(400);
  expect(server.child.exitCode).toBeNull();
});

/** Every byte once in a path, escaped and raw. */
test('every byte in a path is answered and the server keeps running', async () => {
  test.setTimeout(180_000);
  const server = await startServer(newDataDir(), faultPort(31));
  for (let byte = 0; byte < 256; byte++) {
    const hex = byte.toString(16).padStart(2, '0');
    for (const target of [`/surveys/a%${hex}b/`, `/api/surveys/a%${hex}/responses`]) {
      expectHandled(await rawRequest(server.port, request(line('GET', target))), target);
    }
    const raw = Buffer.concat([
      Buffer.from('GET /surveys/a'),
      Buffer.from([byte]),
      Buffer.from('b/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
    ]);
    expectHandled(await rawRequest(server.port, raw), `raw byte 0x${hex} in a path`);
  }
  await expectAlive(server.port, 'every byte in a path');
});

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
const anyText = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/\r|\n/g, ''));
const methods = fc.oneof(
  fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT'),
  token,
  anyText,
);
const targets = fc.oneof(
  fc.constantFrom('/', '/api/health', '/surveys/', '/api/withdrawals', '/research/', '/_image'),
  fc.webPath().map((p) => p || '/'),
  anyText,
);
const hosts = fc.oneof(
  fc.constant('127.0.0.1'),
  fc.domain(),
  fc.webAuthority({ withUserInfo: true, withPort: true, withIPv6: true }),
  anyText,
);
const headers = fc.array(fc.tuple(fc.oneof(token, anyText), anyText), { maxLength: 4 });
const versions = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'http/1.1', '');

test('generated request lines, methods, hosts and headers never stop the server', async () => {
  test.setTimeout(fuzzTimeout(240_000));
  const server = await startServer(newDataDir(), faultPort(32));
  await fc.assert(
    fc.asyncProperty(
      methods,
      targets,
      versions,
      fc.option(hosts),
      headers,
      async (method, target, version, host, extra) => {
        const lines = [
          ...(host === null ? [] : [`Host: ${host}`]),
          ...extra.map(([name, value]) => `${name}: ${value}`),
        ];
        const raw = Buffer.from(request(line(method, target, version), lines), 'latin1');
        const what = JSON.stringify(raw.toString('latin1').slice(0, 200));
        expectHandled(await rawRequest(server.port, raw), what);
        await expectAlive(server.port, what);
      },
    ),
    fuzzOptions(400),
  );
  expect(server.child.exitCode).toBeNull();
});
