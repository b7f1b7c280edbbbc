import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { withCompression } from './compressResponses.ts';
import { withBackpressure } from './responseBackpressure.ts';
import {
  adapterRefusal,
  answerClientError,
  answerRefusal,
  gatedListener,
  refuseExpectation,
} from './requestGate.ts';

/**
 * The security headers of every response the server sends (docs/reliability.md G17, G18): pages, the API,
 * static files, redirects and errors alike. Applied in the Node server (scripts/serve.ts), not in
 * Astro middleware, because the adapter serves prerendered pages and `/_astro/` files itself and
 * middleware never sees them.
 *
 * Page policies come from Astro (`security.csp` with the adapter's `staticHeaders`): Astro hashes
 * each page's inline scripts and styles into its Content-Security-Policy. Prerendered pages' policies
 * are written to `dist/_headers.json`; the adapter's own lookup of that file matches paths by
 * substring and misses `/surveys/x/` (with the slash every link here has), so this module looks
 * them up itself, by exact path.
 */

/** Features no page here uses; a page that is framed or injected cannot ask for them either. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** For everything that is not one of our pages (JSON, CSV, files, redirects): load nothing. */
export const NON_PAGE_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Only Vite's content-hashed build output may be cached for good: its name changes with it. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
const HASHED_ASSETS = '/_astro/';

/** One year, as OWASP ASVS 3.4.1 asks. Subdomains are the deployer's call (SECURITY.md). */
export const HSTS = 'max-age=31536000';

export interface ResponseFacts {
  /** The request path, without query string. */
  path: string;
  status: number;
  contentType?: string;
  /** The policy the response already has (Astro sets it on on-demand pages). */
  policy?: string;
  cacheControl?: string;
  /** Whether the browser reached us over HTTPS (directly or through a trusted proxy). */
  https: boolean;
}

/** The headers to set on one response, given what it already carries. */
export function securityHeaders(
  facts: ResponseFacts,
  pagePolicies: ReadonlyMap<string, string>,
): Record<string, string> {
  const path = pagePath(facts.path);
  const html = /^text\/html\b/i.test(facts.contentType ?? '');
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(facts, path, html, pagePolicies),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    // Old browsers that ignore CSP frame-ancestors still honour this.
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': PERMISSIONS_POLICY,
    // The editor signs in to GitHub through a pop-up that must be able to message it back.
    'Cross-Origin-Opener-Policy': isEditor(path) ? 'same-origin-allow-popups' : 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': cacheControl(facts, path),
  };
  if (facts.https) headers['Strict-Transport-Security'] = HSTS;
  return headers;
}

function contentSecurityPolicy(
  facts: ResponseFacts,
  path: string,
  html: boolean,
  pagePolicies: ReadonlyMap<string, string>,
): string {
  // On-demand pages: Astro's own, with the hashes of what it rendered.
  if (facts.policy) return facts.policy;
  // By path, not content type: a 304 for a page carries no Content-Type, and the browser puts
  // the policy it does carry on the page it has cached.
  const page = pagePolicies.get(path);
  if (page) return page;
  const notFound = pagePolicies.get('/404');
  if (html && facts.status === 404 && notFound) return notFound;
  return NON_PAGE_POLICY;
}

