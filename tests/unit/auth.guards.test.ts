import { describe, expect, it } from 'vitest';
import {
  allowedDuringSetup,
  classifyPath,
  isAdminPath,
  loginRedirect,
  safeNextPath,
  writeAllowed,
} from '../../src/server/auth/guards.ts';

const ORIGIN = 'https://safeguarding.example';
const headers = (h: Record<string, string>) => new Headers(h);

describe('which routes the middleware guards', () => {
  it('guards /research/ and /api/research/ except the login page', () => {
    expect(classifyPath('/research/')).toBe('page');
    expect(classifyPath('/research')).toBe('page');
    expect(classifyPath('/research/account/')).toBe('page');
    expect(classifyPath('/research/login')).toBe('login');
    expect(classifyPath('/research/login/')).toBe('login');
    expect(classifyPath('/api/research/anything')).toBe('api');
    expect(classifyPath('/api/research')).toBe('api');
    for (const p of [
      '/',
      '/surveys/x/',
      '/researchers',
      '/api/surveys/x/responses',
      '/research-findings/',
    ]) {
      expect(classifyPath(p), p).toBe('public');
    }
  });

  it('keeps admin paths for admins and limits setup to the account page', () => {
    expect(isAdminPath('/research/admin/accounts/')).toBe(true);
    expect(isAdminPath('/api/research/admin/x')).toBe(true);
    expect(isAdminPath('/research/administer')).toBe(false);
    expect(allowedDuringSetup('/research/account/')).toBe(true);
    expect(allowedDuringSetup('/research/logout')).toBe(true);
    expect(allowedDuringSetup('/research/')).toBe(false);
  });
});

describe('CSRF check for writes', () => {
  const token = 'tok_123';
  it('needs the right token, from the form or the header', () => {
    expect(writeAllowed(headers({ origin: ORIGIN }), ORIGIN, token, token)).toBe(true);
    expect(
      writeAllowed(headers({ origin: ORIGIN, 'x-csrf-token': token }), ORIGIN, token, null),
    ).toBe(true);
    expect(writeAllowed(headers({ origin: ORIGIN }), ORIGIN, token, null)).toBe(false);
    expect(writeAllowed(headers({ origin: ORIGIN }), ORIGIN, token, 'tok_124')).toBe(false);
    expect(writeAllowed(headers({ origin: ORIGIN }), ORIGIN, token, '')).toBe(false);
  });

  it('refuses another origin even with the right token', () => {
    expect(writeAllowed(headers({ origin: 'https://evil.example' }), ORIGIN, token, token)).toBe(
      false,
    );
    expect(
      writeAllowed(
        headers({ origin: 'null', 'sec-fetch-site': 'cross-site' }),
        ORIGIN,
        token,
        token,
      ),
    ).toBe(false);
    expect(writeAllowed(headers({ 'sec-fetch-site': 'cross-site' }), ORIGIN, token, token)).toBe(
      false,
    );
    // No Origin at all (some clients): the token decides.
    expect(writeAllowed(headers({}), ORIGIN, token, token)).toBe(true);
    // Our own form under Referrer-Policy: no-referrer: Origin is hidden, Sec-Fetch-Site is not.
    const ownForm = headers({ origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(writeAllowed(ownForm, ORIGIN, token, token)).toBe(true);
    expect(writeAllowed(ownForm, ORIGIN, token, null)).toBe(false);
  });
});

describe('where to go after sign-in', () => {
  it('keeps paths within the workspace', () => {
    expect(safeNextPath('/research/account/')).toBe('/research/account/');
    expect(safeNextPath('/research/data?survey=a&page=2')).toBe('/research/data?survey=a&page=2');
  });

  it('refuses anything that could leave the site or loop', () => {
    for (const bad of [
      null,
      '',
      'https://evil.example/research/',
      '//evil.example/research/',
      '/\\evil.example/research/',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/research/\u0000x',
      '/research/%0d%0aSet-Cookie:x',
      '/surveys/',
      '/research/login',
      '/research/../admin/',
      `/research/${'a'.repeat(600)}`,
    ]) {
      const result = safeNextPath(bad);
      expect(result.startsWith('/research/'), String(bad)).toBe(true);
      expect(result, String(bad)).not.toMatch(/evil|login|admin\/$|\n|\r/);
    }
    expect(safeNextPath('/research/%0d%0aSet-Cookie:x')).toBe('/research/%0d%0aSet-Cookie:x');
    expect(safeNextPath('//evil.example/research/')).toBe('/research/');
  });

  it('builds the login address', () => {
    expect(loginRedirect('/research/account/')).toBe(
      '/research/login?next=%2Fresearch%2Faccount%2F',
    );
    expect(loginRedirect('/research/')).toBe('/research/login');
  });
});
