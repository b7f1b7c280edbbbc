import { describe, expect, it } from 'vitest';
import { buildErrorDetail } from '../../src/server/live/buildRelease.ts';

// What `npm run build` printed for a finding naming a missing survey (trimmed, colours kept).
const REFUSED = [
  '14:21:02 [build] output: "static"',
  '\u001b[32m  ├─ /findings/broken-finding/index.html\u001b[39m14:21:15 \u001b[31m[ERROR]\u001b[39m Error: content/findings/broken-finding.md: surveys names "no-such-survey", but there is no content/surveys/no-such-survey.yml.',
  '14:21:15 [ERROR] [build] Caught error rendering /findings/broken-finding: Error: content/findings/broken-finding.md: surveys names "no-such-survey", but there is no content/surveys/no-such-survey.yml.',
  'content/findings/broken-finding.md: surveys names "no-such-survey", but there is no content/surveys/no-such-survey.yml.',
  '  Stack trace:',
  '    at file:///srv/live/releases/x/dist/server/chunks/finding.mjs:10:11',
  'npm error Lifecycle script `build` failed with error:',
].join('\n');

describe('what a failed build said, for the workspace', () => {
  it('keeps the error itself, once, without labels, timestamps, colours or the stack trace', () => {
    expect(buildErrorDetail(REFUSED)).toBe(
      'content/findings/broken-finding.md: surveys names "no-such-survey", but there is no content/surveys/no-such-survey.yml.',
    );
  });

  it('falls back to the last lines when nothing says error, and never to nothing', () => {
    expect(buildErrorDetail('one\ntwo\nKilled')).toBe('one\ntwo\nKilled');
    expect(buildErrorDetail('')).toBe('The build stopped without saying why.');
  });
});
