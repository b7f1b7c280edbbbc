import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The one Lynx driver of the tests (tests/e2e/lynx.spec.ts, tests/e2e/lynx-journey.spec.ts).
 * Drives Lynx, the text browser (Debian package `lynx`), by keystrokes, as a person using it
 * would: no JavaScript, no CSS, every link and form field numbered. Each `act` starts Lynx at the
 * page the last one ended on, types the keys for its actions, then saves what Lynx shows to a
 * file, so the next actions can find their fields by the words on screen.
 *
 *     const lynx = new Lynx('http://127.0.0.1:4399');
 *     await lynx.open('/surveys/practitioners/');
 *     await lynx.act({ check: 'I have read' }, { press: 'Start the survey' });
 *     lynx.page.text; // the new page as Lynx shows it; lynx.page.url its address
 *
 * Each `act` reopens the page's address, and a page may show something only once (an error
 * summary after a form post), which moves the numbers of the fields after it. So fields are
 * found on a fresh `lynx -dump` of the address: the page as the next `act` will see it.
 */
export interface LynxPage {
  url: string;
  /** The page as Lynx renders it, fields numbered ("[13][ ] I agree", "[20]____"). */
  text: string;
}

export type LynxAction =
  /** A checkbox or radio button, by the start of its label. */
  | { check: string }
  /** A text box or text area: the first after these words (its label, or the question). */
  | { fill: string; with: string }
  /** A button or link, by the start of its text. */
  | { press: string };

const run = promisify(execFile);

export class Lynx {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'sg-lynx-'));
  page: LynxPage = { url: '', text: '' };
  /** The current address as the next `act` will see it, fields numbered. */
  private layout = '';

  private readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
    // Numbered fields: a digit then Enter moves to that field, wherever it is on the page.
    writeFileSync(
      path.join(this.dir, 'lynx.cfg'),
      'INCLUDE:/etc/lynx/lynx.cfg\nDEFAULT_KEYPAD_MODE:LINKS_AND_FIELDS_ARE_NUMBERED\n',
    );
  }

  /** Opens an address of the site (or any URL) and reads it. */
  async open(address: string): Promise<LynxPage> {
    this.page.url = new URL(address, this.origin).href;
    return this.act();
  }

  /** Does the actions, in order, on the current page and reads the page Lynx ends on. */
  async act(...actions: LynxAction[]): Promise<LynxPage> {
    const keys = actions.flatMap((action) => this.keysFor(action));
    const saved = path.join(this.dir, 'page.txt');
    rmSync(saved, { force: true });
    // Print, "Save to a local file" (the first choice), replace the name it offers, then quit.
    keys.push('p', '^J', '^U', ...typed(saved), '^J', 'q', 'y');
    const script = path.join(this.dir, 'keys.txt');
    writeFileSync(script, keys.map((key) => `key ${key}\n`).join(''));
    await run(
      'lynx',
      [
        `-cfg=${path.join(this.dir, 'lynx.cfg')}`,
        '-accept_all_cookies',
        `-cookie_file=${path.join(this.dir, 'cookies')}`,
        `-cookie_save_file=${path.join(this.dir, 'cookies')}`,
        `-cmd_script=${script}`,
        this.page.url,
      ],
      { env: { ...process.env, TERM: 'vt100' }, timeout: 60_000 },
    );
    const text = readFileSync(saved, 'utf8');
    // The skip link's address is the page's own address, with #main-content. (Lynx lists links
    // in a page's head, such as <link rel="alternate">, as references before it.)
    const url = /^\s*\d+\. (\S+?)#main-content$/m.exec(text)?.[1] ?? this.page.url;
    this.page = { url, text };
    this.layout = await this.read(url, ['-number_fields']);
    return this.page;
  }

  /** The page as `lynx -dump` gives it (a fresh GET of the current address). */
  dump(address = this.page.url): Promise<string> {
    return this.read(address, ['-nolist']);
  }

  private async read(address: string, options: string[]): Promise<string> {
    const { stdout } = await run(
      'lynx',
      [
        '-dump',
        ...options,
        `-cookie_file=${path.join(this.dir, 'cookies')}`,
        new URL(address, this.origin).href,
      ],
      { env: { ...process.env, TERM: 'vt100' }, timeout: 60_000 },
    );
    return stdout;
  }

  /** Removes the session's files (its cookies too). */
  close() {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private keysFor(action: LynxAction): string[] {
    if ('fill' in action) {
      const at = this.layout.indexOf(action.fill);
      const field = at < 0 ? null : /\[(\d+)\]_/.exec(this.layout.slice(at));
      if (!field) throw new Error(`Lynx: no text box after “${action.fill}” on ${this.page.url}`);
      // Moving to a text box starts editing it; ^U empties it first. Up leaves it, so the digits
      // of the next action choose a field instead of being typed into this one.
      return [...field[1], '^J', '^U', ...typed(action.with), 'Up Arrow'];
    }
    const words = 'check' in action ? action.check : action.press;
    // A box or button: "[13][ ] I agree", "[4]( ) Police"; a button or link: "([17]continue)
    // Start the survey", "[12]withdraw".
    const between =
      'check' in action ? String.raw`(?:\[[ X]\]|\([ *]\)) ` : String.raw`[^[\n]{0,30}?`;
    const field = new RegExp(String.raw`\[(\d+)\]${between}${escape(words)}`).exec(this.layout);
    if (!field) throw new Error(`Lynx: nothing labelled “${words}” on ${this.page.url}`);
    // The number and Enter move there; Enter again ticks it, presses it or follows it.
    return [...field[1], '^J', '^J'];
  }
}

/** Keys that type text; a space is written as its code, which the script format needs. */
function typed(text: string): string[] {
  return [...text].map((char) => (char === ' ' ? '0x20' : char));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
