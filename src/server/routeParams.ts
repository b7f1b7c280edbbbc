/**
 * Route parameters are checked before any route looks anything up with them. A content entry's
 * name (its file name: `practitioners`, `quick-check`) is lower-case letters, digits and
 * hyphens, so anything else cannot name one; refusing it early also keeps newlines, NUL and
 * terminal escapes out of every message a lookup might log (log forging). Numeric ids are
 * digits only.
 */
const SLUG = /^[a-z0-9-]{1,100}$/;
const ID = /^[0-9]{1,15}$/;

/** The parameters a route path can hold, and what each must look like. */
const PATTERNS: Record<string, RegExp> = { slug: SLUG, page: SLUG, id: ID };

export const isSlug = (value: string) => SLUG.test(value);

/** True when every known parameter of the route has the shape its lookup expects. */
export function paramsWellFormed(params: Record<string, string | undefined>): boolean {
  return Object.entries(params).every(([name, value]) => {
    const pattern = PATTERNS[name];
    return !pattern || value === undefined || pattern.test(value);
  });
}
