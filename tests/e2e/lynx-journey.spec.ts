import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Lynx } from '../helpers/lynx.ts';
import { useOwnServer } from './ownServer.ts';

// Issue 13: tried as a new user would in a text browser (Lynx, from Debian), by keyboard only,
// each activity can be completed and withdrawn. Its own server, so the counts are its own.
const { port, dataDir } = useOwnServer(15);
const RECEIPT = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}/g;

function storedMaps(): { answers: string }[] {
  const db = new DatabaseSync(path.join(dataDir, 'safeguarding.sqlite'), { readOnly: true });
  try {
    return db.prepare("SELECT answers FROM responses WHERE activity_kind = 'journey'").all() as {
      answers: string;
    }[];
  } finally {
    db.close();
  }
}

test('in Lynx, a journey map is made one stage a page, sent once, and withdrawn with its receipt code', async () => {
  expect(storedMaps()).toEqual([]);
  const lynx = new Lynx(`http://127.0.0.1:${port}`);
  try {
    let page = await lynx.open('/journeys/child-protection-journey/');
    expect(page.text).toContain('How do you want to start?');
    page = await lynx.act(
      { check: 'I have read what' },
      { check: 'I understand I can stop' },
      { check: 'I understand what I write' },
      { check: 'I understand that if I tell' },
      { check: 'With a blank map' },
      { press: 'Start your map' },
    );
    // The stage's page: its name, how it felt, then "Save and continue".
    expect(page.text).toContain('Name of this stage');
    page = await lynx.act(
      { fill: 'Name of this stage', with: 'Lynx first call' },
      // The face and number are part of the label, as Lynx shows it.
      { check: '😞1 – Very bad' },
      { press: 'Save and continue' },
    );
    // The list of stages: no more, then who you are, then the check page.
    expect(page.text).toContain('Add another stage?');
    expect(page.text).toContain('Lynx first call');
    page = await lynx.act({ check: 'No' }, { press: 'Continue' });
    page = await lynx.act({ check: 'Parent or carer' }, { press: 'Continue' });
    expect(page.text).toContain('Check your journey map');
    page = await lynx.act({ press: 'Send your journey map' });
    expect(page.text).toContain('Answers sent');
    // The code shown, not the example in the withdrawal hint.
    const receipt = [...page.text.matchAll(RECEIPT)]
      .map((m) => m[0])
      .find((code) => code !== '7K3M-9QPD-XR2A-TB5H');
    expect(receipt).toBeDefined();
    // Stored once, as written.
    const maps = storedMaps();
    expect(maps).toHaveLength(1);
    expect(JSON.parse(maps[0].answers)).toMatchObject({
      role: 'parent-or-carer',
      stages: [{ name: 'Lynx first call', feeling: 1 }],
    });

    page = await lynx.open('/withdraw/');
    page = await lynx.act(
      { fill: 'Your receipt code', with: receipt! },
      { press: 'Withdraw my answers' },
    );
    expect(page.text).toContain('Your journey map has been deleted');
    expect(storedMaps()).toEqual([]);
  } finally {
    lynx.close();
  }
});

// The third activity, feedback on a prototype scope, here too: this spec's own server keeps the
// shared server's feedback counts as other specs expect them.
test('in Lynx, feedback on a prototype scope is sent and withdrawn with its receipt code', async () => {
  const lynx = new Lynx(`http://127.0.0.1:${port}`);
  try {
    let page = await lynx.open('/prototypes/shared-family-timeline/feedback/');
    expect(page.text).toContain('How useful would this tool be?');
    page = await lynx.act(
      { check: 'Quite useful' },
      { check: 'A parent or carer' },
      { press: 'Send feedback' },
    );
    const receipt = [...page.text.matchAll(RECEIPT)]
      .map((m) => m[0])
      .find((code) => code !== '7K3M-9QPD-XR2A-TB5H');
    expect(receipt, page.text).toBeDefined();

    page = await lynx.open('/withdraw/');
    page = await lynx.act(
      { fill: 'Your receipt code', with: receipt! },
      { press: 'Withdraw my answers' },
    );
    expect(page.text).toContain('Your feedback has been deleted');
    // The same code again finds nothing: the feedback is gone.
    page = await lynx.open('/withdraw/');
    page = await lynx.act(
      { fill: 'Your receipt code', with: receipt! },
      { press: 'Withdraw my answers' },
    );
    expect(page.text).toContain('We could not find any answers with that receipt code.');
  } finally {
    lynx.close();
  }
});
