import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The git hosts whose push webhooks can ask the live site to look for a new version. */
export type WebhookHost = 'github' | 'gitea' | 'gitlab';

export type WebhookCheck = { ok: true; host: WebhookHost } | { ok: false; reason: string };

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? undefined : value;
}

/** Compares in constant time, so the answer's timing says nothing about how much matched. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function hmacHex(secret: string, body: Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Checks a webhook against the shared secret, in the scheme of the host that sent it:
 * - GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`;
 * - Gitea and Forgejo: `X-Gitea-Signature` (or `X-Forgejo-Signature`): the same HMAC, bare hex;
 * - GitLab: `X-Gitlab-Token`: the secret itself (GitLab's "secret token"), over HTTPS.
 * The host is told by which header it sent; a request carrying none of them, or two that
 * disagree about who sent it, is refused. The body is never parsed here: a valid signature only
 * ever makes the site look at the repository, so nothing in the payload is trusted.
 */
export function checkWebhook(
  headers: IncomingHttpHeaders,
  body: Buffer,
  secret: string,
): WebhookCheck {
  const github = single(headers, 'x-hub-signature-256');
  const gitea = single(headers, 'x-gitea-signature') ?? single(headers, 'x-forgejo-signature');
  const gitlab = single(headers, 'x-gitlab-token');
  const given = [github, gitea, gitlab].filter((value) => value !== undefined);
  if (given.length === 0) return { ok: false, reason: 'no signature' };
  if (given.length > 1) return { ok: false, reason: 'more than one signature scheme' };

  if (github !== undefined) {
    return sameText(github.toLowerCase(), `sha256=${hmacHex(secret, body)}`)
      ? { ok: true, host: 'github' }
      : { ok: false, reason: 'wrong signature' };
  }
  if (gitea !== undefined) {
    return sameText(gitea.toLowerCase(), hmacHex(secret, body))
      ? { ok: true, host: 'gitea' }
      : { ok: false, reason: 'wrong signature' };
  }
  return sameText(gitlab ?? '', secret)
    ? { ok: true, host: 'gitlab' }
    : { ok: false, reason: 'wrong token' };
}
