/**
 * Bundles the SurveyJS comparison page (bench/surveyjs/entry.tsx) with esbuild: minified, React
 * in production mode, one JS and one CSS file, written to bench/out/surveyjs/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { readSurveyFiles } from '../../src/server/contentFiles.ts';
import { OUT } from '../lib/config.ts';
import { surveyJsModel } from './model.ts';

export const SURVEYJS_DIR = path.join(OUT, 'surveyjs');

export async function buildSurveyJsPage(slug = 'practitioners'): Promise<string> {
  const found = readSurveyFiles().find((s) => s.slug === slug);
  if (!found) throw new Error(`No survey ${slug}`);
  mkdirSync(SURVEYJS_DIR, { recursive: true });
  await build({
    entryPoints: { app: path.join(import.meta.dirname, 'entry.tsx') },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    outdir: SURVEYJS_DIR,
    define: {
      'process.env.NODE_ENV': '"production"',
      SURVEY_MODEL: JSON.stringify(surveyJsModel(found.survey)),
    },
    loader: { '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
    logLevel: 'warning',
  });
  writeFileSync(
    path.join(SURVEYJS_DIR, 'index.html'),
    `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${found.survey.title} (SurveyJS)</title>
<link rel="stylesheet" href="/app.css">
<script type="module" src="/app.js"></script>
</head>
<body>
<div id="survey"></div>
</body>
</html>
`,
  );
  return SURVEYJS_DIR;
}
