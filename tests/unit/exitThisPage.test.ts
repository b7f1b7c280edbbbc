import { describe, expect, it, vi } from 'vitest';
import { shiftCounter } from '../../src/client/exitThisPage.ts';

function setUp() {
  const onExit = vi.fn();
  const said: string[] = [];
  const counter = shiftCounter({ onExit, announce: (t) => said.push(t), windowMs: 5000 });
  const press = (...keys: string[]) => {
    for (const key of keys) counter.keydown({ key });
    for (const key of [...keys].reverse()) counter.keyup({ key });
  };
  return { onExit, said, press };
}

describe('Exit this page by Shift', () => {
  it('exits on the third Shift pressed alone, announcing only after the second', () => {
    const { onExit, said, press } = setUp();
    press('Shift');
    expect(said).toEqual([]);
    press('Shift');
    expect(said).toEqual(['Shift, press 1 more time to exit.']);
    press('Shift');
    expect(onExit).toHaveBeenCalledOnce();
  });

  it('never counts Shift+Tab or a capital letter, and says nothing about them', () => {
    const { onExit, said, press } = setUp();
    for (let i = 0; i < 5; i++) press('Shift', 'Tab');
    for (let i = 0; i < 5; i++) press('Shift', 'A');
    expect(onExit).not.toHaveBeenCalled();
    expect(said).toEqual([]);
  });

  it('starts again after another key, saying the count expired only if it had said anything', () => {
    const { onExit, said, press } = setUp();
    press('Shift');
    press('a');
    expect(said).toEqual([]);
    press('Shift');
    press('Shift');
    press('Tab');
    expect(said).toEqual(['Shift, press 1 more time to exit.', 'Exit this page expired.']);
    press('Shift');
    expect(onExit).not.toHaveBeenCalled();
  });

  it('forgets presses after the time window', () => {
    vi.useFakeTimers();
    try {
      const { onExit, press } = setUp();
      press('Shift');
      press('Shift');
      vi.advanceTimersByTime(5001);
      press('Shift');
      expect(onExit).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
