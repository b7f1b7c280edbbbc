import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './config.ts';
import { run } from './processes.ts';

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

export interface Weight {
  requests: number;
  /** External JavaScript, bytes on the wire (as the server sent it, compressed or not). */
  jsWire: number;
  /** Of which bundled framework and island code (/_astro/ chunks, React, SurveyJS). */
  frameworkJsWire: number;
  /** Inline <script> elements in the HTML, gzipped on their own (already counted in the HTML). */
  inlineJsGzip: number;
  cssWire: number;
  htmlWire: number;
  totalWire: number;
  scripts: string[];
  islands: number;
}

const gz = (body: Buffer) => gzipSync(body).length;

/**
 * Loads `url` in a fresh page of `context` (an empty cache) and weighs every response by the body
 * bytes that crossed the wire (Playwright's `request.sizes()`: encoded size), so what the server
 * compresses, and how well, is what is measured. Inline scripts are part of the HTML's bytes;
 * their own share is estimated by gzipping them.
 */
export async function weighPage(
  context: BrowserContext,
  url: string,
  isFramework: (url: string) => boolean,
): Promise<Weight> {
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const weight: Weight = {
    requests: 0,
    jsWire: 0,
    frameworkJsWire: 0,
    inlineJsGzip: 0,
    cssWire: 0,
    htmlWire: 0,
    totalWire: 0,
    scripts: [],
    islands: 0,
  };
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const size = (await request.sizes().catch(() => ({ responseBodySize: 0 })))
          .responseBodySize;
        weight.requests++;
        weight.totalWire += size;
        const type = request.resourceType();
        if (type === 'script') {
          weight.jsWire += size;
          weight.scripts.push(
            `${new URL(request.url()).pathname} (${(size / 1024).toFixed(1)} KB)`,
          );
          if (isFramework(request.url())) weight.frameworkJsWire += size;
        } else if (type === 'stylesheet') weight.cssWire += size;
        else if (type === 'document') weight.htmlWire += size;
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  if (new URL(page.url()).pathname !== new URL(url).pathname) {
    throw new Error(
      `${url} ended at ${page.url()}: the page measured would not be the one asked for`,
    );
  }
  const inline = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
    islands: document.querySelectorAll('astro-island').length,
  }));
  weight.inlineJsGzip = inline.scripts.reduce(
    (sum, s) => sum + (s.trim() ? gz(Buffer.from(s)) : 0),
    0,
  );
  weight.islands = inline.islands;
  await Promise.all(pending);
  await page.close();
  return weight;
}

export const RESEARCHER = {
  email: 'bench@example.org',
  password: 'violet teapot under a quiet bridge',
};

/** Adds the bench researcher to `dataDir` with the site's own command. */
export async function addBenchResearcher(dataDir: string) {
  await run(
    process.execPath,
    ['scripts/researcher.ts', 'add', RESEARCHER.email, '--role', 'admin'],
    {
      env: { DATA_DIR: dataDir },
      input: `${RESEARCHER.password}\n`,
    },
  );
}

/** Signs the bench researcher in through the login form, leaving the session cookie in `context`. */
export async function signIn(context: BrowserContext, origin: string) {
  const page = await context.newPage();
  await page.goto(`${origin}/research/login`);
  await page.getByLabel('Email address').fill(RESEARCHER.email);
  await page.getByLabel('Password').fill(RESEARCHER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/research/login'));
  await page.close();
}
