import { createHash, createHmac, type KeyObject } from 'node:crypto';

/**
 * Receipt codes: what a participant keeps to withdraw their answers later.
 *
 * A code is 80 bits written in Crockford base32 (no I, L, O or U, so it reads aloud and copies
 * by hand without ambiguity) as 4 groups of 4, e.g. 7K3M-9QPD-XR2A-TB5H. It is derived, not
 * drawn at random: HMAC-SHA256(instance secret, activity + submissionId), so a retried
 * submission gets the same code back while the database keeps only a SHA-256 of it.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_BITS = 80;
const RECEIPT_BYTES = RECEIPT_BITS / 8;
const GROUP = 4;

/** The canonical printed form, for tests and for clients checking what they got. */
export const RECEIPT_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/** Crockford base32 of whole bytes; 10 bytes give exactly 16 symbols, with no padding. */
export function encodeCrockford(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** The code for one submission. The secret never leaves the server. */
export function deriveReceipt(
  /** A KeyObject (createSecretKey) saves re-importing the key on every submission. */
  secret: Uint8Array | KeyObject,
  kind: string,
  slug: string,
  submissionId: string,
): string {
  // JSON of an array keeps the parts apart: ("a-b", "c") and ("a", "b-c") give different input.
  const mac = createHmac('sha256', secret)
    .update(JSON.stringify([kind, slug, submissionId]))
    .digest();
  return group(encodeCrockford(mac.subarray(0, RECEIPT_BYTES)));
}

/**
 * Reads a code as a person might type it: any case, with or without hyphens or spaces, with
 * O for 0 and I or L for 1 (Crockford's decoding rules). Returns the canonical form, or null when
 * it cannot be a code at all. U is refused, as Crockford says.
 */
export function parseReceipt(input: string): string | null {
  const symbols = input
    .toUpperCase()
    // Spaces, hyphens and the dashes a phone or word processor may put in their place.
    .replace(/[\s\-\u2010-\u2015\u2212_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (symbols.length !== RECEIPT_BITS / 5 || [...symbols].some((c) => !ALPHABET.includes(c))) {
    return null;
  }
  return group(symbols);
}

/** What the database keeps instead of the code: a one-way hash of its canonical form. */
export function hashReceipt(canonicalReceipt: string): string {
  return createHash('sha256').update(canonicalReceipt, 'utf8').digest('hex');
}

export function group(symbols: string): string {
  return symbols.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}
