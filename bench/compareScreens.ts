/**
 * `node bench/compareScreens.ts <folder>` compares every participant page of this build with
 * the build in <folder> (another checkout of the site, built with `npm run build`), screenshot
 * by screenshot, at 320 CSS pixels and on a desktop. Used to check that a change to how styles and
 * scripts are delivered changes nothing a participant sees; prints a table and writes
 * bench/out/screens.md, with the two screenshots of any page that differs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { OUT, PORTS } from './lib/config.ts';
import { table } from './lib/format.ts';
import { launch } from './lib/browser.ts';
import { removeTempDirs, startSite, tempDir, type Running } from './lib/processes.ts';
import { LIGHTHOUSE_PAGES, startJourney } from './lighthouse.ts';

const PAGES = [
  ...LIGHTHOUSE_PAGES.map((p) => p.path),
  '/about/',
  '/preferences/',
  '/withdraw/',
  '/surveys/',
];
const VIEWPORTS = [
  { name: '320 px', width: 320, height: 640 },
  { name: 'desktop', width: 1280, height: 900 },
];

const before = process.argv[2];
if (!before) {
  console.error('Usage: node bench/compareScreens.ts <folder of the other build>');
  process.exit(2);
}

/** The page as a participant sees it once it has settled: islands hydrated, nothing loading. */
async function screenshot(page: Page, url: string): Promise<Buffer> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
  await page.waitForTimeout(500);
  return page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
}

/**
 * Chromium encodes the same pixels to the same PNG bytes, so identical files mean not one pixel
 * differs; any other answer keeps both screenshots for a look.
 */
const sameImage = (a: Buffer, b: Buffer) => a.equals(b);

const servers: Running[] = [];
const rows: string[][] = [];
const folder = path.join(OUT, 'screens');
mkdirSync(folder, { recursive: true });
const browser = await launch();
try {
  servers.push(await startSite(PORTS.site, tempDir('screens-after')));
  servers.push(await startSite(PORTS.static, tempDir('screens-before'), { cwd: before }));
  const [after, old] = servers;
  const tokens = [await startJourney(after.origin), await startJourney(old.origin)];
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    for (const pagePath of PAGES) {
      const [now, then] = [
        await screenshot(page, after.origin + pagePath.replace('TOKEN', tokens[0])),
        await screenshot(page, old.origin + pagePath.replace('TOKEN', tokens[1])),
      ];
      const same = sameImage(now, then);
      if (!same) {
        const name = `${viewport.width}${pagePath.replace(/[^a-z0-9]+/gi, '-')}`;
        writeFileSync(path.join(folder, `${name}-after.png`), now);
        writeFileSync(path.join(folder, `${name}-before.png`), then);
      }
      console.log(`  ${viewport.name} ${pagePath}: ${same ? 'identical' : 'DIFFERENT'}`);
      rows.push([
        viewport.name,
        `\`${pagePath.replace('TOKEN', '…')}\``,
        same ? 'identical' : 'DIFFERENT',
      ]);
    }
    await context.close();
  }
} finally {
  await browser.close();
  for (const server of servers) await server.stop();
  removeTempDirs();
}
const report = table(['Viewport', 'Page', 'Screenshot'], rows);
writeFileSync(path.join(OUT, 'screens.md'), `${report}\n`);
console.log(report);
