import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './config.ts';
import { run } from './processes.ts';

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

export interface Weight {
  requests: number;
  /** External JavaScript, gzipped (level 6, as a server would send it). */
  jsGzip: number;
  /** Of which bundled framework and island code (/_astro/ chunks, React, SurveyJS). */
  frameworkJsGzip: number;
  /** Inline <script> elements in the HTML, gzipped on their own (already counted in the HTML). */
  inlineJsGzip: number;
  cssGzip: number;
  htmlGzip: number;
  totalGzip: number;
  scripts: string[];
  islands: number;
}

const gz = (body: Buffer) => gzipSync(body).length;

/**
 * Loads `url` in a fresh page of `context` (an empty cache) and weighs every response. Bodies are
 * gzipped here because neither the site's server nor the comparison server compresses; this is
 * what a compressing proxy in front would send.
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
    jsGzip: 0,
    frameworkJsGzip: 0,
    inlineJsGzip: 0,
    cssGzip: 0,
    htmlGzip: 0,
    totalGzip: 0,
    scripts: [],
    islands: 0,
  };
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        const body = response
          ? await response.body().catch(() => Buffer.alloc(0))
          : Buffer.alloc(0);
        const size = gz(body);
        weight.requests++;
        weight.totalGzip += size;
        const type = request.resourceType();
        if (type === 'script') {
          weight.jsGzip += size;
          weight.scripts.push(
            `${new URL(request.url()).pathname} (${(size / 1024).toFixed(1)} KB)`,
          );
          if (isFramework(request.url())) weight.frameworkJsGzip += size;
        } else if (type === 'stylesheet') weight.cssGzip += size;
        else if (type === 'document') weight.htmlGzip += size;
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
