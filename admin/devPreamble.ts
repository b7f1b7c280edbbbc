/**
 * Vite's React Refresh preamble for the editor's page in `astro dev`. Kept as one string so the
 * page can both write it and name its hash in the Content-Security-Policy.
 */
export const DEV_PREAMBLE = [
  "import RefreshRuntime from '/@react-refresh';",
  'RefreshRuntime.injectIntoGlobalHook(window);',
  'window.$RefreshReg$ = () => {};',
  'window.$RefreshSig$ = () => (type) => type;',
  'window.__vite_plugin_react_preamble_installed__ = true;',
].join('\n');

/** The preamble's CSP source expression, `sha256-…`. */
export async function devPreambleHash(): Promise<`sha256-${string}`> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(DEV_PREAMBLE));
  return `sha256-${Buffer.from(digest).toString('base64')}`;
}
