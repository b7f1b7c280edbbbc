import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { useOwnServer } from './ownServer.ts';
import { researcherOnOwnServer } from './researchers.ts';

// Issue 15, items 1 and 2 for journey maps and prototype feedback: passages of a stage's written answers coded like a
// survey's (with and without JavaScript), in the exports and the codebook's counts, and one Save
// for the maps page's ticks. The codebook is the project's, so this spec counts on a server of
// its own. In order, in one worker; a failure never skips the tests after it.
test.describe.configure({ mode: 'default' });
const { dataDir, port } = useOwnServer(17);
const signIn = researcherOnOwnServer(dataDir, 'journey-coding');

const SLUG = 'child-protection-journey';
const BASE = `/research/journeys/${SLUG}`;
const yml = parseYaml(
  readFileSync(path.resolve(import.meta.dirname, `../../content/journeys/${SLUG}.yml`), 'utf8'),
) as { title: string; consent: { statements: { id: string }[] } };
const consent = Object.fromEntries(yml.consent.statements.map((s) => [s.id, true]));

const FIRST = 'Someone to ring me back the same day. A named worker.';
const SECOND = 'Being told what the meeting was for.';
const HAPPENED = 'A letter came on a Friday and nobody answered the phone.';
const PROTOTYPE = 'shared-family-timeline';
const FEEDBACK = `/research/prototypes/${PROTOTYPE}`;
const COMMENT = 'Useful if the timeline is kept up to date by the social worker.';
const WHY = 'Plans change and nobody tells us.';
const QUOTABLE = 'Families would see the same plan as every worker, on the same day.';

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const stage = (name: string, happened: string, wouldHaveHelped: string) => ({
    name,
    feeling: 2,
    who: [],
    happened,
    helped: '',
    wouldHaveHelped,
  });
  for (const stages of [
    [stage('Referral', HAPPENED, FIRST)],
    [stage('Assessment', '', SECOND), stage('Meeting', '', '')],
  ]) {
    const response = await request.post(`/api/journeys/${SLUG}/maps`, {
      data: { submissionId: randomUUID(), role: 'parent-or-carer', consent, stages },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
  const feedback = await request.post(`/api/prototypes/${PROTOTYPE}/feedback`, {
    data: {
      submissionId: randomUUID(),
      role: 'other',
      comment: COMMENT,
      reactions: { 'agreed-actions': 'worried' },
      why: { 'agreed-actions': WHY },
    },
  });
  expect(feedback.status(), await feedback.text()).toBe(201);
  // Feedback 2: its sender agreed to be quoted; feedback 1's did not.
  const quotable = await request.post(`/api/prototypes/${PROTOTYPE}/feedback`, {
    data: {
      submissionId: randomUUID(),
      role: 'practitioner',
      practitionerKind: 'social-worker',
      comment: QUOTABLE,
      consentQuote: true,
    },
  });
  expect(quotable.status(), await quotable.text()).toBe(201);
  await request.dispose();
});

async function expectAccessible(page: Page, javaScript = true) {
  expect(await axeViolations(page, { javaScript, bestPractice: true })).toEqual([]);
}

async function addCode(page: Page, name: string) {
  await page.goto(`${BASE}/codes/`);
  await page.getByLabel('Name', { exact: true }).first().fill(name);
  await page.getByRole('button', { name: 'Add code' }).click();
}

const answer = (page: Page, text: string) => page.locator('li[data-answer]', { hasText: text });

test('the maps page saves every answer’s ticks with one Save, and warns before leaving with ticks not saved', async ({
  page,
}) => {
  await signIn(page);
  await addCode(page, 'Call back');
  await addCode(page, 'Explanation');
  await page.goto(`${BASE}/`);
  // Ticks on two answers, then the page's one Save: both are kept.
  await answer(page, FIRST).getByLabel('Call back').check();
  await answer(page, SECOND).getByLabel('Explanation').check();
  await expect(page.getByRole('button', { name: 'Save codes' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Save codes' }).click();
  await expect(page.getByText('Codes saved.')).toBeVisible();
  await expect(answer(page, FIRST).getByLabel('Call back')).toBeChecked();
  await expect(answer(page, SECOND).getByLabel('Explanation')).toBeChecked();
  await expect(answer(page, SECOND).getByLabel('Call back')).not.toBeChecked();
  await expectAccessible(page);

  // A tick not saved: the browser asks before another page opens.
  await answer(page, SECOND).getByLabel('Call back').check();
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }),
  );
  await page.getByRole('link', { name: 'All maps' }).click();
  expect(await asked).toBe('beforeunload');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a passage of a stage is coded by its words, refused when not found, and shown with its source', async ({
    page,
  }) => {
    await signIn(page);
    await addCode(page, 'Phone');
    await page.goto(`${BASE}/`);
    await answer(page, FIRST)
      .getByRole('link', { name: /^Map \d+$/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Code the written answers' })).toBeVisible();
    await expectAccessible(page, false);

    // Words that are not in the answer: refused, said where, nothing stored.
    await page.getByLabel('Stage 1 (“Referral”): what happened').check();
    await page.getByLabel('The passage').fill('nobody rang');
    await page.getByRole('group', { name: 'Codes for the passage' }).getByLabel('Phone').check();
    await page.getByRole('button', { name: 'Code this passage' }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator('.govuk-error-summary')).toContainText(
      'The passage is not in this answer',
    );
    await expect(page.getByRole('table', { name: 'Coded passages of this map' })).toContainText(
      'No passages coded yet.',
    );
    await expectAccessible(page, false);

    await page.getByLabel('The passage').fill('nobody answered the phone');
    await page.getByRole('button', { name: 'Code this passage' }).click();
    await expect(page.getByText('Codes saved, and the passage coded.')).toBeVisible();
    const passages = page.getByRole('table', { name: 'Coded passages of this map' });
    await expect(passages).toContainText('“nobody answered the phone”');
    await expect(passages).toContainText('Stage 1 (“Referral”): what happened');
    await expectAccessible(page, false);

    // The quote carries its source for a finding: the activity, the map's number, the role.
    await page.goto(`${BASE}/codes/`);
    await expect(
      page.getByLabel('Quotes for “Phone” with their sources, ready to copy'),
    ).toHaveValue(`“nobody answered the phone”\n(${yml.title}, map 1, Parent or carer)`);
    await expectAccessible(page, false);
  });
});

