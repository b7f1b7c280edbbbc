import { describe, expect, it } from 'vitest';
import { collections } from '../../admin/collections.ts';
import { EntryRefused, entryProblems } from '../../admin/entryProblems.ts';
import {
  imageComponent,
  imageFromBlock,
  imageToBlock,
  type ImageBlock,
} from '../../admin/imageComponent.ts';
import { PHRASE_CHANGES, withPhraseChanges } from '../../admin/phrases.ts';
import { STAMPED_COLLECTIONS, today } from '../../admin/stampUpdated.ts';
import { imagesWithoutAlt } from '../../src/schemas/markdownImages.ts';
import { validSurvey } from '../fixtures/content.ts';

const collection = (name: string) => collections.find((c) => c.name === name)!;

describe('the editor refuses what the build refuses, in the researcher’s words', () => {
  it('accepts a valid survey', () => {
    expect(entryProblems(collection('surveys'), validSurvey())).toEqual([]);
  });

  it('names a condition on a missing question by the question’s number and the field’s label', () => {
    const survey = validSurvey();
    survey.questions[1].showIf = { question: 'attended', equals: 'yes' };
    expect(entryProblems(collection('surveys'), survey)).toEqual([
      'Question 2, Show only when: there is no earlier question called "attended"',
    ]);
  });

  it('asks for the answer when a condition names a question but no answer was chosen', () => {
    const survey = validSurvey();
    survey.questions[1].showIf = { question: 'used-tool', equals: '' };
    expect(entryProblems(collection('surveys'), survey)).toEqual([
      'Question 2, Show only when, When the answer is: fill this in',
    ]);
  });

  it('says a missing field must be filled in, by its label', () => {
    const survey: Record<string, unknown> = validSurvey();
    delete survey.title;
    expect(entryProblems(collection('surveys'), survey)).toEqual(['Title: fill this in']);
  });

  it('numbers list items from 1 inside nested lists', () => {
    const survey = validSurvey();
    survey.consent.statements.push({ id: 'Bad Id', text: 'Second statement' });
    expect(entryProblems(collection('surveys'), survey)).toEqual([
      'Consent, Statement 2, Short name: must be lower case letters, digits and hyphens, starting with a letter',
    ]);
  });

  it('refuses an image without alternative text in a finding’s body', () => {
    const finding = {
      title: 'A finding with a picture',
      date: '2026-11-20',
      summary: 'A summary long enough to pass the twenty character rule.',
      body: 'Before\n\n![](/uploads/map.png)\n\nAfter',
    };
    expect(entryProblems(collection('findings'), finding)).toEqual([
      'Body: the image /uploads/map.png has no alternative text: describe what it shows, or mark it decorative',
    ]);
  });

  it('shows Decap the message without "Error:" in front', () => {
    expect(String(new EntryRefused(['Title: fill this in']))).toBe(
      'Not saved: the site would refuse this entry. (1) Title: fill this in',
    );
  });
});

describe('images in Markdown bodies', () => {
  it('accept alternative text, or an explicit decorative image', () => {
    expect(imagesWithoutAlt('![A map of the stages](/uploads/map.png)')).toEqual([]);
    expect(imagesWithoutAlt('<img src="/uploads/line.png" alt="">')).toEqual([]);
  });

  it('refuse empty or blank alternative text, and an HTML image with no alt', () => {
    expect(imagesWithoutAlt('![ ](/uploads/a.png) and ![](/uploads/b.png "title")')).toHaveLength(
      2,
    );
    expect(imagesWithoutAlt('<img src="/uploads/c.png">')).toEqual([
      'the image /uploads/c.png has no alt attribute: describe what it shows, or write alt="" to mark it decorative',
    ]);
  });
});

describe("the editor's own words", () => {
  it('replace only the phrases named, keeping the rest of Decap’s', () => {
    const decap = {
      workflow: { workflow: { newPost: 'New Post', ready: 'Ready' } },
      ui: { toast: { onFailToPersist: 'Failed to persist entry: %{details}', other: 'x' } },
    };
    expect(withPhraseChanges(decap, PHRASE_CHANGES)).toEqual({
      workflow: { workflow: { newPost: 'New entry', ready: 'Ready' } },
      ui: {
        toast: {
          onFailToPersist: '%{details}',
          onFailToPublishEntry: 'Not published. %{details}',
          other: 'x',
        },
      },
    });
  });
});

describe('"Updated on"', () => {
  it('is the day of the save in the researcher’s time zone, as the date fields write it', () => {
    expect(today(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
  it('is kept for prototype scopes and pages, by the field each has', () => {
    for (const [name, field] of Object.entries(STAMPED_COLLECTIONS)) {
      const fields = collections.find((c) => c.name === name)!.fields!;
      expect(fields.find((f) => f.name === field)?.widget).toBe('datetime');
    }
  });
});

describe("the body editor's image control", () => {
  const roundTrip = (block: ImageBlock) => {
    const written = imageToBlock(block);
    return { written, read: imageFromBlock(written.match(imageComponent.pattern)!) };
  };

  it('writes alternative text as a Markdown image, and reads it back', () => {
    expect(roundTrip({ image: '/uploads/map.png', alt: 'A map of the stages' })).toEqual({
      written: '![A map of the stages](/uploads/map.png)',
      read: { image: '/uploads/map.png', alt: 'A map of the stages', decorative: false },
    });
  });

  it('writes a decorative image with alt="", which the build accepts', () => {
    const { written, read } = roundTrip({ image: '/uploads/line.png', decorative: true });
    expect(imagesWithoutAlt(written)).toEqual([]);
    expect(read.decorative).toBe(true);
  });

  it('writes an image with neither as one the build and the editor refuse', () => {
    expect(imagesWithoutAlt(imageToBlock({ image: '/uploads/x.png' }))).toHaveLength(1);
  });
});
