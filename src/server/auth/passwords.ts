import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { isCommonPassword } from './commonPasswords.ts';

/**
 * Password hashing with argon2id from Node's own crypto (24.7 and later), at OWASP's first
 * recommended setting and docs/reliability.md G11: 19 MiB, 2 passes, 1 lane. The stored string is the
 * usual PHC format, `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, so the parameters travel
 * with each hash and can be raised later without breaking older ones.
 */
export const ARGON2_PARAMETERS = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 };
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

const argon2Async = promisify(argon2);

interface Parsed {
  memory: number;
  passes: number;
  parallelism: number;
  salt: Buffer;
  hash: Buffer;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { memory, passes, parallelism, tagLength } = ARGON2_PARAMETERS;
  const hash = await argon2Async('argon2id', {
    message: password,
    nonce: salt,
    memory,
    passes,
    parallelism,
    tagLength,
  });
  return `$argon2id$v=19$m=${memory},t=${passes},p=${parallelism}$${b64(salt)}$${b64(hash)}`;
}

/** The parameters and bytes of a stored hash, or undefined if it is not one of ours. */
export function parseHash(stored: string): Parsed | undefined {
  const match =
    /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
  if (!match) return undefined;
  return {
    memory: Number(match[1]),
    passes: Number(match[2]),
    parallelism: Number(match[3]),
    salt: Buffer.from(match[4], 'base64'),
    hash: Buffer.from(match[5], 'base64'),
  };
}

/** True when `password` matches `stored`; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const candidate = await argon2Async('argon2id', {
    message: password,
    nonce: parsed.salt,
    memory: parsed.memory,
    passes: parsed.passes,
    parallelism: parsed.parallelism,
    tagLength: parsed.hash.length,
  });
  return timingSafeEqual(candidate, parsed.hash);
}

let dummy: Promise<string> | undefined;
/**
 * A hash of a random password, checked when the email is unknown, so an unknown email costs the
 * same time as a wrong password and timing does not tell which (docs/reliability.md G12).
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummy;
}

/**
 * Why a new password cannot be used, as a GOV.UK-style message, or undefined if it can. No
 * composition rules (ASVS 6.2.5): length, not a common password, not the email address.
 */
export function passwordProblem(password: string, email = ''): string | undefined {
  const length = [...password].length;
  if (length === 0) return 'Enter a password';
  if (length < MIN_PASSWORD_LENGTH) {
    return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  }
  const lower = password.toLowerCase();
  const name = email.toLowerCase().split('@')[0];
  if (isCommonPassword(lower)) {
    return 'Choose a password that is harder to guess: this one is too common';
  }
  // Say which part: "lead" in "leadership" is not the whole email address, and the person
  // needs to know what to leave out.
  if (name.length >= 4 && lower.includes(name)) {
    return `Choose a password that does not contain “${name}”, the first part of your email address`;
  }
  return undefined;
}

function b64(bytes: Uint8Array) {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}
