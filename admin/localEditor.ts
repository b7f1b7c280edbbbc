/**
 * What `npm run cms` starts, decided from its environment: the site (astro dev) on PORT and
 * Decap's local git backend on CMS_PORT, both on this computer only. Pure, so it is tested
 * without starting anything (tests/unit/localEditor.test.ts).
 */
export interface LocalEditorPlan {
  sitePort: number;
  backendPort: number;
  /** The address the editor page is given for the backend (PUBLIC_DECAP_LOCAL_URL). */
  backendUrl: string;
  editorUrl: string;
}

const HOST = '127.0.0.1';

export function localEditorPlan(env: Record<string, string | undefined>): LocalEditorPlan {
  const sitePort = port(env.PORT, 4321, 'PORT');
  const backendPort = port(env.CMS_PORT, 8081, 'CMS_PORT');
  if (sitePort === backendPort) {
    throw new Error(`PORT and CMS_PORT are both ${sitePort}; give them different numbers.`);
  }
  return {
    sitePort,
    backendPort,
    backendUrl: `http://${HOST}:${backendPort}/api/v1`,
    // localhost, not 127.0.0.1: Decap only looks for its local backend on these two names, and
    // localhost is the one people recognise.
    editorUrl: `http://localhost:${sitePort}/admin/`,
  };
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${name} is "${value}"; use a port number from 1 to 65535.`);
  }
  return n;
}

/**
 * Decap's local backend commits as the computer's git user; without one every save fails with a
 * git error the editor shows as "Failed to persist entry". Say so before starting.
 */
export function missingGitIdentity(name: string, email: string): string | undefined {
  const missing = [!name.trim() && 'user.name', !email.trim() && 'user.email'].filter(Boolean);
  if (missing.length === 0) return undefined;
  return [
    `Git does not know who you are (${missing.join(' and ')} not set), so the editor could not save.`,
    'Run these once, with your own name and email, then `npm run cms` again:',
    '  git config --global user.name "Your Name"',
    '  git config --global user.email you@example.org',
  ].join('\n');
}
