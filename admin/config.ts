import type { CmsBackendType, CmsConfig } from 'decap-cms-core';
import { collections } from './collections.ts';

/** Settings read at build time (PUBLIC_ variables), so a deployment needs no code edits. */
export interface EditorSettings {
  PUBLIC_DECAP_BACKEND?: string;
  PUBLIC_DECAP_REPO?: string;
  PUBLIC_DECAP_BRANCH?: string;
  PUBLIC_DECAP_BASE_URL?: string;
  PUBLIC_DECAP_AUTH_ENDPOINT?: string;
  PUBLIC_DECAP_API_ROOT?: string;
  PUBLIC_DECAP_APP_ID?: string;
  PUBLIC_DECAP_SITE_URL?: string;
  PUBLIC_DECAP_LOCAL_URL?: string;
}

const GIT_BACKENDS = ['github', 'gitlab', 'gitea'] as const;

/** The Decap configuration: one content model (collections.ts), backend chosen by settings. */
export function editorConfig(settings: EditorSettings): CmsConfig {
  const name = (settings.PUBLIC_DECAP_BACKEND || 'github') as (typeof GIT_BACKENDS)[number];
  if (!GIT_BACKENDS.includes(name)) {
    throw new Error(`PUBLIC_DECAP_BACKEND is "${name}"; use one of ${GIT_BACKENDS.join(', ')}.`);
  }
  return {
    load_config_file: false,
    backend: {
      name: name as CmsBackendType,
      repo: settings.PUBLIC_DECAP_REPO || 'not-configured/not-configured',
      branch: settings.PUBLIC_DECAP_BRANCH || 'main',
      ...(settings.PUBLIC_DECAP_BASE_URL && { base_url: settings.PUBLIC_DECAP_BASE_URL }),
      ...(settings.PUBLIC_DECAP_AUTH_ENDPOINT && {
        auth_endpoint: settings.PUBLIC_DECAP_AUTH_ENDPOINT,
      }),
      ...(settings.PUBLIC_DECAP_API_ROOT && { api_root: settings.PUBLIC_DECAP_API_ROOT }),
      // GitLab and Gitea sign in in the browser with PKCE when given an OAuth application id.
      ...(settings.PUBLIC_DECAP_APP_ID && {
        app_id: settings.PUBLIC_DECAP_APP_ID,
        auth_type: 'pkce',
      }),
      squash_merges: true,
    },
    // Used only when the site is opened on localhost and `npm run cms` is running.
    local_backend: {
      url: settings.PUBLIC_DECAP_LOCAL_URL || 'http://localhost:8081/api/v1',
      allowed_hosts: ['localhost', '127.0.0.1'],
    },
    // Draft, in review, ready: a finding is read by a second person before it is published.
    publish_mode: 'editorial_workflow',
    site_url: settings.PUBLIC_DECAP_SITE_URL || undefined,
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    locale: 'en',
    // The project's mark on the sign-in page instead of Decap's.
    logo: { src: '/favicon.svg', show_in_header: false },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections,
  };
}

/** True when a real git backend has been configured for this build. */
export function isConfigured(settings: EditorSettings): boolean {
  return Boolean(settings.PUBLIC_DECAP_REPO);
}
