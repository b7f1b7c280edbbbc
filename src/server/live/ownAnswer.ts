import type { IncomingMessage, ServerResponse } from 'node:http';
import { reachedOverHttps, securityHeaders } from '../securityHeaders.ts';

/**
 * An answer the live switch gives itself (the webhook, "the site is starting"), with the same
 * security headers every answer from the site carries (src/server/securityHeaders.ts).
 */
export function ownAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  answer: { status: number; contentType: string; body: string; headers?: Record<string, string> },
): void {
  const headers = securityHeaders(
    {
      path: new URL(req.url ?? '/', 'http://site').pathname,
      status: answer.status,
      contentType: answer.contentType,
      https: reachedOverHttps(req, false),
    },
    new Map(),
  );
  res.writeHead(answer.status, {
    ...headers,
    ...answer.headers,
    'content-type': answer.contentType,
  });
  res.end(answer.body);
}
