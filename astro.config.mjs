// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { precompressDirectory } from './src/server/precompress.ts';
import { assertEasyReadWords } from './src/lib/participantWords.ts';
import { inlineScriptHash } from './src/server/inlineScriptHash.ts';

// Bodies larger than this are refused before any route reads them. The adapter's default is
// 1 GiB (docs/reliability.md G7); no form on this site comes near 256 KiB.
export const BODY_SIZE_LIMIT = 256 * 1024;

/** Written into the head of every page (src/layouts/Base.astro); allowed by its hash. */
const displayPreferences = readFileSync(
  new URL('./src/client/displayPreferences.js', import.meta.url),
  'utf8',
);

/**
 * GOV.UK Frontend keeps two Internet Explorer hacks (`@media screen\\0`) that Sass turns into a
 * replacement character and the CSS minifier rejects. IE is not supported, so drop those rules.
 * @type {import('postcss').Plugin}
 */
const dropIeMediaHacks = {
  postcssPlugin: 'drop-ie-media-hacks',
  AtRule: {
    media(rule) {
      if (/\uFFFD|\\0/.test(rule.params)) rule.remove();
    },
  },
};

export default defineConfig({
  // Content pages are prerendered; routes that must be dynamic opt out with `prerender = false`.
  output: 'static',
  // staticHeaders: prerendered pages' policies go to dist/_headers.json (sent as headers, since
  // frame-ancestors does not work in a <meta> tag) instead of a <meta> in each page.
  adapter: node({ mode: 'standalone', bodySizeLimit: BODY_SIZE_LIMIT, staticHeaders: true }),
  integrations: [
    react(),
    {
      // `client:interact`: an island is hydrated when the person starts on its form or when the
      // browser is idle, not at load; the server-rendered form works until then
      // (src/client/hydrateOnInteraction.ts).
      name: 'hydrate-on-interaction',
      hooks: {
        'astro:config:setup': ({ addClientDirective }) =>
          addClientDirective({
            name: 'interact',
            entrypoint: './src/client/hydrateOnInteraction.ts',
          }),
      },
    },
    {
      // Every fixed participant-facing string needs its easy-read version: the build stops and
      // names each one that has none (src/lib/participantWords.ts).
      name: 'easy-read-words',
      hooks: {
        'astro:build:start': () => assertEasyReadWords(),
      },
    },
    {
      // Brotli and gzip copies of the hashed assets, which the server sends to browsers that
      // take them (src/server/precompressedAssets.ts).
      name: 'precompress-assets',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          const done = await precompressDirectory(new URL('_astro/', dir).pathname);
          logger.info(
            `${done.files} assets compressed: ${Math.round(done.bytes / 1024)} KiB, ` +
              `${Math.round(done.brotliBytes / 1024)} KiB as Brotli, ` +
              `${Math.round(done.gzipBytes / 1024)} KiB as gzip`,
          );
        },
      },
    },
  ],
  trailingSlash: 'ignore',
  security: {
    // Off: the site sends Referrer-Policy: no-referrer, with which browsers send "Origin: null"
    // on our own form posts, and this check would refuse them. src/middleware.ts refuses
    // cross-site writes instead, from Sec-Fetch-Site then Origin (src/server/sameOrigin.ts).
    checkOrigin: false,
    // Astro hashes every script and style it emits into each page's policy; the server sends it
    // as a header on every page (scripts/serve.ts, src/server/securityHeaders.ts). No inline
    // style attributes anywhere, so no 'unsafe-inline' for styles either; the editor's page adds
    // what Decap needs (src/pages/admin/index.astro).
    csp: {
      scriptDirective: { hashes: [inlineScriptHash(displayPreferences)] },
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ],
    },
  },
  // The site transforms no images, so Astro's /_image endpoint is replaced by one that answers
  // 404 (src/server/imageEndpointOff.ts) rather than fetching and converting on request.
  image: { endpoint: { route: '/_image', entrypoint: './src/server/imageEndpointOff.ts' } },
  // Shiki colours code with inline style attributes, which the CSP refuses; findings are prose.
  markdown: { syntaxHighlight: false },
  // No telemetry-like prefetching of other pages: keep requests to what a person asks for.
  prefetch: false,
  // The dev toolbar writes an inline script the policy would refuse, and `npm run cms` (astro
  // dev) is used by researchers, who have no use for it.
  devToolbar: { enabled: false },
  // The stylesheet (only the GOV.UK Frontend parts the site uses, about 12 KB compressed) is
  // written into each page: a stylesheet link holds up the first paint for a round trip, which
  // on a phone's slow connection costs more than the bytes. Astro hashes it into the policy.
  build: { format: 'directory', inlineStylesheets: 'always' },
  // The site keeps no server-side sessions for participants; researcher sign-in issues its own
  // token (see the researcher workspace), so Astro's session store is not needed.
  session: false,
  vite: {
    // `npm run cms` (scripts/cms.ts): Decap's local backend switches the working tree between
    // draft branches for every save, status change and publish. Astro reloads every open page
    // when content changes, which reloaded the editor itself part way through its own save
    // ("Loading entry..." again, its state lost). The editor reads content through its backend,
    // so its development server does not watch the files that backend moves.
    ...(process.env.SG_CONTENT_EDITOR === '1' && {
      server: {
        watch: { ignored: ['**/content/**', '**/public/uploads/**'] },
        // Images are answered by the local backend, from git: an image saved with a draft is on
        // its branch only, and one published since this server started is not in its list of
        // public files (not watched, above). So the preview shows both (admin/draftMedia.ts).
        proxy: {
          '/uploads/': new URL(process.env.PUBLIC_DECAP_LOCAL_URL || 'http://127.0.0.1:8081')
            .origin,
        },
      },
      // Bundled when the server starts. Found only when the editor is first opened, they were
      // bundled then, and the modules already sent answered "504 Outdated Optimize Dep": a
      // blank editor on the first visit after a fresh install. These are what /admin/ imports
      // beyond React (admin/cms.ts and the site components its previews use).
      optimizeDeps: { include: ['decap-cms-app', 'formik', 'yup', 'astro/zod'] },
      // A cache of its own: `astro check` or `npm run dev` in the same folder re-bundle the
      // shared one for their settings, under the running editor.
      cacheDir: 'node_modules/.vite-editor',
    }),
    build: {
      // The CMS editor is one large chunk loaded only on /admin/.
      chunkSizeWarningLimit: 8000,
      rolldownOptions: {
        onLog(level, log, handler) {
          // Decap's dependencies (gray-matter, toml) use eval; that is theirs, not ours, and
          // only in the editor.
          if (log.code === 'EVAL' && log.id?.includes('node_modules')) return;
          handler(level, log);
        },
      },
    },
    css: {
      postcss: { plugins: [dropIeMediaHacks] },
      preprocessorOptions: {
        // govuk-frontend's Sass is imported by package name (see src/styles/site.scss).
        scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin'] },
      },
    },
  },
});
