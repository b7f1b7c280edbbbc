import { createHash } from 'node:crypto';

/** The Content-Security-Policy source that allows one inline script whose text is `source`. */
export const inlineScriptHash = (source: string): `sha256-${string}` =>
  `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
