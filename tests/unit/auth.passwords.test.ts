import { describe, expect, it } from 'vitest';
import { commonPasswords, isCommonPassword } from '../../src/server/auth/commonPasswords.ts';
import {
  ARGON2_PARAMETERS,
  hashPassword,
  parseHash,
  passwordProblem,
  verifyPassword,
} from '../../src/server/auth/passwords.ts';

describe('password hashing', () => {
  it('stores argon2id with its parameters and a 16-byte salt', async () => {
    const stored = await hashPassword('a long enough passphrase');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const parsed = parseHash(stored)!;
    expect(parsed).toMatchObject({ memory: 19456, passes: 2, parallelism: 1 });
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.hash).toHaveLength(ARGON2_PARAMETERS.tagLength);
    expect(ARGON2_PARAMETERS.memory).toBeGreaterThanOrEqual(19 * 1024);
  });

  it('verifies the right password only, with a new salt each time', async () => {
    const a = await hashPassword('tall giraffe eats lemons');
    const b = await hashPassword('tall giraffe eats lemons');
    expect(a).not.toBe(b);
    expect(await verifyPassword('tall giraffe eats lemons', a)).toBe(true);
    expect(await verifyPassword('tall giraffe eats lemon', a)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });

  it('takes a 64-character passphrase and one with any characters', async () => {
    const long = 'x'.repeat(20) + ' ünïcødé 🦒 and more words to reach sixty-four!!';
    expect(long.length).toBeGreaterThanOrEqual(64);
    expect(passwordProblem(long)).toBeUndefined();
    expect(await verifyPassword(long, await hashPassword(long))).toBe(true);
  });
});

describe('password rules', () => {
  it('wants 12 to 128 characters and nothing else about their kind', () => {
    expect(passwordProblem('')).toBe('Enter a password');
    expect(passwordProblem('password123')).toMatch(/12 characters or more/);
    expect(passwordProblem('abcdefghijk')).toMatch(/12 characters or more/);
    expect(passwordProblem('lemon giraffe')).toBeUndefined();
    expect(passwordProblem('a'.repeat(40) + 'b'.repeat(89))).toMatch(/128 characters or fewer/);
    expect(passwordProblem('all lowercase no digits')).toBeUndefined();
  });

  it('refuses common passwords, whatever their case', () => {
    for (const p of [
      'password1234',
      'Password1234',
      'QWERTYUIOP123',
      '123456789012',
      'iloveyou2024',
    ]) {
      expect(passwordProblem(p), p).toMatch(/harder to guess/);
    }
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/harder to guess/);
    expect(passwordProblem('abcabcabcabc')).toMatch(/harder to guess/);
  });

  it('refuses a password containing the email name', () => {
    expect(passwordProblem('jane.smith rocks!', 'jane.smith@example.org')).toMatch(/email/);
    expect(passwordProblem('jo likes long walks', 'jo@example.org')).toBeUndefined();
  });

  it('says which part of the email address a password contains, not that it is common', () => {
    const problem = passwordProblem('leadership training day', 'lead@example.org');
    expect(problem).toBe(
      'Choose a password that does not contain “lead”, the first part of your email address',
    );
    expect(passwordProblem('password1234', 'lead@example.org')).toBe(
      'Choose a password that is harder to guess: this one is too common',
    );
  });

  it('ships at least 1,000 common passwords, all lowercased and 12 or more long', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThanOrEqual(1000);
    for (const p of list) {
      expect(p).toBe(p.toLowerCase());
      expect([...p].length).toBeGreaterThanOrEqual(12);
    }
    expect(isCommonPassword('correct horse battery staple')).toBe(false);
  });
});
