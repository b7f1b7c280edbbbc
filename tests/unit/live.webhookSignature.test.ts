import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkWebhook } from '../../src/server/live/webhookSignature.ts';

const SECRET = 'a shared secret, 24 chars';
const body = Buffer.from(JSON.stringify({ ref: 'refs/heads/main', after: 'abc' }));
const hex = (secret: string, payload: Buffer) =>
  createHmac('sha256', secret).update(payload).digest('hex');

describe('webhook signatures, in each host’s own scheme', () => {
  it('accepts GitHub’s X-Hub-Signature-256 over the exact body', () => {
    const headers = { 'x-hub-signature-256': `sha256=${hex(SECRET, body)}` };
    expect(checkWebhook(headers, body, SECRET)).toEqual({ ok: true, host: 'github' });
  });

  it('accepts Gitea’s (and Forgejo’s) bare hex HMAC', () => {
    expect(checkWebhook({ 'x-gitea-signature': hex(SECRET, body) }, body, SECRET)).toEqual({
      ok: true,
      host: 'gitea',
    });
    expect(checkWebhook({ 'x-forgejo-signature': hex(SECRET, body) }, body, SECRET)).toEqual({
      ok: true,
      host: 'gitea',
    });
  });

  it('accepts GitLab’s secret token', () => {
    expect(checkWebhook({ 'x-gitlab-token': SECRET }, body, SECRET)).toEqual({
      ok: true,
      host: 'gitlab',
    });
  });

  it('refuses a signature made with another secret, or over another body', () => {
    const other = Buffer.from(`${body.toString()} `);
    for (const headers of [
      { 'x-hub-signature-256': `sha256=${hex('another secret', body)}` },
      { 'x-hub-signature-256': `sha256=${hex(SECRET, other)}` },
      // GitHub's signature without its prefix is not GitHub's scheme.
      { 'x-hub-signature-256': hex(SECRET, body) },
      { 'x-gitea-signature': hex('another secret', body) },
      { 'x-gitea-signature': `sha256=${hex(SECRET, body)}` },
      { 'x-gitlab-token': 'a shared secret, 24 char' },
      { 'x-gitlab-token': '' },
    ]) {
      expect(checkWebhook(headers, body, SECRET).ok, JSON.stringify(headers)).toBe(false);
    }
  });

  it('refuses a request with no signature, or with two schemes at once', () => {
    expect(checkWebhook({}, body, SECRET)).toEqual({ ok: false, reason: 'no signature' });
    // GitHub's older SHA-1 header alone is not enough.
    expect(checkWebhook({ 'x-hub-signature': 'sha1=00' }, body, SECRET).ok).toBe(false);
    const both = {
      'x-hub-signature-256': `sha256=${hex(SECRET, body)}`,
      'x-gitlab-token': SECRET,
    };
    expect(checkWebhook(both, body, SECRET).ok).toBe(false);
  });

  it('refuses a header sent twice', () => {
    const twice = { 'x-gitlab-token': [SECRET, SECRET] } as unknown as Record<string, string>;
    expect(checkWebhook(twice, body, SECRET).ok).toBe(false);
  });
});
