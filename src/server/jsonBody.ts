/**
 * Parsing a JSON request body into something the validators can walk safely. Two rules beyond
 * JSON.parse:
 *
 * - Nesting is limited. JSON.parse itself copes with 60,000 levels, but every later step that
 *   walks the value recursively (normalising, validating, hashing) would overflow the stack and
 *   answer 500. No body on this site needs more than four levels (a journey map's
 *   body → stages → stage → who).
 * - Lone surrogates (half of a UTF-16 pair, sent as a `\uD800` escape) become U+FFFD, the
 *   replacement character. They cannot be written as UTF-8, so they could not be exported or
 *   shown as sent; form posts already get U+FFFD from URL decoding, and a browser that cuts an
 *   emoji in half while trimming an answer should not lose the whole submission for it.
 */

export const MAX_JSON_DEPTH = 16;

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJsonBody(text: string): ParsedJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the body, so it is neither returned nor logged.
    return { ok: false, error: 'The request body is not valid JSON.' };
  }
  if (deeperThan(value, MAX_JSON_DEPTH)) {
    return {
      ok: false,
      error: `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`,
    };
  }
  return { ok: true, value: wellFormed(value) };
}

/** Iterative, so that measuring a deep value cannot itself overflow the stack. */
function deeperThan(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limit) return true;
    for (const inner of Object.values(value)) stack.push([inner, depth + 1]);
  }
  return false;
}

/** Recursion is safe here: the depth was checked first. */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormed);
  if (typeof value === 'object' && value !== null) {
    // fromEntries keeps a `__proto__` key as an ordinary own property, as JSON.parse does.
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key.toWellFormed(), wellFormed(inner)]),
    );
  }
  return value;
}
