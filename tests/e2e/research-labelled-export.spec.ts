import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { signInAsNewResearcher } from './researchers.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';

const BASE = '/research/surveys/practitioners';
const ROLE = 'What is your role?';
const TIME = 'What gets in the way of sharing information about a child?: Not enough time';
const TOOL = 'Which tool did you use, and what was good or bad about it?';
const CONFIDENCE =
  'How confident are you about sharing information about a child with other agencies?';

/**
 * Converts `file` with LibreOffice Calc, headless, in a profile of its own (so runs in parallel
 * never share one), and returns the new file's path. The CSV filter options say: comma, double
 * quote, UTF-8, from the first line, which is how a person opening the file would import it.
 */
function convert(file: string, to: string, outDir: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'sg-soffice-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        ...(file.endsWith('.csv') ? ['--infilter=CSV:44,34,76,1'] : []),
        '--convert-to',
        to,
        '--outdir',
        outDir,
        file,
      ],
      { stdio: 'pipe', env: { ...process.env, HOME: profile } },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const made = path.join(outDir, `${path.parse(file).name}.${to.split(':')[0]}`);
  readFileSync(made); // throws, naming the file, if LibreOffice made nothing
  return made;
}

test('the labelled CSV opens in LibreOffice Calc: one row per response, labels, no formula run', async ({
  page,
  request,
}) => {
  const marker = randomUUID().slice(0, 8);
  const seeded = [
    practitionersSubmission({
      role: 'police',
      'what-gets-in-the-way': ['not-enough-time'],
      'used-digital-tool': 'yes',
      'digital-tool-experience': `=HYPERLINK("http://x","${marker} a")`,
      'confidence-sharing': 2,
      'anything-else': `${marker} first line\nsecond line, with a comma`,
    }),
    practitionersSubmission({
      role: 'teacher-or-school-staff',
      'used-digital-tool': 'yes',
      'digital-tool-experience': `+1+1 ${marker} b`,
      'anything-else': `-2+3 ${marker} c`,
    }),
  ];
  for (const body of seeded) {
    const response = await request.post('/api/surveys/practitioners/responses', { data: body });
    expect(response.status(), await response.text()).toBe(201);
  }

  await signInAsNewResearcher(page, 'labelled');
  await page.goto(`${BASE}/`);
  expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV with labels' }).click();
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-labelled-e2e-'));
  try {
    const csvFile = path.join(dir, 'labelled.csv');
    await (await download).saveAs(csvFile);
    const downloaded = parse(readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '')) as string[][];

    const ods = convert(csvFile, 'ods', dir);
    // Back to CSV from the .ods, as Calc shows each cell, and to flat XML to see the cell types.
    const back = path.join(dir, 'back');
    const roundTrip = parse(
      readFileSync(convert(ods, 'csv:Text - txt - csv (StarCalc):44,34,76', back), 'utf8'),
    ) as string[][];
    const xml = readFileSync(convert(ods, 'fods', dir), 'utf8');

    // One row per response (a line break inside an answer stays in its cell), labels as headers.
    expect(roundTrip).toHaveLength(downloaded.length);
    const [header, ...rows] = roundTrip;
    expect(header.slice(0, 5)).toEqual([
      'Response',
      'Received on',
      'Consent version',
      'Safeguarding flag',
      'Codes',
    ]);
    for (const name of [ROLE, TIME, TOOL, CONFIDENCE]) expect(header).toContain(name);
    const mine = rows.filter((row) => row.join(' ').includes(marker));
    expect(mine).toHaveLength(2);
    const [first, second] = mine;
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    expect(cell(first, ROLE)).toBe('Police');
    expect(cell(second, ROLE)).toBe('Teacher or school staff');
    expect(cell(first, TIME)).toBe('1');
    expect(cell(first, CONFIDENCE)).toBe('2');
    expect(cell(first, 'Is there anything else you would like to tell us?')).toBe(
      `${marker} first line\nsecond line, with a comma`,
    );

    // No formula ran: the hostile answers are text, as typed behind the neutralising quote…
    expect(cell(first, TOOL)).toBe(`'=HYPERLINK("http://x","${marker} a")`);
    expect(cell(second, TOOL)).toBe(`'+1+1 ${marker} b`);
    expect(cell(second, 'Is there anything else you would like to tell us?')).toBe(
      `'-2+3 ${marker} c`,
    );
    // …and the spreadsheet holds no formula at all, while numbers are numbers to it.
    expect(xml).not.toContain('table:formula');
    expect(xml).toMatch(/office:value-type="float" office:value="2"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
