import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { runLynx, type LynxStep } from '../helpers/lynxKeys.ts';
import { useOwnServer } from './ownServer.ts';

// Issue 13: tried as a new user would in a text browser (Lynx, from Debian), by keyboard only,
// each activity can be completed and withdrawn. Its own server, so the counts are its own.
const { port, dataDir } = useOwnServer(15);
const site = `http://127.0.0.1:${port}`;

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

const tick = (words: string): LynxStep[] => [{ find: words }, { key: 'Enter' }];

test('in Lynx, a journey map is made one stage a page, sent once, and withdrawn with its receipt code', async () => {
  expect(storedMaps()).toEqual([]);
  const made = runLynx(`${site}/journeys/child-protection-journey/`, [
    ...tick('I have read what'),
    ...tick('I understand I can stop'),
    ...tick('I understand what I write'),
    ...tick('I understand that if I tell'),
    ...tick('With a blank map'),
    ...tick('Start your map'),
    // The stage's page: its name, how it felt, then "Save and continue".
    { find: 'Name of this stage' },
    { type: 'Lynx first call' },
    // Out of "What happened?" (a text area) too.
    { key: 'Tab' },
    ...tick('Very bad'),
    ...tick('Save and continue'),
    // The list of stages: no more, then who you are, then the check page.
    { find: 'Add another stage' },
    { key: 'Down Arrow' },
    { key: 'Down Arrow' },
    { key: 'Enter' },
    ...tick('Continue'),
    ...tick('Parent or carer'),
    ...tick('Continue'),
    { find: 'Check your journey map' },
    ...tick('Send your journey map'),
    // Down to the receipt code, so it is drawn on the screen.
    { find: 'Your receipt code' },
  ]);
  expect(made).toContain('Answers sent');
  // The code shown, not the example in the withdrawal hint.
  const receipt = [...made.matchAll(/[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}/g)]
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

  const withdrawn = runLynx(`${site}/withdraw/`, [
    { find: 'Your receipt code' },
    { type: receipt! },
    ...tick('Withdraw my answers'),
  ]);
  expect(withdrawn).toContain('deleted');
  expect(storedMaps()).toEqual([]);
});
