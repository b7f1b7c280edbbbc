import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 seconds, as every authenticator app
 * expects) through the `otpauth` package. Each accepted code records its time step, and a code
 * from that step or an earlier one is refused afterwards, so a code works once (docs/reliability.md G16).
 */
const PERIOD_SECONDS = 30;
const ISSUER = 'Safeguarding 2.0';

function totp(secret: string, label = '') {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A new 160-bit secret, base32 as apps show it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app can import. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** Groups of four, easier to type into an app by hand. */
export function formatSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * The time step of `code` if it is right now (one step either side allows for clock drift and
 * typing time) and newer than `lastStep`; undefined otherwise.
 */
export function acceptTotp(
  secret: string,
  input: string,
  lastStep: number,
  now = Date.now(),
): number | undefined {
  const code = input.replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(secret).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  return step > lastStep ? step : undefined;
}

/** The current code (for tests). */
export function currentTotp(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}
