import { describe, expect, it } from 'vitest';
import { BURST_MS, SOURCE_MEMORY_MS, SourceGrouper } from '../../src/server/feedbackSources.ts';

describe('feedback source groups', () => {
  it('keeps one address in one group on a scope while it keeps coming back', () => {
    const g = new SourceGrouper();
    const first = g.groupFor('scope', 'a', 0);
    expect(g.groupFor('scope', 'a', BURST_MS * 4)).toBe(first);
    expect(g.groupFor('scope', 'a', BURST_MS * 4 + SOURCE_MEMORY_MS - 1)).toBe(first);
    // Another scope is another question: nothing links the two.
    expect(g.groupFor('other', 'a', 0)).not.toBe(first);
  });

  it('puts every address of a burst in its first arrival’s group, and opens a new one after', () => {
    const g = new SourceGrouper();
    const burst = g.groupFor('scope', 'a', 0);
    expect(g.groupFor('scope', 'b', 60_000)).toBe(burst);
    expect(g.groupFor('scope', 'c', BURST_MS - 1)).toBe(burst);
    const next = g.groupFor('scope', 'd', BURST_MS);
    expect(next).not.toBe(burst);
    // An address seen in the first burst stays in its group.
    expect(g.groupFor('scope', 'b', BURST_MS + 1)).toBe(burst);
  });

  it('forgets an address a day after its last feedback', () => {
    const g = new SourceGrouper();
    const first = g.groupFor('scope', 'a', 0);
    expect(g.groupFor('scope', 'a', SOURCE_MEMORY_MS)).not.toBe(first);
  });
});
