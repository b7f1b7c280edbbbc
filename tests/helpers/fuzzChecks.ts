/**
 * What every refusal must look like, as a list of problems (empty when all is well), so the
 * Vitest and Playwright fuzz tests apply the same rules with their own `expect`.
 */

/** Signs that an answer leaks how the server is built: stack frames, file paths, versions. */
const LEAKS = [
  /\bat \S+ \(?(file:|node:|\/)/, // a stack frame
  /\b(TypeError|RangeError|SyntaxError|ReferenceError)\b/,
  /(\/work\/|\/home\/|\/tmp\/|\/usr\/|[A-Z]:\\)/, // an absolute path
  /node_modules|\.ts:\d+|\.mjs:\d+/,
  /\b(astro|node|undici|sqlite)[ /@]v?\d+\.\d+/i, // a version
];

/** The longest message a person should have to read; a longer one is probably echoing input. */
export const MAX_MESSAGE_LENGTH = 200;

export function leaks(text: string): string[] {
  return LEAKS.filter((pattern) => pattern.test(text)).map((p) => `leaks ${p}`);
}

/** Problems with a JSON refusal: not a 4xx, not JSON, no message, or a message that leaks. */
export function jsonRefusalProblems(status: number, contentType: string | null, text: string) {
  const problems: string[] = [];
  if (status < 400 || status > 499) problems.push(`status ${status}, expected a 4xx`);
  if (!/^application\/json\b/.test(contentType ?? '')) problems.push(`content type ${contentType}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...problems, 'body is not JSON'];
  }
  const { error, errors } = (body ?? {}) as { error?: unknown; errors?: unknown };
  const messages =
    typeof error === 'string'
      ? [error]
      : typeof errors === 'object' && errors !== null
        ? Object.values(errors)
        : [];
  if (messages.length === 0) problems.push('no error message');
  for (const message of messages) {
    if (typeof message !== 'string' || message.length === 0) problems.push('a message is not text');
    else if (message.length > MAX_MESSAGE_LENGTH) problems.push('a message is too long');
  }
  return [...problems, ...leaks(messages.join('\n'))];
}

/**
 * Leaks in an HTML page, which may rightly echo what was typed (hostile text included), so only
 * what no participant would type: a stack frame with a line number, this project's own folder,
 * or the dependency folder.
 */
export function pageLeaks(text: string, projectRoot: string): string[] {
  const problems: string[] = [];
  if (/\n\s+at \S.*:\d+:\d+\)?/.test(text)) problems.push('leaks a stack frame');
  if (text.includes(projectRoot)) problems.push('leaks the project folder');
  if (text.includes('node_modules')) problems.push('leaks node_modules');
  return problems;
}
