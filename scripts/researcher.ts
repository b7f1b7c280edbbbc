/**
 * Researcher accounts from the command line (the way to create the first administrator):
 *
 *   npm run researcher -- add <email> --role admin|researcher
 *   npm run researcher -- list
 *   npm run researcher -- remove <email>
 *   npm run researcher -- reset <email>        (new password; ends their sessions)
 *   npm run researcher -- reset-2fa <email>    (removes a lost second factor; ends sessions)
 *   npm run researcher -- rotate-totp-key      (re-seals authenticator secrets under a new key)
 *
 * Passwords are asked for at a prompt that does not echo when this runs in a terminal, and read
 * from the first line of standard input otherwise (`printf '%s\n' "$PW" | npm run …`), so they
 * never appear in the shell history or the process list. Uses DATA_DIR like the server.
 */
import { DataDirError } from '../src/server/dataDir.ts';
import { setAuditSource } from '../src/server/auth/audit.ts';
import {
  AccountError,
  addResearcher,
  findByEmail,
  listResearchers,
  removeResearcher,
  resetSecondFactor,
  ROLES,
  setPasswordHash,
  type Role,
} from '../src/server/auth/accounts.ts';
import { hashPassword, passwordProblem } from '../src/server/auth/passwords.ts';
import { rotateTotpKey, totpKeyFile, TotpKeyError } from '../src/server/auth/totpKey.ts';
import { closeStore, getStore } from '../src/server/store.ts';

const USAGE = `Usage:
  npm run researcher -- add <email> --role admin|researcher
  npm run researcher -- list
  npm run researcher -- remove <email>
  npm run researcher -- reset <email>
  npm run researcher -- reset-2fa <email>
  npm run researcher -- rotate-totp-key`;

class UsageError extends Error {}

async function main(args: string[]): Promise<string> {
  const [command, email, ...rest] = args;
  if (!command || command === 'help' || command === '--help') return USAGE;
  if (command !== 'list' && command !== 'rotate-totp-key' && !email)
    throw new UsageError(`Give an email address.\n\n${USAGE}`);
  const db = getStore().database();

  switch (command) {
    case 'list': {
      const accounts = listResearchers(db);
      if (accounts.length === 0) return 'No researcher accounts yet.';
      return accounts
        .map(
          (a) =>
            `${a.email}\t${a.role}\tsecond factor ${a.hasSecondFactor ? 'on' : 'off'}` +
            `${a.disabled ? '\tdisabled' : ''}`,
        )
        .join('\n');
    }
    case 'add': {
      const roleAt = rest.indexOf('--role');
      const role = (roleAt >= 0 ? rest[roleAt + 1] : undefined) as Role | undefined;
      if (!role || !ROLES.includes(role)) {
        throw new UsageError('Give a role: --role admin or --role researcher.');
      }
      if (findByEmail(db, email))
        throw new AccountError(`There is already an account for ${email}.`);
      const password = await askNewPassword(email);
      addResearcher(db, { email, role, passwordHash: await hashPassword(password) });
      return `Added ${email} (${role}).`;
    }
    case 'remove': {
      const account = findByEmail(db, email);
      if (!account) throw new AccountError(`There is no account for ${email}.`);
      removeResearcher(db, account.id);
      return `Removed ${account.email}; their sessions have ended.`;
    }
    case 'reset': {
      const account = findByEmail(db, email);
      if (!account) throw new AccountError(`There is no account for ${email}.`);
      const password = await askNewPassword(account.email);
      setPasswordHash(db, account.id, await hashPassword(password), { id: null });
      return `New password set for ${account.email}; their sessions have ended.`;
    }
    case 'reset-2fa': {
      const account = findByEmail(db, email);
      if (!account) throw new AccountError(`There is no account for ${email}.`);
      if (!account.totpSecret) throw new AccountError(`${account.email} has no second factor.`);
      resetSecondFactor(db, account.id, null);
      return `Second factor removed for ${account.email}; their sessions have ended. They can set up a new one after signing in.`;
    }
    case 'rotate-totp-key': {
      const count = rotateTotpKey(db);
      return `New key in ${totpKeyFile(db)}; ${count} authenticator ${count === 1 ? 'secret' : 'secrets'} sealed under it. Old keys removed.`;
    }
    default:
      throw new UsageError(`Unknown command “${command}”.\n\n${USAGE}`);
  }
}

async function askNewPassword(email: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const password = await firstLine();
    const problem = passwordProblem(password, email);
    if (problem) throw new AccountError(`${problem}.`);
    return password;
  }
  for (;;) {
    const password = await promptHidden('Password (12 characters or more): ');
    const problem = passwordProblem(password, email);
    if (problem) {
      process.stderr.write(`${problem}.\n`);
      continue;
    }
    if ((await promptHidden('The same password again: ')) === password) return password;
    process.stderr.write('The passwords did not match. Try again.\n');
  }
}

async function firstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

/** Reads a line from the terminal in raw mode, printing nothing of what is typed. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003' || char === '\u0004') return done(new UsageError('Cancelled.'));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    stdin.on('data', onData);
  });
}

// Entries this writes without a researcher are labelled "Command line" in the audit log.
setAuditSource('command-line');
try {
  console.log(await main(process.argv.slice(2)));
  closeStore();
} catch (error) {
  closeStore();
  const known =
    error instanceof UsageError ||
    error instanceof AccountError ||
    error instanceof DataDirError ||
    error instanceof TotpKeyError;
  console.error(
    known ? (error as Error).message : `Failed: ${error instanceof Error ? error.message : error}`,
  );
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
