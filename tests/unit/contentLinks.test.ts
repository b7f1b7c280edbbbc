import { describe, expect, it } from 'vitest';
import { resolveLinks } from '../../src/lib/contentLinks.ts';

const titles = new Map([
  ['practitioners', 'Survey for practitioners'],
  ['families-and-ecdp-members', 'Survey for families'],
]);

describe('resolveLinks (what stops the build when a finding or update names a missing entry)', () => {
  it('turns names into titled links, in the order given', () => {
    expect(
      resolveLinks(
        'content/updates/why.md',
        'surveys',
        ['families-and-ecdp-members', 'practitioners'],
        titles,
      ),
    ).toEqual([
      { title: 'Survey for families', href: '/surveys/families-and-ecdp-members/' },
      { title: 'Survey for practitioners', href: '/surveys/practitioners/' },
    ]);
  });

  it('a name with no entry stops the build, naming the file, the name and the missing file', () => {
    expect(() =>
      resolveLinks(
        'content/findings/information-sharing-is-slow.md',
        'surveys',
        ['deleted-survey'],
        titles,
      ),
    ).toThrow(
      'content/findings/information-sharing-is-slow.md: surveys names "deleted-survey", but there is no content/surveys/deleted-survey.yml.',
    );
    expect(() => resolveLinks('content/updates/x.md', 'findings', ['gone'], new Map())).toThrow(
      'content/updates/x.md: findings names "gone", but there is no content/findings/gone.md.',
    );
  });
});
