import type { EditorSettings } from './config.ts';

/**
 * What the editor's page may connect to and show, beyond the site itself: the git host's API
 * (and its sign-in server for GitLab and Gitea, whose PKCE token exchange is a fetch), and Decap's
 * local backend. Derived from the same build settings as the editor's configuration, so the
 * policy names exactly the hosts the build talks to. Defaults are Decap 3's own.
 */
const DEFAULT_API: Record<string, string> = {
  github: 'https://api.github.com',
  gitlab: 'https://gitlab.com/api/v4',
  gitea: 'https://try.gitea.io/api/v1',
};
const DEFAULT_SIGN_IN: Record<string, string> = {
  gitlab: 'https://gitlab.com',
  gitea: 'https://try.gitea.io',
};
const LOCAL_BACKEND = 'http://localhost:8081/api/v1';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface EditorSources {
  connect: string[];
  images: string[];
}

export function editorSources(settings: EditorSettings): EditorSources {
  const backend = settings.PUBLIC_DECAP_BACKEND || 'github';
  const api = origin(settings.PUBLIC_DECAP_API_ROOT || DEFAULT_API[backend]);
  const signIn =
    backend === 'github'
      ? undefined
      : origin(settings.PUBLIC_DECAP_BASE_URL || DEFAULT_SIGN_IN[backend]);
  // The local backend has no authentication: only ever allow it on this machine.
  const local = origin(settings.PUBLIC_DECAP_LOCAL_URL || LOCAL_BACKEND);
  const localAllowed = local && LOOPBACK.has(new URL(local).hostname) ? local : undefined;

  // blob: is Decap fetching back a Blob it made itself in this page (saving an entry reads its
  // own blob: URL); no other site can hand the page one.
  const connect = unique(['blob:', api, signIn, localAllowed]);
  // Avatars: GitHub serves them from their own host; GitLab and Gitea from the instance.
  const avatars = backend === 'github' ? 'https://avatars.githubusercontent.com' : signIn;
  // blob: and data: are how Decap previews images it has read through the API.
  const images = unique(['blob:', 'data:', api, avatars]);
  return { connect, images };
}

function origin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

const unique = (values: (string | undefined)[]) => [
  ...new Set(values.filter((v): v is string => Boolean(v))),
];