function cacheControl(facts: ResponseFacts, path: string): string {
  // A 304's headers replace the cached copy's, so it says the same as the 200 did.
  const found = facts.status === 200 || facts.status === 304;
  if (path.startsWith(HASHED_ASSETS) && found) return IMMUTABLE;
  // The workspace and the API can carry answers and personal data.
  if (under(path, '/research') || under(path, '/api')) return 'no-store';
  if (facts.cacheControl && !/immutable/i.test(facts.cacheControl)) return facts.cacheControl;
  // Anything else without its own rule is on-demand (a form step, a redirect): never cached.
  return 'no-store';
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
const isEditor = (path: string) => under(path, '/admin');

/** `/surveys/x/`, `/surveys/x` and `/surveys/x/index.html` are one page, keyed `/surveys/x`. */
export function pagePath(raw: string): string {
  let path = raw.split(/[?#]/, 1)[0] || '/';
  try {
    path = decodeURI(path);
  } catch {
    // Left as sent: it will match no page and get the strict policy.
  }
  path = path.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
  return path.length > 1 ? path.replace(/\/+$/, '') : '/';
}

/** The policy of each prerendered page, from the `_headers.json` that `astro build` writes. */
export function readPagePolicies(file: URL): Map<string, string> {
  if (!existsSync(file)) {
    throw new Error(
      `${file.pathname} is missing, so prerendered pages would have no Content-Security-Policy. ` +
        'Run `npm run build` again.',
    );
  }
  const entries = JSON.parse(readFileSync(file, 'utf8')) as {
    pathname: string;
    headers: { key: string; value: string }[];
  }[];
  const policies = new Map<string, string>();
  for (const { pathname, headers } of entries) {
    const policy = headers.find((h) => h.key.toLowerCase() === 'content-security-policy');
    if (policy) policies.set(pagePath(pathname), policy.value);
  }
  return policies;
}

export interface SecureServerOptions {
  pagePolicies: ReadonlyMap<string, string>;
  /**
   * Believe `X-Forwarded-Proto` (TRUST_PROXY=1): only behind a reverse proxy that sets it, since
   * anyone can send the header to a server that faces the internet directly.
   */
  trustProxy: boolean;
  /**
   * The build's client folder (`dist/client`): when given, responses are compressed, its
   * assets from their precompressed copies (src/server/compressResponses.ts).
   */
  clientDir?: string;
  /**
   * Asked first for each request that passed the gate: answers it and returns true, or returns
   * false and the site (Astro) answers (src/server/submissionEndpoints.ts).
   */
  answerFirst?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export function reachedOverHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  const proto = req.headers['x-forwarded-proto'];
  return forwardedHttps(Array.isArray(proto) ? proto[0] : proto, trustProxy);
}

/** Whether a trusted proxy's `X-Forwarded-Proto` (its first value) says the browser used HTTPS. */
export function forwardedHttps(proto: string | null | undefined, trustProxy: boolean): boolean {
  return trustProxy && proto?.split(',')[0].trim().toLowerCase() === 'https';
}

/**
 * Wraps a Node request listener so every response gets `securityHeaders` just before its headers
 * are sent. Hooking `writeHead` catches every path: the adapter's explicit calls, static files
 * (`send` writes headers implicitly, which Node routes through `writeHead`) and error answers.
 */
export function withSecurityHeaders(
  listener: RequestListener,
  options: SecureServerOptions,
): RequestListener {
  return (req, res) => {
    const https = reachedOverHttps(req, options.trustProxy);
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      const message = typeof rest[0] === 'string' ? rest[0] : undefined;
      const given = message === undefined ? rest[0] : rest[1];
      copyHeaders(this, given);
      const headers = securityHeaders(
        {
          path: req.url ?? '/',
          status,
          contentType: header(this, 'content-type'),
          policy: header(this, 'content-security-policy'),
          cacheControl: header(this, 'cache-control'),
          https,
        },
        options.pagePolicies,
      );
      for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
      // Nothing says which server or framework (and so which version) answered.
      this.removeHeader('x-powered-by');
      this.removeHeader('server');
      // Headers are all on `this` now; only the status (and its message) is passed on.
      return message === undefined
        ? writeHead.call(this, status)
        : (writeHead as (code: number, text: string) => ServerResponse).call(this, status, message);
    } as ServerResponse['writeHead'];
    return listener(req, res);
  };
}

/** Headers passed to writeHead (an object, or a flat [name, value, …] list) onto `res`. */
function copyHeaders(res: ServerResponse, given: unknown) {
  if (!given) return;
  if (Array.isArray(given)) {
    const pairs = Array.isArray(given[0])
      ? (given as [string, string][])
      : Array.from({ length: given.length / 2 }, (_, i) => [given[2 * i], given[2 * i + 1]]);
    for (const [name, value] of pairs) res.appendHeader(String(name), value as string);
    return;
  }
  for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
    if (value !== undefined) res.setHeader(name, value as string | string[]);
  }
}

function header(res: ServerResponse, name: string): string | undefined {
  const value = res.getHeader(name);
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * Puts the request gate and `withSecurityHeaders` in front of a server that is already set up
 * (the adapter's standalone server, which keeps its own TLS, logging and shutdown). Called in the
 * same tick as `listen`, before any connection can arrive. Requests Node's parser refuses get
 * the same headers (`answerClientError`), and no request may take longer than
 * REQUEST_TIMEOUT_MS to arrive, so a client that stops half way holds no connection for long.
 */
export function secureServer(server: Server, options: SecureServerOptions): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  for (const listener of listeners) {
    // Security headers outermost, so compressed answers carry exactly the same ones.
    const { answerFirst } = options;
    // The adapter's own check (a web Request can be made) only for what goes on to Astro.
    const site: RequestListener = answerFirst
      ? (req, res) => {
          if (answerFirst(req, res)) return;
          const refusal = adapterRefusal(req);
          if (refusal) answerRefusal(req, res, refusal);
          else return listener(req, res);
        }
      : listener;
    // Backpressure inside compression, so a streamed export waits for the compressor too.
    const inner = options.clientDir
      ? withCompression(withBackpressure(site), options.clientDir)
      : withBackpressure(site);
    server.on(
      'request',
      withSecurityHeaders(
        gatedListener(inner, { skipAdapterCheck: Boolean(answerFirst) }),
        options,
      ),
    );
  }
  server.removeAllListeners('checkExpectation');
  server.on('checkExpectation', withSecurityHeaders(refuseExpectation, options));
  server.removeAllListeners('clientError');
  server.on('clientError', (error: NodeJS.ErrnoException, socket) =>
    answerClientError(
      error,
      socket,
      securityHeaders({ path: '/', status: 400, https: false }, new Map()),
    ),
  );
  // The gate refuses a request without a Host itself, with the usual headers.
  (server as Server & { requireHostHeader: boolean }).requireHostHeader = false;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(server.headersTimeout, REQUEST_TIMEOUT_MS);
}

/** Long enough for the largest form (MAX_BODY_BYTES) over a very slow phone connection. */
export const REQUEST_TIMEOUT_MS = 60_000;

/** TRUST_PROXY=1 (or `true`) says a reverse proxy in front sets X-Forwarded-Proto. */
export function trustProxyFromEnv(value: string | undefined): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}
