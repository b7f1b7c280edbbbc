import type { DatabaseSync } from 'node:sqlite';
import {
  findById,
  removeResearcher,
  resetSecondFactor,
  setDisabled,
  setSecondFactorRequired,
} from './accounts.ts';

/**
 * What an administrator can do at /research/admin/accounts/. Accounts are created with the
 * command line (scripts/researcher.ts). Administrators cannot disable or remove themselves, so
 * the workspace always keeps the person who is using it.
 */
export type AdminOutcome =
  | { kind: 'done'; message: string }
  | { kind: 'confirm-remove'; id: number; email: string }
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
    case 'remove-confirmed':
      removeResearcher(db, id, actorId);
      return { kind: 'done', message: `${target.email} has been removed` };
    default:
      return { kind: 'error', field: 'accounts', text: 'Choose what to do' };
  }
}
