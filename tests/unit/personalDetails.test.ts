import { describe, expect, it } from 'vitest';
import {
  findPersonalDetails,
  highlightPieces,
  type DetailKind,
} from '../../src/server/research/personalDetails.ts';

const found = (text: string, names: string[] = []) =>
  findPersonalDetails(text, names).map((d) => [d.kind, text.slice(d.start, d.end)]);

describe('highlighting likely personal details for a moderator', () => {
  const cases: [DetailKind, string, string][] = [
    ['name', 'I spoke to jayden about it', 'jayden'],
    ['school', 'My son goes to St Mary’s Primary School and', 'St Mary’s Primary School'],
    ['school', 'She is at Chelmsford County High School now', 'Chelmsford County High School'],
    ['school', 'Oakwood Academy were great', 'Oakwood Academy'],
    ['phone', 'ring me on 07700 900123 any time', '07700 900123'],
    ['phone', 'or +44 1245 123456.', '+44 1245 123456'],
    ['phone', 'office (01245) 606-060', '(01245) 606-060'],
    ['email', 'write to sam.jones+x@example.co.uk please', 'sam.jones+x@example.co.uk'],
    ['address', 'we live at 14 Orchard Close in town', '14 Orchard Close'],
    ['address', 'postcode CM1 1AA.', 'CM1 1AA'],
    ['address', 'near SS143BX', 'SS143BX'],
    ['date-of-birth', 'born on 3 April 2015', 'born on 3 April 2015'],
    ['date-of-birth', 'her birthday is 03/04/2015', '03/04/2015'],
    ['date-of-birth', 'DOB: 12.7.09 thanks', 'DOB: 12.7.09'],
  ];
  for (const [kind, text, expected] of cases) {
    it(`finds a ${kind} in “${text}”`, () => {
      expect(found(text, ['Jayden', 'Tom'])).toContainEqual([kind, expected]);
    });
  }

  it('matches names from the list as whole words only, ignoring case', () => {
    expect(found('Tom and TOM but not Tomorrow or atom', ['Tom'])).toEqual([
      ['name', 'Tom'],
      ['name', 'TOM'],
    ]);
  });

  it('leaves ordinary feedback alone', () => {
    expect(
      found(
        'A shared timeline would help, but I worry about who can see it. 3 of us agreed at the meeting.',
        ['Tom'],
      ),
    ).toEqual([]);
  });

  it('cuts the text into pieces that join back to the original', () => {
    const text = 'Call Tom on 07700 900123 or email a@b.org.';
    const pieces = highlightPieces(text, findPersonalDetails(text, ['Tom']));
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.kind).map((p) => p.kind)).toEqual(['name', 'phone', 'email']);
  });
});
