import type { DatabaseSync } from 'node:sqlite';
import {
  disableTotp,
  enableTotp,
  findById,
  secondFactorRequired,
  setPasswordHash,
  setPendingTotpSecret,
} from './accounts.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { sleep, type LoginThrottle } from './throttle.ts';
import { acceptTotp, newTotpSecret } from './totp.ts';
import { openTotpSecret } from './totpKey.ts';

/**
 * What a researcher can change about their own account at /research/account/: the second factor
 * and the password. Each change that could lock someone else out of the account asks for the
 * current password, and failed checks count in the sign-in throttle.
 */
export type AccountOutcome =
  | { ok: true; message: string; recoveryCodes?: string[] }
  | { ok: false; errors: { field: string; text: string }[] };

const fail = (field: string, text: string): AccountOutcome => ({
  ok: false,
  errors: [{ field, text }],
});

export async function accountAction(
  db: DatabaseSync,
  throttle: LoginThrottle,
  input: { researcherId: number; client: string; sessionToken?: string; form: URLSearchParams },
): Promise<AccountOutcome> {
  const researcher = findById(db, input.researcherId);
  if (!researcher) return fail('main-content', 'Your account no longer exists');
  const form = input.form;

  const checkPassword = async (field: string) => {
    const decision = throttle.decide(researcher.email, input.client);
    if (decision.refused) return 'Too many attempts. Wait a few minutes and try again';
    await sleep(decision.delayMs);
    if (await verifyPassword(form.get(field) ?? '', researcher.passwordHash)) return undefined;
    throttle.recordFailure(researcher.email, input.client);
    return 'Enter your current password correctly';
  };

  switch (form.get('action')) {
    case 'totp-start': {
      if (researcher.totpSecret) return { ok: true, message: 'Your second factor is already on' };
      // Asked for, so that a session left open on a shared computer cannot put an authenticator
      // of someone else's on the account and lock its owner out.
      const problem = await checkPassword('totp-start-password');
      if (problem) return fail('totp-start-password', problem);
      setPendingTotpSecret(db, researcher.id, newTotpSecret());
      return { ok: true, message: '' };
    }
    case 'totp-confirm': {
      const pending = researcher.totpPendingSecret;
      if (!pending) return fail('totp-start', 'Start setting up your second factor again');
      const step = acceptTotp(openTotpSecret(db, pending), form.get('code') ?? '', 0);
      if (!step) return fail('code', 'Enter the 6-digit code your authenticator app shows now');
      return {
        ok: true,
        message: 'Your second factor is on. You will need a code when you sign in',
        recoveryCodes: enableTotp(db, researcher.id, step),
      };
    }
    case 'totp-off': {
      if (secondFactorRequired(db)) {
        return fail('totp-password', 'An administrator requires a second factor for every account');
      }
      const problem = await checkPassword('totp-password');
      if (problem) return fail('totp-password', problem);
      disableTotp(db, researcher.id);
      return { ok: true, message: 'Your second factor is off' };
    }
    case 'password': {
      const problem = await checkPassword('current-password');
      if (problem) return fail('current-password', problem);
      const next = form.get('new-password') ?? '';
      const weak = passwordProblem(next, researcher.email);
      if (weak) return fail('new-password', weak);
      if (next !== form.get('confirm-password')) {
        return fail('confirm-password', 'Enter the same new password twice');
      }
      setPasswordHash(db, researcher.id, await hashPassword(next), {
        id: researcher.id,
        keepToken: input.sessionToken,
      });
      return { ok: true, message: 'Your password has been changed. Other sign-ins have ended' };
    }
    default:
      return fail('main-content', 'Choose what to change');
  }
}