test('journey passages and codes are in the stage exports, the passages CSV and the codebook’s counts', async ({
  page,
}) => {
  await signIn(page);
  const stages = parse((await (await page.request.get(`${BASE}/export.csv`)).text()).slice(1), {
    columns: true,
  }) as Record<string, string>[];
  const coded = (text: string) => stages.find((s) => s.would_have_helped === text)!.codes;
  expect(coded(FIRST)).toBe('Call back; Phone');
  expect(coded(SECOND)).toBe('Explanation');

  const json = await (await page.request.get(`${BASE}/export.json`)).json();
  expect(json.excerpts).toEqual([
    {
      code: 'Phone',
      responseNumber: 1,
      field: 'stages.0.happened',
      start: HAPPENED.indexOf('nobody'),
      end: HAPPENED.length - 1,
      quote: 'nobody answered the phone',
    },
  ]);

  const excerpts = await page.request.get(`${BASE}/excerpts.csv`);
  expect(excerpts.headers()['content-disposition']).toMatch(
    new RegExp(`^attachment; filename="${SLUG}-excerpts-`),
  );
  expect(parse((await excerpts.text()).slice(1), { columns: true })).toEqual([
    {
      code: 'Phone',
      response: '1',
      field: 'stages.0.happened',
      question: 'Stage 1: what happened',
      start: String(HAPPENED.indexOf('nobody')),
      end: String(HAPPENED.length - 1),
      quote: 'nobody answered the phone',
    },
  ]);

  const codebook = parse(
    (await (await page.request.get('/research/codebook.csv')).text()).slice(1),
    {
      columns: true,
    },
  ) as Record<string, string>[];
  const count = (code: string) => codebook.find((c) => c.code === code)!.count;
  expect([count('Call back'), count('Explanation'), count('Phone')]).toEqual(['1', '1', '1']);
});

