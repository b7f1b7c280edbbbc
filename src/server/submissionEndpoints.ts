import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { parseJsonBody } from './jsonBody.ts';
import {
  answerSubmission,
  SUBMISSION_NAMES,
  type Activities,
  type SubmissionKind,
} from './answerSubmission.ts';
import { MAX_BODY_BYTES } from './requestGuards.ts';
import { answerHeaders, jsonAnswer, serverErrorAnswer, type JsonAnswer } from './jsonResponses.ts';
import { CROSS_SITE_MESSAGE, isCrossSite } from './sameOrigin.ts';
import type { Store } from './store.ts';

/**
 * The three submission APIs (`POST /api/surveys/<slug>/responses`, `/api/journeys/<slug>/maps`,
 * `/api/prototypes/<slug>/feedback`) answered from Node's own request, without the page
 * framework in between. These are the requests that arrive in bursts (a workshop pressing Send
 * together, a phone's outbox catching up), and Astro's request handling cost about three times
 * the work of storing the answer (bench/REPORT.md, "Submission write path").
 *
 * The checks and decisions are the API routes' own, from the same modules: same-origin
 * (sameOrigin.ts), body size and JSON rules (requestGuards.ts, jsonBody.ts), validation, flags,
 * receipts and limits and the same answers (answerSubmission.ts, which the routes use too). Only JSON posts to a well-formed address come here; anything else (form
 * posts, other methods, odd addresses) goes on to the Astro routes, which answer as they always
 * have. The security headers, the request gate and compression wrap this as they wrap Astro
 * (securityHeaders.ts, secureServer).
 */

/** What the endpoints look answers up in: the built site's activities and risk phrases. */
export type SubmissionContent = {
  [K in SubmissionKind]: (slug: string) => Activities[K] | undefined;
} & { riskPhrases: readonly string[] };

// The slug as routeParams.ts allows it; anything else is Astro's to refuse.
const ENDPOINT =
  /^\/api\/(?:(surveys)\/([a-z0-9-]{1,100})\/responses|(journeys)\/([a-z0-9-]{1,100})\/maps|(prototypes)\/([a-z0-9-]{1,100})\/feedback)\/?(?:\?.*)?$/;

/** The kind and slug of a submission endpoint's address, or undefined for any other. */
export function matchSubmission(url: string): { kind: SubmissionKind; slug: string } | undefined {
  const m = ENDPOINT.exec(url);
  if (!m) return undefined;
  const kind = (m[1] ?? m[3] ?? m[5]) as SubmissionKind;
  return { kind, slug: m[2] ?? m[4] ?? m[6] };
}

function isJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'] ?? '';
  return type.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** Header lookup in the shape sameOrigin.ts reads (the first value of a repeated header). */
function headerReader(req: IncomingMessage): Pick<Headers, 'get'> {
  return {
    get: (name: string) => {
      const value = req.headers[name.toLowerCase()];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}

/** The origin Astro gives a request on this server (@astrojs/node: protocol of the socket, Host). */
function ownOrigin(req: IncomingMessage): string {
  const protocol = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  return `${protocol}://${req.headers.host ?? 'localhost'}`;
}

type Body = { ok: true; text: string } | { ok: false; answer: JsonAnswer };

/** The body as UTF-8 text, refused as requestGuards.ts refuses it when too large or not UTF-8. */
function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Body> {
  const tooLarge: Body = {
    ok: false,
    answer: jsonAnswer(413, { error: `The request is too large (limit ${limit} bytes).` }),
  };
  // The refused body is read and dropped, so a client still sending it gets the answer (not a
  // broken connection); REQUEST_TIMEOUT_MS (securityHeaders.ts) bounds how long that takes.
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(tooLarge);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        req.off('data', onData);
        req.resume();
        resolve(tooLarge);
        return;
      }
      chunks.push(chunk);
    };
    const unreadable = () =>
      resolve({
        ok: false,
        answer: jsonAnswer(400, { error: 'The request body could not be read as UTF-8 text.' }),
      });
    req.on('data', onData);
    // A sender that goes away half way: nothing is stored (the first resolve wins after 'end').
    req.once('error', unreadable);
    req.once('close', unreadable);
    req.once('end', () => {
      if (received > limit) return;
      try {
        resolve({
          ok: true,
          text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)),
        });
      } catch {
        unreadable();
      }
    });
  });
}

function send(res: ServerResponse, answer: JsonAnswer) {
  res.writeHead(answer.status, answerHeaders(answer));
  res.end(JSON.stringify(answer.body));
}

/**
 * A request listener step: answers a JSON submission and returns true, or returns false (having
 * read nothing) for every other request. `content` is asked on each request, so the caller
 * decides how long a definition is kept.
 */
export function submissionEndpoints(
  content: () => SubmissionContent,
  store: () => Store,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'POST' || !isJson(req)) return false;
    const match = matchSubmission(req.url ?? '');
    if (!match) return false;
    const { kind, slug } = match;
    const answer = async (): Promise<JsonAnswer> => {
      if (isCrossSite(headerReader(req) as Headers, ownOrigin(req))) {
        req.resume();
        return jsonAnswer(403, { error: CROSS_SITE_MESSAGE });
      }
      const body = await readBody(req);
      if (!body.ok) return body.answer;
      const parsed = parseJsonBody(body.text);
      if (!parsed.ok) return jsonAnswer(400, { error: parsed.error });
      try {
        const { riskPhrases, ...activities } = content();
        const remoteAddress = req.socket.remoteAddress;
        return await answerSubmission(kind, slug, activities[kind](slug), parsed.value, {
          store: store(),
          riskPhrases,
          // As Astro's clientAddress: it throws when the address is not known.
          client: {
            get clientAddress(): string {
              if (!remoteAddress) throw new Error('no client address');
              return remoteAddress;
            },
          },
        });
      } catch (error) {
        return serverErrorAnswer(SUBMISSION_NAMES[kind], error);
      }
    };
    void answer().then((response) => send(res, response));
    return true;
  };
}
