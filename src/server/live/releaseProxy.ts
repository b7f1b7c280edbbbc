import { createHash } from 'node:crypto';
import {
  Agent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { ownAnswer } from './ownAnswer.ts';

/** One running build of the site, listening on the loopback interface. */
export interface Backend {
  port: number;
  /** Requests sent to it and not yet answered in full. */
  inFlight: number;
  agent: Agent;
}

export function newBackend(port: number): Backend {
  // Idle connections are dropped after 1 s, well before the site closes them itself (5 s), so a
  // request is never sent down a connection the site is closing at that moment.
  return { port, inFlight: 0, agent: new Agent({ keepAlive: true, timeout: 1000 }) };
}

// Hop-by-hop headers belong to one connection and are not passed on (RFC 9110 7.6.1).
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
];

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept = { ...headers };
  for (const name of HOP_BY_HOP) delete kept[name];
  return kept;
}

const unavailable = (req: IncomingMessage, res: ServerResponse, text: string) =>
  ownAnswer(req, res, {
    status: 503,
    contentType: 'text/plain; charset=utf-8',
    body: `${text}\n`,
    headers: { 'retry-after': '5' },
  });

export interface ProxyOptions {
  /**
   * Gives each client address its own loopback source address (127.x.y.z, from a keyed hash),
   * so the site's per-client limits still tell clients apart behind this switch. Linux routes
   * all of 127.0.0.0/8 to the loopback interface; elsewhere this is off and clients share.
   */
  loopbackPerClient: boolean;
  /** The X-Forwarded-Proto the site should see, from the client's request. */
  forwardedProto: (req: IncomingMessage) => string | undefined;
}

/**
 * The switch in front of the running build. Each request goes to the build that is current
 * when it arrives; `switchTo` changes that in one step, and the build switched away from keeps
 * answering what it already took (`whenIdle` says when it has). A request therefore never
 * meets a build that is stopping.
 */
export class ReleaseProxy {
  #current: Backend | undefined;
  readonly #options: ProxyOptions;
  readonly #key = createHash('sha256')
    .update(String(Math.random()) + Date.now())
    .digest();

  constructor(options: ProxyOptions) {
    this.#options = options;
  }

  get current(): Backend | undefined {
    return this.#current;
  }

  /** Sends new requests to `next`; gives back the build that was current, if any. */
  switchTo(next: Backend): Backend | undefined {
    const previous = this.#current;
    this.#current = next;
    return previous;
  }

  /** Resolves once `backend` has answered every request it was sent, then drops its connections. */
  async whenIdle(backend: Backend): Promise<void> {
    while (backend.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    backend.agent.destroy();
  }

  #sourceAddress(req: IncomingMessage): string | undefined {
    if (!this.#options.loopbackPerClient) return undefined;
    const digest = createHash('sha256')
      .update(this.#key)
      .update(req.socket.remoteAddress ?? '')
      .digest();
    // 127.0.0.1 itself stays for the live updater's own health checks.
    return `127.${digest[0]}.${digest[1]}.${(digest[2] % 254) + 2}`;
  }

  /** Passes one request to the current build and its answer back, byte for byte. */
  forward(req: IncomingMessage, res: ServerResponse): void {
    const backend = this.#current;
    if (!backend) {
      unavailable(req, res, 'The site is starting. Please try again in a few seconds.');
      return;
    }
    const headers = endToEnd(req.headers);
    const proto = this.#options.forwardedProto(req);
    if (proto) headers['x-forwarded-proto'] = proto;
    else delete headers['x-forwarded-proto'];

    backend.inFlight++;
    let settled = false;
    const done = () => {
      if (!settled) {
        settled = true;
        backend.inFlight--;
      }
    };
    const upstream = httpRequest({
      host: '127.0.0.1',
      port: backend.port,
      method: req.method,
      path: req.url,
      headers,
      agent: backend.agent,
      localAddress: this.#sourceAddress(req),
    });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
      answer.on('end', done);
      answer.on('error', () => {
        done();
        res.destroy();
      });
    });
    upstream.on('error', () => {
      done();
      if (res.headersSent) res.destroy();
      else unavailable(req, res, 'The site did not answer. Please try again in a few seconds.');
    });
    // A client that goes away takes its request with it.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
      done();
    });
    req.pipe(upstream);
  }
}
