import { describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE, LoginThrottle } from '../../src/server/auth/throttle.ts';

const T0 = 1_000_000;
/** `times` attempts that all turn out wrong (reserved and never released). */
const fail = (t: LoginThrottle, email: string, client: string, times: number) => {
  for (let i = 0; i < times; i++) t.reserve(email, client, T0);
};

describe('sign-in throttle', () => {
  it('lets five failures by email pass, then waits 1, 2, 4, 8, 16, 16 s', () => {
    const t = new LoginThrottle();
    const delays: number[] = [];
    for (let i = 0; i < 11; i++) {
      const d = t.reserve(i % 2 ? 'Jo@Example.org' : 'jo@example.org ', `client-${i}`, T0);
      delays.push(d.refused ? -1 : d.delayMs);
    }
    expect(delays).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000, 16000]);
  });

  it('slows an address after 10 failures across emails, and refuses it past 30', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 10; i++) {
      expect(t.reserve(`p${i}@example.org`, 'office', T0)).toEqual({ refused: false, delayMs: 0 });
    }
    expect(t.reserve('p10@example.org', 'office', T0)).toEqual({ refused: false, delayMs: 1000 });
    expect(t.reserve('new@example.org', 'elsewhere', T0)).toEqual({ refused: false, delayMs: 0 });
    fail(t, 'p11@example.org', 'office', 19);
    expect(t.reserve('new@example.org', 'office', T0 + 60_000)).toEqual({
      refused: true,
      retryAfterSeconds: 14 * 60,
    });
  });

  it('counts attempts still being checked: a burst meets the waits and the 429', () => {
    const t = new LoginThrottle();
    // Forty attempts start before any has finished (none is released or answered yet).
    const burst = Array.from({ length: 40 }, () => t.reserve('jo@example.org', 'one', T0));
    const delays = burst.map((d) => (d.refused ? 'refused' : d.delayMs));
    expect(delays.slice(0, 10)).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000]);
    expect(delays.slice(10, 30)).toEqual(Array(20).fill(16000));
    expect(delays.slice(30)).toEqual(Array(10).fill('refused'));
  });

  it('gives back a right answer’s attempt: only the email is cleared, the address keeps the rest', () => {
    const t = new LoginThrottle();
    fail(t, 'sam@example.org', 'office', 9);
    t.reserve('jo@example.org', 'office', T0);
    t.release('JO@example.org', 'office', T0);
    // 9 failures on the address: the tenth attempt is still free.
    expect(t.reserve('kim@example.org', 'office', T0)).toEqual({ refused: false, delayMs: 0 });
    expect(t.reserve('kim@example.org', 'office', T0)).toEqual({ refused: false, delayMs: 1000 });
  });

  it('never refuses an email outright (no account lock-out), only slows it', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 100; i++) fail(t, 'jo@example.org', `c${i}`, 1);
    expect(t.reserve('jo@example.org', 'someone-new', T0)).toEqual({
      refused: false,
      delayMs: LOGIN_THROTTLE.maxDelayMs,
    });
  });

  it('forgets after the window, and a right password clears the email', () => {
    const t = new LoginThrottle();
    fail(t, 'jo@example.org', 'c', 7);
    expect(t.reserve('jo@example.org', 'c', T0 + LOGIN_THROTTLE.windowMs)).toEqual({
      refused: false,
      delayMs: 0,
    });
    fail(t, 'sam@example.org', 'd', 7);
    t.release('SAM@example.org', 'd', T0);
    expect(t.reserve('sam@example.org', 'e', T0)).toEqual({ refused: false, delayMs: 0 });
  });

  it('keeps memory bounded', () => {
    const t = new LoginThrottle({ ...LOGIN_THROTTLE, maxEntries: 10 });
    for (let i = 0; i < 100; i++) fail(t, `p${i}@example.org`, `c${i}`, 1);
    expect(t.reserve('p99@example.org', 'x', T0)).toEqual({ refused: false, delayMs: 0 });
  });
});
