import { describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE, LoginThrottle } from '../../src/server/auth/throttle.ts';

const T0 = 1_000_000;
const fail = (t: LoginThrottle, email: string, client: string, times: number) => {
  for (let i = 0; i < times; i++) t.recordFailure(email, client, T0);
};

describe('sign-in throttle', () => {
  it('lets five failures by email pass, then waits 1, 2, 4, 8, 16, 16 s', () => {
    const t = new LoginThrottle();
    const delays: number[] = [];
    for (let i = 0; i < 11; i++) {
      const d = t.decide('Jo@Example.org', `client-${i}`, T0);
      delays.push(d.refused ? -1 : d.delayMs);
      t.recordFailure('jo@example.org ', `client-${i}`, T0);
    }
    expect(delays).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000, 16000]);
  });

  it('slows an address after 10 failures across emails, and refuses it past 30', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 9; i++) t.recordFailure(`p${i}@example.org`, 'office', T0);
    expect(t.decide('new@example.org', 'office', T0)).toEqual({ refused: false, delayMs: 0 });
    t.recordFailure('p9@example.org', 'office', T0);
    expect(t.decide('new@example.org', 'office', T0)).toEqual({ refused: false, delayMs: 1000 });
    expect(t.decide('new@example.org', 'elsewhere', T0)).toEqual({ refused: false, delayMs: 0 });
    for (let i = 10; i < 30; i++) t.recordFailure(`p${i}@example.org`, 'office', T0);
    expect(t.decide('new@example.org', 'office', T0 + 60_000)).toEqual({
      refused: true,
      retryAfterSeconds: 14 * 60,
    });
  });

  it('never refuses an email outright (no account lock-out), only slows it', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 100; i++) t.recordFailure('jo@example.org', `c${i}`, T0);
    expect(t.decide('jo@example.org', 'someone-new', T0)).toEqual({
      refused: false,
      delayMs: LOGIN_THROTTLE.maxDelayMs,
    });
  });

  it('forgets after the window, and a right password clears the email', () => {
    const t = new LoginThrottle();
    fail(t, 'jo@example.org', 'c', 7);
    expect(t.decide('jo@example.org', 'c', T0 + LOGIN_THROTTLE.windowMs)).toEqual({
      refused: false,
      delayMs: 0,
    });
    fail(t, 'sam@example.org', 'd', 7);
    t.recordSuccess('SAM@example.org');
    expect(t.decide('sam@example.org', 'e', T0)).toEqual({ refused: false, delayMs: 0 });
  });

  it('keeps memory bounded', () => {
    const t = new LoginThrottle({ ...LOGIN_THROTTLE, maxEntries: 10 });
    for (let i = 0; i < 100; i++) t.recordFailure(`p${i}@example.org`, `c${i}`, T0);
    expect(t.decide('p99@example.org', 'x', T0)).toEqual({ refused: false, delayMs: 0 });
  });
});
