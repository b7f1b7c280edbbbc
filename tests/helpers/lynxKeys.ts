import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Lynx, the text browser from Debian, driven by keystrokes as a new user would press them
 * (`lynx -cmd_script`). Lynx needs a terminal, so it runs under `script`, which gives it one;
 * what it drew on the screen comes back as text with the terminal's escape codes removed.
 *
 * Where tests/helpers/lynx.ts takes one page at a time and picks fields by their numbers, this
 * runs a whole walk in one Lynx session and moves by searching the screen for words, as a
 * person reading down the page does: it proves the walk works without restarting the browser.
 */
export type LynxStep =
  /** Search the page ("/" then the words) and land on the first match after the cursor. */
  | { find: string }
  /** Press a key: Enter activates a link or button, toggles a box, picks a radio; Tab leaves a text area. */
  | { key: 'Enter' | 'Down Arrow' | 'Tab' }
  /** Type into the text box under the cursor, then Tab to the next field (a text box eats keys). */
  | { type: string }
  /** Open an address (the "g" command). */
  | { go: string };

const KEYS = { Enter: '^J', 'Down Arrow': 'Down Arrow', Tab: '^I' };

/** Each character as a `key` line (a space is <space> in Lynx's command scripts). */
const typed = (text: string) => [...text].map((c) => `key ${c === ' ' ? '<space>' : c}`);

export function lynxScript(steps: LynxStep[]): string {
  const lines = steps.flatMap((step) => {
    if ('find' in step) return ['key /', ...typed(step.find), 'key ^J'];
    if ('key' in step) return [`key ${KEYS[step.key]}`];
    if ('type' in step) return [...typed(step.type), 'key ^I'];
    return ['key g', ...typed(step.go), 'key ^J'];
  });
  // Quit without the "Are you sure?" question.
  return [...lines, 'key Q', ''].join('\n');
}

/** Runs Lynx from `url` through the steps, and returns everything it showed, as plain text. */
export function runLynx(url: string, steps: LynxStep[]): string {
  const home = mkdtempSync(path.join(tmpdir(), 'lynx-'));
  try {
    const script = path.join(home, 'keys.txt');
    writeFileSync(script, lynxScript(steps));
    const lynx = ['lynx', `-cmd_script=${script}`, '-accept_all_cookies', '-nocolor', '-nopause'];
    const output = execFileSync('script', ['-qec', [...lynx, url].join(' '), '/dev/null'], {
      env: { ...process.env, HOME: home, TERM: 'vt100', LANG: 'C.UTF-8' },
      timeout: 120_000,
      encoding: 'utf8',
    });
    // Escape sequences (colours, cursor moves) and the shift-in/out bytes around highlights.
    // eslint-disable-next-line no-control-regex -- removing terminal control bytes is the point
    return output.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>]|[\x0e\x0f]/g, '');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
