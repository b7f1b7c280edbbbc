import { execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { useOwnServer } from './ownServer.ts';
import { researcherOnOwnServer } from './researchers.ts';

// Issue 15, item 4 and its "Done when": one codebook shared by every activity, coded passages,
// and codes and passages in the exports, tried on a generated data set of 1,000 responses across
// two surveys (scripts/seed-research.ts). The codebook is the project's, so this spec has a
// server of its own that no other spec adds codes to. In order, in one worker; a failure never
// skips the tests after it ('serial' would).
test.describe.configure({ mode: 'default' });
const { dataDir } = useOwnServer(18);

const SURVEYS = ['practitioners', 'families-and-ecdp-members'] as const;
const PRACTITIONERS = '/research/surveys/practitioners';

test.beforeAll(() => {
  // Through the real store, on this spec's server's database (SQLite's WAL lets both use it).
  execFileSync('node', ['scripts/seed-research.ts', '1000', ...SURVEYS], {
    env: { ...process.env, DATA_DIR: dataDir },
  });
});
const signIn = researcherOnOwnServer(dataDir, 'coding');

async function expectAccessible(page: Page, javaScript = true) {
  expect(await axeViolations(page, { javaScript, bestPractice: true })).toEqual([]);
}

async function addCode(page: Page, name: string, parent?: string) {
  await page.getByLabel('Name', { exact: true }).first().fill(name);
  if (parent) await page.locator('#parent').selectOption({ label: parent });
  await page.getByRole('button', { name: 'Add code' }).click();
}

/** The first written answer of the response open on `page`: its key and its first sentence. */
async function firstSentence(page: Page): Promise<{ key: string; sentence: string } | undefined> {
  const answer = page.locator('[data-answer-key]').first();
  if ((await answer.count()) === 0) return undefined;
  const text = (await answer.textContent()) ?? '';
  return {
    key: (await answer.getAttribute('data-answer-key'))!,
    sentence: text.split('.')[0] + '.',
  };
}

/** Opens the first practitioners' response with a written answer; gives that answer. */
async function openResponseWithText(page: Page) {
  for (let number = 1; ; number++) {
    await page.goto(`${PRACTITIONERS}/responses/${number}/`);
    const found = await firstSentence(page);
    if (found) return found;
  }
}

test('one codebook for every activity: parents and children, edits, merges, errors', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`${PRACTITIONERS}/codes/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Codebook');
  await expectAccessible(page);
  await addCode(page, 'Barriers');
  await addCode(page, 'Slow replies', 'Barriers');
  await addCode(page, 'Late answers');
  const table = page.getByRole('table', { name: 'Codes and how often they are used' });
  await expect(table.getByRole('row', { name: /^Slow replies/ })).toContainText('Barriers');

  // The same codebook from a journey map's codes page.
  await page.goto('/research/journeys/child-protection-journey/codes/');
  await expect(table).toContainText('Slow replies');
  await expect(table).toContainText('Late answers');

  // Errors: a name taken in another case, a child as parent.
  await addCode(page, 'SLOW REPLIES');
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'There is already a code with that name',
  );
  await expectAccessible(page);
  await page.getByText('Edit, merge or delete “Late answers”').click();
  await page.locator('#parent-' + (await codeId(page, 'Late answers'))).selectOption({
    label: 'Barriers',
  });
  await page.getByRole('button', { name: 'Save “Late answers”' }).click();
  await expect(table.getByRole('row', { name: /^Late answers/ })).toContainText('Barriers');

  // Merge "Late answers" into "Slow replies": one code is left, audited.
  await page.getByText('Edit, merge or delete “Late answers”').click();
  await page.getByRole('button', { name: 'Merge “Late answers”' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Choose the code to merge it into',
  );
  await expectAccessible(page);
  // The refused form is shown open, ready to correct.
  await page.getByLabel('Merge “Late answers” into').selectOption({ label: 'Slow replies' });
  await page.getByRole('button', { name: 'Merge “Late answers”' }).click();
  await expect(page.getByText('Codes merged into “Slow replies”')).toBeVisible();
  await expect(table).not.toContainText('Late answers');
  await expectAccessible(page);

  // The codebook download: code, parent, description, count.
  const csv = await page.request.get('/research/codebook.csv');
  expect(csv.headers()['cache-control']).toBe('no-store');
  const rows = parse((await csv.text()).replace(/^\uFEFF/, '')) as string[][];
  expect(rows[0]).toEqual(['code', 'parent', 'description', 'count']);
  expect(rows).toContainEqual(['Slow replies', 'Barriers', '', '0']);
});

/** The id of a code from its row's link (#code-<id>) in the codebook table. */
async function codeId(page: Page, name: string): Promise<string> {
  const href = await page
    .getByRole('table', { name: 'Codes and how often they are used' })
    .getByRole('link', { name, exact: true })
    .getAttribute('href');
  return href!.replace('#code-', '');
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a passage is coded by giving its words; words not found are refused', async ({ page }) => {
    await signIn(page);
    await page.goto(`${PRACTITIONERS}/codes/`);
    await addCode(page, 'Paste test');
    const found = await openResponseWithText(page);
    const passages = page.getByRole('table', { name: 'Coded passages of this response' });
    await expect(passages).toContainText('No passages coded yet.');
    await expectAccessible(page, false);

    // Words not in the answer: a clear error, nothing stored, the words kept to correct.
    await page.locator(`input[name="passage-answer"][value="${found.key}"]`).check();
    await page.getByLabel('The passage').fill('words nobody wrote');
    await page
      .getByRole('group', { name: 'Codes for the passage' })
      .getByLabel('Paste test')
      .check();
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Code this passage' }).click();
    expect((await refused).status()).toBe(400);
    await expect(page.locator('.govuk-error-summary')).toContainText(
      'The passage is not in this answer: copy the words exactly as they are written',
    );
    await expect(page.getByLabel('The passage')).toHaveValue('words nobody wrote');
    await expect(passages).toContainText('No passages coded yet.');
    await expectAccessible(page, false);

    // No code chosen: refused too.
    await page.getByLabel('The passage').fill(found.sentence);
    await page
      .getByRole('group', { name: 'Codes for the passage' })
      .getByLabel('Paste test')
      .uncheck();
    await page.getByRole('button', { name: 'Code this passage' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText(
      'Choose at least one code for the passage',
    );

    // The words as written: coded, with its span.
    await page
      .getByRole('group', { name: 'Codes for the passage' })
      .getByLabel('Paste test')
      .check();
    await page.getByRole('button', { name: 'Code this passage' }).click();
    await expect(page.getByText('Codes saved, and the passage coded.')).toBeVisible();
    await expect(passages).toContainText(`“${found.sentence}”`);
    await expect(passages).toContainText('Paste test');
    await expectAccessible(page, false);

    // Removed with its button.
    await passages.getByRole('button', { name: /^Remove/ }).click();
    await expect(page.getByText('Codes saved, and the passage’s code removed.')).toBeVisible();
    await expect(passages).toContainText('No passages coded yet.');
  });
});

test('with JavaScript, selecting words by keyboard fills the passage form; leaving with unsaved ticks warns', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`${PRACTITIONERS}/codes/`);
  await addCode(page, 'Selection test');
  const found = await openResponseWithText(page);
  const answer = page.locator(`[data-answer-key="${found.key}"]`);
  const text = (await answer.textContent())!;
  // Select the answer, then change the selection by keyboard (Shift+Left): the form follows.
  await answer.selectText();
  await page.keyboard.press('Shift+ArrowLeft');
  const selected = (await page.evaluate(() => document.getSelection()!.toString())).trim();
  expect(text).toContain(selected);
  await expect(page.getByLabel('The passage')).toHaveValue(selected);
  await expect(page.locator(`input[name="passage-answer"][value="${found.key}"]`)).toBeChecked();
  await expect(page.locator('[data-passage-status]')).toContainText('Passage filled in below');
  await page
    .getByRole('group', { name: 'Codes for the passage' })
    .getByLabel('Selection test')
    .check();
  await page.getByRole('button', { name: 'Code this passage' }).click();
  await expect(page.getByText('Codes saved, and the passage coded.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Coded passages of this response' })).toContainText(
    text.slice(0, -1).trim(),
  );
  await expectAccessible(page);

  // A tick not yet saved: the browser asks before the next response opens.
  await page
    .getByRole('group', { name: new RegExp(await legendOf(page, found.key)) })
    .getByLabel('Selection test')
    .check();
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }),
  );
  await page.getByRole('link', { name: /Next/ }).first().click();
  expect(await asked).toBe('beforeunload');
});

/** The wording of the question whose answer has this key, as its fieldset's legend. */
async function legendOf(page: Page, key: string): Promise<string> {
  const legend = page
    .locator('fieldset', { has: page.locator(`[data-answer-key="${key}"]`) })
    .locator('legend');
  return (await legend.innerText()).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('done when: 20 passages across two surveys with one codebook, a cross-tab, and every code and passage in the exports', async ({
  page,
}) => {
  await signIn(page);
  const codes = ['Trial: access', 'Trial: waiting', 'Trial: trust', 'Trial: records'];
  await page.goto(`${PRACTITIONERS}/codes/`);
  await addCode(page, codes[0]);
  await addCode(page, codes[1], codes[0]);
  await addCode(page, codes[2]);
  await addCode(page, codes[3], codes[2]);

  // Ten passages in each survey, each coded with one code of the one codebook.
  const coded: Record<string, { code: string; number: number; field: string; quote: string }[]> = {
    practitioners: [],
    'families-and-ecdp-members': [],
  };
  for (const slug of SURVEYS) {
    for (let number = 1; coded[slug].length < 10; number++) {
      await page.goto(`/research/surveys/${slug}/responses/${number}/`);
      const found = await firstSentence(page);
      if (!found) continue;
      const code = codes[(coded.practitioners.length + coded[slug].length) % codes.length];
      await page.locator(`input[name="passage-answer"][value="${found.key}"]`).check();
      await page.getByLabel('The passage').fill(found.sentence);
      await page.getByRole('group', { name: 'Codes for the passage' }).getByLabel(code).check();
      await page.getByRole('button', { name: 'Code this passage' }).click();
      await expect(page.getByText('Codes saved, and the passage coded.')).toBeVisible();
      coded[slug].push({ code, number, field: found.key, quote: found.sentence });
    }
  }
  expect(coded.practitioners.length + coded['families-and-ecdp-members'].length).toBe(20);

  // A cross-tab of two closed questions over the 500 practitioners' responses.
  await page.goto(`${PRACTITIONERS}/`);
  await page
    .getByLabel('Cross-tabulate: question down the side')
    .selectOption({ label: 'How long have you worked in this kind of role?' });
  await page
    .getByLabel('Cross-tabulate: question across the top')
    .selectOption({ label: 'Have you used a digital tool to help with safeguarding?' });
  await page.getByRole('button', { name: 'Apply' }).click();
  const tab = page.getByRole('table', {
    name: 'How long have you worked in this kind of role? (rows) by Have you used a digital tool to help with safeguarding? (columns)',
  });
  await expect(tab.getByRole('row', { name: /^Answered both/ })).toBeVisible();
  await expectAccessible(page);

  // Every code and passage, found in the exports by parsing them.
  for (const slug of SURVEYS) {
    const base = `/research/surveys/${slug}`;
    const csv = parse((await (await page.request.get(`${base}/export.csv`)).text()).slice(1), {
      columns: true,
    }) as Record<string, string>[];
    expect(csv).toHaveLength(500);
    for (const { code, number } of coded[slug]) {
      const row = csv.find((r) => r.response_number === String(number))!;
      expect(row.codes.split('; ')).toContain(code);
    }
    // Other tests in this file code answers on the same server: count only this trial's codes.
    const trial = (text: string) => codes.some((code) => text.includes(code));
    expect(csv.filter((r) => trial(r.codes))).toHaveLength(coded[slug].length);

    const excerpts = parse(
      (await (await page.request.get(`${base}/excerpts.csv`)).text()).slice(1),
      {
        columns: true,
      },
    ) as Record<string, string>[];
    const json = await (await page.request.get(`${base}/export.json`)).json();
    const labelled = await (await page.request.get(`${base}/export-labelled.json`)).json();
    for (const { code, number, field, quote } of coded[slug]) {
      expect(excerpts).toContainEqual(
        expect.objectContaining({ code, response: String(number), field, quote }),
      );
      expect(json.excerpts).toContainEqual(
        expect.objectContaining({ code, responseNumber: number, field, quote }),
      );
      expect(labelled.excerpts).toContainEqual(
        expect.objectContaining({ code, responseNumber: number, field, quote }),
      );
    }
    expect(excerpts.filter((e) => trial(e.code))).toHaveLength(coded[slug].length);
  }
  const codebook = parse(
    (await (await page.request.get('/research/codebook.csv')).text()).slice(1),
    { columns: true },
  ) as Record<string, string>[];
  const all = [...coded.practitioners, ...coded['families-and-ecdp-members']];
  for (const code of codes) {
    expect(codebook).toContainEqual(
      expect.objectContaining({
        code,
        count: String(all.filter((c) => c.code === code).length),
      }),
    );
  }
  expect(codebook.find((c) => c.code === codes[1])!.parent).toBe(codes[0]);
});
