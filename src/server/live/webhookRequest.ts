import type { IncomingMessage, ServerResponse } from 'node:http';
import { ownAnswer } from './ownAnswer.ts';
import { checkWebhook } from './webhookSignature.ts';

/** Where git hosts send their push webhooks. */
export const WEBHOOK_PATH = '/api/live/webhook';

// GitHub caps payloads at 25 MB, but a push of published content is a few kilobytes; the body
// is only read to check its signature.
const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve('too-large');
        req.resume();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Answers a git host's webhook: 202 once its signature checks out (then `onPush` makes the site
 * look for a new version; the payload itself is not trusted or read), 401 without a valid
 * signature, 405 for anything but POST, 413 for an oversized body. Nothing changes otherwise.
 */
export async function webhookRequest(
  req: IncomingMessage,
  res: ServerResponse,
  secret: string,
  onPush: () => void,
): Promise<void> {
  const answer = (status: number, body: object, headers?: Record<string, string>) =>
    ownAnswer(req, res, {
      status,
      contentType: 'application/json',
      body: JSON.stringify(body),
      headers,
    });
  if (req.method !== 'POST') {
    answer(405, { error: 'Send the webhook with POST.' }, { allow: 'POST' });
    req.resume();
    return;
  }
  let body: Buffer | 'too-large';
  try {
    body = await readBody(req);
  } catch {
    res.destroy();
    return;
  }
  if (body === 'too-large') {
    answer(413, { error: 'The webhook body is too large.' }, { connection: 'close' });
    return;
  }
  const check = checkWebhook(req.headers, body, secret);
  if (!check.ok) {
    answer(401, { error: 'The webhook signature does not match the shared secret.' });
    return;
  }
  onPush();
  answer(202, { status: 'checking', host: check.host });
}