test.describe('prototype feedback without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a comment’s passage and a feature’s “why” are coded on the feedback’s page, and exported', async ({
    page,
  }) => {
    await signIn(page);
    await addCode(page, 'Keeping up to date');
    await page.goto(`${FEEDBACK}/feedback/1/`);
    await expect(page.getByRole('heading', { name: 'Code the written answers' })).toBeVisible();
    await expectAccessible(page, false);

    // A whole "why" ticked, and a passage of the comment, in one post.
    await page
      .getByRole('group', { name: 'Why: What was agreed and what happens next' })
      .getByLabel('Explanation')
      .check();
    await page.getByLabel('Their comment', { exact: true }).check();
    await page.getByLabel('The passage').fill('kept up to date');
    await page
      .getByRole('group', { name: 'Codes for the passage' })
      .getByLabel('Keeping up to date')
      .check();
    await page.getByRole('button', { name: 'Code this passage' }).click();
    await expect(page.getByText('Codes saved, and the passage coded.')).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Coded passages of this feedback' }),
    ).toContainText('“kept up to date”');
    await expect(
      page
        .getByRole('group', { name: 'Why: What was agreed and what happens next' })
        .getByLabel('Explanation'),
    ).toBeChecked();
    await expectAccessible(page, false);

    const rows = parse((await (await page.request.get(`${FEEDBACK}/export.csv`)).text()).slice(1), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows.find((r) => r.comment === COMMENT)!.codes).toBe('Explanation; Keeping up to date');
    const json = await (await page.request.get(`${FEEDBACK}/export.json`)).json();
    expect(json.feedback[0].codes).toEqual(['Explanation', 'Keeping up to date']);
    const start = COMMENT.indexOf('kept up to date');
    expect(json.excerpts).toEqual([
      {
        code: 'Keeping up to date',
        responseNumber: 1,
        field: 'comment',
        start,
        end: start + 'kept up to date'.length,
        quote: 'kept up to date',
      },
    ]);
    const excerpts = parse(
      (await (await page.request.get(`${FEEDBACK}/excerpts.csv`)).text()).slice(1),
      { columns: true },
    ) as Record<string, string>[];
    expect(excerpts.map((e) => [e.code, e.response, e.question, e.quote])).toEqual([
      ['Keeping up to date', '1', 'Their comment', 'kept up to date'],
    ]);
    const codebook = parse(
      (await (await page.request.get('/research/codebook.csv')).text()).slice(1),
      { columns: true },
    ) as Record<string, string>[];
    expect(codebook.find((c) => c.code === 'Keeping up to date')!.count).toBe('1');
  });
});

test.describe('quotes of prototype feedback for findings, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the scope’s codebook page lists coded feedback with its source, only from people who agreed to be quoted', async ({
    page,
  }) => {
    await signIn(page);
    await addCode(page, 'Same plan');
    const codePassage = async (number: number, passage: string) => {
      await page.goto(`${FEEDBACK}/feedback/${number}/`);
      // Feedback 1 has a "why" too, so the answer the passage is from is chosen.
      const from = page.getByRole('group', { name: 'Which answer is the passage from?' });
      if ((await from.count()) > 0) await from.getByLabel('Their comment', { exact: true }).check();
      await page.getByLabel('The passage').fill(passage);
      await page
        .getByRole('group', { name: 'Codes for the passage' })
        .getByLabel('Same plan')
        .check();
      await page.getByRole('button', { name: 'Code this passage' }).click();
      await expect(page.getByText('Codes saved, and the passage coded.')).toBeVisible();
    };
    await codePassage(2, 'the same plan as every worker');
    await codePassage(1, 'kept up to date by the social worker');

    await page.goto(`${FEEDBACK}/`);
    await page.getByRole('link', { name: 'Thematic codes and quotes' }).click();
    await expect(page).toHaveURL(`${FEEDBACK}/codes/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Codebook');
    const section = page.getByRole('region', { name: 'Same plan' });
    await expect(section.locator('blockquote')).toHaveText([
      /^the same plan as every worker\s*A shared timeline for a family's support, comment 2, A practitioner \(I work with children or families\)$/,
    ]);
    await expect(
      section.getByLabel('Quotes for “Same plan” with their sources, ready to copy'),
    ).toHaveValue(/^“the same plan as every worker”.*comment 2, A practitioner/s);
    // Feedback 1 is coded too, but its sender did not agree to be quoted.
    await expect(page.getByText('kept up to date by the social worker')).toHaveCount(0);
    await expect(page.locator('.govuk-inset-text')).toContainText(
      'not listed below: the people who wrote them did not agree to be quoted',
    );
    await expectAccessible(page, false);
  });
});
