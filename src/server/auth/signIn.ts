import type { DatabaseSync } from 'node:sqlite';
import { findByEmail, findById, useTotpStep } from './accounts.ts';
import { recordAudit } from './audit.ts';
import { dummyHash, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { createSession, findSession, pruneSessions } from './sessions.ts';
import { sleep as realSleep, type LoginThrottle } from './throttle.ts';
import { useRecoveryCode } from './recoveryCodes.ts';
import { acceptTotp } from './totp.ts';
import { openTotpSecret } from './totpKey.ts';

/**
 * The two steps of signing in. Every wrong answer is the same outcome, `wrong`, whether the
 * email is unknown, the account disabled, or the password or code wrong (docs/reliability.md G12); the
 * password is hashed in every case so the time taken does not tell them apart either.
 */
export type SignInResult =
  | { outcome: 'signed-in'; token: string }
  | { outcome: 'needs-code'; token: string }
  | { outcome: 'wrong' }
  /** The half-finished sign-in expired (or never was): start again with the password. */
  | { outcome: 'expired' }
  | { outcome: 'refused'; retryAfterSeconds: number };

interface Common {
  client: string;
  /** The session cookie sent with the request, if any: replaced, never reused (G14). */
  replacing?: string;
  now?: number;
  sleep?: (ms: number) => Promise<unknown>;
}

export async function signInWithPassword(
  db: DatabaseSync,
  throttle: LoginThrottle,
  input: Common & { email: string; password: string },
): Promise<SignInResult> {
  const now = input.now ?? Date.now();
  const email = input.email.trim();
  const decision = throttle.decide(email, input.client, now);
  if (decision.refused)
    return { outcome: 'refused', retryAfterSeconds: decision.retryAfterSeconds };
  await (input.sleep ?? realSleep)(decision.delayMs);

  const researcher = email ? findByEmail(db, email) : undefined;
  // Longer than any allowed password: wrong, but hashed anyway (capped) to take the same time.
  const password = input.password.slice(0, MAX_PASSWORD_LENGTH * 4);
  const matches = await verifyPassword(password, researcher?.passwordHash ?? (await dummyHash()));
  if (!researcher || researcher.disabled || !matches) {
    throttle.recordFailure(email, input.client, now);
    recordAudit(db, { researcherId: researcher?.id ?? null, action: 'sign-in-failed' });
    return { outcome: 'wrong' };
  }

  throttle.recordSuccess(email);
  pruneSessions(db, now);
  if (researcher.totpSecret) {
    const token = createSession(db, researcher.id, {
      awaitingSecondFactor: true,
      replacing: input.replacing,
      now,
    });
    return { outcome: 'needs-code', token };
  }
  const token = createSession(db, researcher.id, { replacing: input.replacing, now });
  recordAudit(db, { researcherId: researcher.id, action: 'sign-in' });
  return { outcome: 'signed-in', token };
}

/** The second step: `pendingToken` is the session made by a right password. */
export async function signInWithCode(
  db: DatabaseSync,
  throttle: LoginThrottle,
  input: Common & { pendingToken: string | undefined; code: string },
): Promise<SignInResult> {
  const now = input.now ?? Date.now();
  const session = findSession(db, input.pendingToken, now);
  if (!session?.awaitingSecondFactor || !input.pendingToken) return { outcome: 'expired' };
  const email = session.researcher.email;
  const decision = throttle.decide(email, input.client, now);
  if (decision.refused)
    return { outcome: 'refused', retryAfterSeconds: decision.retryAfterSeconds };
  await (input.sleep ?? realSleep)(decision.delayMs);

  const researcher = findById(db, session.researcher.id);
  const step =
    researcher?.totpSecret &&
    acceptTotp(openTotpSecret(db, researcher.totpSecret), input.code, researcher.totpLastStep, now);
  const usedStep = researcher && step ? useTotpStep(db, researcher.id, step) : false;
  // Not a current code: perhaps one of the recovery codes shown at set-up (each works once).
  const recovered = researcher && !usedStep && useRecoveryCode(db, researcher.id, input.code);
  if (!researcher || !(usedStep || recovered)) {
    throttle.recordFailure(email, input.client, now);
    recordAudit(db, { researcherId: session.researcher.id, action: 'second-factor-failed' });
    return { outcome: 'wrong' };
  }
  throttle.recordSuccess(email);
  const token = createSession(db, researcher.id, { replacing: input.pendingToken, now });
  recordAudit(db, {
    researcherId: researcher.id,
    action: 'sign-in',
    detail: recovered ? 'with a recovery code' : 'with second factor',
  });
  return { outcome: 'signed-in', token };
}
