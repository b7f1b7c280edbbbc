import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { hashReceipt, parseReceipt } from '../../src/server/receipts.ts';
import { Lynx } from '../helpers/lynx.ts';

/**
 * Issue 13, "Tried in a text browser": the practitioners survey (one question a page) completed
 * and then withdrawn in Lynx, by keystrokes alone, with what the database holds checked before
 * and after.
 */
const RECEIPT = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}/;

function responseFor(receipt: string) {
  const db = new DatabaseSync(path.join(process.env.SG_E2E_DATA_DIR!, 'safeguarding.sqlite'), {
    readOnly: true,
  });
  try {
    return db
      .prepare('SELECT activity_slug AS slug, answers FROM responses WHERE receipt_hash = ?')
      .get(hashReceipt(parseReceipt(receipt)!)) as { slug: string; answers: string } | undefined;
  } finally {
    db.close();
  }
}

test('in Lynx, the practitioners survey can be completed and then withdrawn with its receipt', async ({
  baseURL,
}) => {
  const lynx = new Lynx(baseURL!);
  try {
    let page = await lynx.open('/surveys/practitioners/');
    expect(page.text).toContain('Do you agree to take part?');
    page = await lynx.act(
      { check: 'I have read what the research' },
      { check: 'I understand I can stop' },
      { check: 'I understand my answers' },
      { check: 'I understand that if I tell' },
      { press: 'Start the survey' },
    );
    expect(page.text).toContain('What is your role?');
    page = await lynx.act(
      { check: 'Other, please say' },
      { fill: 'If other, please say', with: 'Youth worker' },
      { press: 'Continue' },
    );
    expect(page.text).toContain('How long have you worked in this kind of role?');
    page = await lynx.act({ check: '4 to 10 years' }, { press: 'Continue' });
    expect(page.text).toContain('How is information about a child shared');
    page = await lynx.act(
      { fill: 'How is information about a child shared', with: 'By phone and email.' },
      { press: 'Continue' },
    );
    page = await lynx.act({ check: 'Not being sure what I am allowed' }, { press: 'Continue' });
    expect(page.text).toContain('How confident are you');
    page = await lynx.act({ check: '4' }, { press: 'Continue' });
    expect(page.text).toContain('Have you used a digital tool');
    page = await lynx.act({ check: 'No' }, { press: 'Continue' });
    expect(page.text).toContain('caseload');
    page = await lynx.act({ fill: 'caseload', with: '12' }, { press: 'Continue' });
    expect(page.text).toContain('multi-agency meeting');
    page = await lynx.act({ press: 'Continue' });
    page = await lynx.act(
      { fill: 'What one thing would most help', with: 'One place to see who is involved.' },
      { press: 'Continue' },
    );
    expect(page.text).toContain('Is there anything else');
    page = await lynx.act({ press: 'Continue' });

    expect(page.text).toContain('Check your answers before sending them');
    expect(page.text).toContain('Other: Youth worker');
    expect(page.text).toContain('12 children');
    page = await lynx.act({ press: 'Send your answers' });
    expect(page.text).toContain('Answers sent');
    const receipt = RECEIPT.exec(page.text)![0];
    const stored = responseFor(receipt);
    expect(stored?.slug).toBe('practitioners');
    expect(JSON.parse(stored!.answers)).toMatchObject({
      role: 'other',
      'role-other': 'Youth worker',
      'one-thing-that-would-help': 'One place to see who is involved.',
    });

    // The confirmation's link to the withdrawal page, followed in Lynx.
    page = await lynx.act({ press: 'withdraw' });
    expect(page.text).toContain('Withdraw your answers');
    page = await lynx.act(
      { fill: 'receipt code', with: receipt },
      { press: 'Withdraw my answers' },
    );
    expect(page.text).toContain('Your survey answers have been deleted');
    expect(responseFor(receipt)).toBeUndefined();
    // Read again with lynx -dump: the survey itself is still there to start afresh.
    expect(await lynx.dump('/surveys/practitioners/')).toContain('Start the survey');
  } finally {
    lynx.close();
  }
});
