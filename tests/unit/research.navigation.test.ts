import { describe, expect, it } from 'vitest';
import { workspaceNavigation } from '../../src/server/research/navigation.ts';

const texts = (items: { text: string }[]) => items.map((i) => i.text);
const current = (path: string) =>
  workspaceNavigation(path, true)
    .filter((i) => i.current)
    .map((i) => i.text);

describe('workspaceNavigation', () => {
  it('shows the admin pages to administrators only', () => {
    expect(texts(workspaceNavigation('/research/', false))).toEqual([
      'Overview',
      'Safeguarding flags',
      'Moderation',
      'Your account',
    ]);
    expect(texts(workspaceNavigation('/research/', true))).toEqual([
      'Overview',
      'Safeguarding flags',
      'Moderation',
      'Your account',
      'Researcher accounts',
      'Audit log',
    ]);
  });

  it('marks one section as current, the overview only on itself', () => {
    expect(current('/research/')).toEqual(['Overview']);
    expect(current('/research')).toEqual(['Overview']);
    expect(current('/research/flags/12')).toEqual(['Safeguarding flags']);
    expect(current('/research/admin/audit/')).toEqual(['Audit log']);
    expect(current('/research/surveys/practitioners/')).toEqual([]);
  });
});
