import type { DatabaseSync } from 'node:sqlite';
import { createInvite, createResetLink } from './accountLinks.ts';
import {
  AccountError,
  findById,
  removeResearcher,
  resetSecondFactor,
  setDisabled,
  setSecondFactorRequired,
} from './accounts.ts';

/**
 * What an administrator can do at /research/admin/accounts/: invite a researcher or reset a
 * password by a one-time link (src/server/auth/accountLinks.ts), which the administrator copies
 * to the person (there is no email server); the command line (scripts/researcher.ts) does the
 * same from a shell. Administrators cannot disable or remove themselves, so
 * the workspace always keeps the person who is using it.
 */
export type AdminOutcome =
  | { kind: 'done'; message: string }
  | { kind: 'confirm-remove'; id: number; email: string }
  /** A one-time link to hand over: `token` goes in the address, shown on this answer only. */
  | { kind: 'link'; message: string; token: string; expiresAt: string }
  | { kind: 'error'; field: string; text: string };

export function adminAction(
  db: DatabaseSync,
  actorId: number,
  form: URLSearchParams,
): AdminOutcome {
  const action = form.get('action');
  if (action === 'require-second-factor') {
    const value = form.get('required');
    if (value !== 'yes' && value !== 'no') {
      return { kind: 'error', field: 'required', text: 'Select yes or no' };
    }
    setSecondFactorRequired(db, value === 'yes', actorId);
    return {
      kind: 'done',
      message:
        value === 'yes'
          ? 'Everyone now needs a second factor. People without one will be asked to set it up'
          : 'A second factor is now each person’s choice',
    };
  }
  if (action === 'invite') {
    const email = (form.get('email') ?? '').trim();
    const role = form.get('role');
    if (email === '') return { kind: 'error', field: 'email', text: 'Enter their email address' };
    if (role !== 'admin' && role !== 'researcher') {
      return { kind: 'error', field: 'role', text: 'Select researcher or administrator' };
    }
    try {
      const { token, expiresAt } = createInvite(db, { email, role }, actorId);
      return {
        kind: 'link',
        message: `Invitation for ${email} made. Copy the link and send it to them`,
        token,
        expiresAt,
      };
    } catch (error) {
      if (error instanceof AccountError) {
        return { kind: 'error', field: 'email', text: error.message.replace(/\.$/, '') };
      }
      throw error;
    }
  }
  const id = Number(form.get('id'));
  const target = Number.isSafeInteger(id) ? findById(db, id) : undefined;
  if (!target) return { kind: 'error', field: 'accounts', text: 'That account no longer exists' };
  if (target.id === actorId) {
    return {
      kind: 'error',
      field: 'accounts',
      text: 'You cannot disable, remove or reset your own account',
    };
  }
  switch (action) {
    case 'disable':
    case 'enable':
      setDisabled(db, id, action === 'disable', actorId);
      return {
        kind: 'done',
        message: `${target.email} is ${action === 'disable' ? 'disabled and signed out' : 'enabled'}`,
      };
    case 'remove':
      return { kind: 'confirm-remove', id, email: target.email };
    case 'reset-second-factor':
      if (!target.totpSecret) {
        return { kind: 'error', field: 'accounts', text: `${target.email} has no second factor` };
      }
      resetSecondFactor(db, id, actorId);
      return {
        kind: 'done',
        message: `${target.email}’s second factor is removed and they are signed out. They can set up a new one after signing in with their password`,
      };
    case 'reset-password': {
      const { token, expiresAt } = createResetLink(db, id, actorId);
      return {
        kind: 'link',
        message: `Password reset link for ${target.email} made. Copy the link and send it to them`,
        token,
        expiresAt,
      };
    }
    case 'remove-confirmed':
      removeResearcher(db, id, actorId);
      return { kind: 'done', message: `${target.email} has been removed` };
    default:
      return { kind: 'error', field: 'accounts', text: 'Choose what to do' };
  }
}
