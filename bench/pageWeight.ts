/**
 * Part 2: page weight per kind of page, in headless Chromium, and the same seed survey rendered
 * by SurveyJS. JS and CSS are gzipped sizes; requests count everything the page fetched.
 */
import { PORTS } from './lib/config.ts';
import { kb, passFail, ratio, table } from './lib/format.ts';
import { addBenchResearcher, launch, signIn, weighPage, type Weight } from './lib/browser.ts';
import { startSite, startStatic, tempDir, type Running } from './lib/processes.ts';
import { buildSurveyJsPage } from './surveyjs/build.ts';
import { MAPPING } from './surveyjs/model.ts';

const PAGES = [
  { name: 'Home', path: '/', content: true },
  { name: 'Content page (/about/)', path: '/about/', content: true },
  {
    name: 'Prototype (/prototypes/shared-family-timeline/)',
    path: '/prototypes/shared-family-timeline/',
    content: true,
  },
  { name: 'Survey (/surveys/practitioners/)', path: '/surveys/practitioners/', content: false },
  {
    name: 'Journey builder (/journeys/child-protection-journey/)',
    path: '/journeys/child-protection-journey/',
    content: false,
  },
  {
    name: 'Researcher results (/research/surveys/practitioners/)',
    path: '/research/surveys/practitioners/',
    content: false,
    signedIn: true,
  },
];

/** Site JS that is not framework: the small preferences script, served from public/. */
const siteFramework = (url: string) => new URL(url).pathname.startsWith('/_astro/');

export async function pageWeight(): Promise<string> {
  const dataDir = tempDir('weight');
  await addBenchResearcher(dataDir);
  const surveyJsDir = await buildSurveyJsPage();
  const servers: Running[] = [];
  const browser = await launch();
  const results: { name: string; weight: Weight; content: boolean }[] = [];
  let surveyJs: Weight;
  try {
    servers.push(await startSite(PORTS.site, dataDir));
    servers.push(await startStatic(PORTS.static, surveyJsDir));
    const [site, statics] = servers;
    // A fresh context (empty cache) per page; the researcher signs in within theirs first.
    for (const p of PAGES) {
      const context = await browser.newContext();
      if (p.signedIn) await signIn(context, site.origin);
      console.log(`  page weight: ${p.path}`);
      results.push({
        name: p.name,
        content: p.content,
        weight: await weighPage(context, site.origin + p.path, siteFramework),
      });
      await context.close();
    }
    surveyJs = await weighPage(await browser.newContext(), `${statics.origin}/`, () => true);
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
  }
  return report(results, surveyJs);
}

function report(
  results: { name: string; weight: Weight; content: boolean }[],
  surveyJs: Weight,
): string {
  const row = (name: string, w: Weight) => [
    name,
    kb(w.jsGzip),
    kb(w.frameworkJsGzip),
    kb(w.inlineJsGzip),
    kb(w.cssGzip),
    kb(w.htmlGzip),
    kb(w.totalGzip),
    w.requests,
    w.islands,
  ];
  const survey = results.find((r) => r.name.startsWith('Survey'))!.weight;
  const content = results.filter((r) => r.content);
  return [
    '## 2. Page weight',
    '',
    'Each page loaded once in headless Chromium (Playwright, `/usr/bin/chromium`) with an empty cache, until the network is idle. ' +
      'Sizes are response bodies gzipped at level 6 (the servers send them uncompressed; this is what a compressing proxy would send). ' +
      '"Framework JS" is bundled island code: the `/_astro/*.js` chunks (React, islands) on our pages, everything on the SurveyJS page. ' +
      'Inline JS is the `<script>` elements inside the HTML, already counted in the HTML column.',
    '',
    table(
      ['Page', 'JS', 'Framework JS', 'Inline JS', 'CSS', 'HTML', 'Total', 'Requests', 'Islands'],
      [...results.map((r) => row(r.name, r.weight)), row('**SurveyJS**, same survey', surveyJs)],
    ),
    '',
    'Scripts loaded:',
    '',
    ...[...results.map((r) => [r.name, r.weight] as const), ['SurveyJS', surveyJs] as const].map(
      ([name, w]) => `- ${name}: ${w.scripts.join(', ') || 'none'}`,
    ),
    '',
    table(
      ['Budget', 'Measured', 'Result'],
      [
        ...content.map((r) => [
          `${r.name}: 0 KB framework JS (only the preferences/exit script)`,
          `${kb(r.weight.frameworkJsGzip)}, ${r.weight.islands} islands`,
          passFail(r.weight.frameworkJsGzip === 0 && r.weight.islands === 0),
        ]),
        [
          'Survey page: JS < 110 KB gzipped',
          kb(survey.jsGzip),
          passFail(survey.jsGzip < 110 * 1024),
        ],
      ],
    ),
    '',
    `Survey page against SurveyJS: JS ${kb(survey.jsGzip)} vs ${kb(surveyJs.jsGzip)} (${ratio(survey.jsGzip, surveyJs.jsGzip)}), ` +
      `CSS ${kb(survey.cssGzip)} vs ${kb(surveyJs.cssGzip)} (${ratio(survey.cssGzip, surveyJs.cssGzip)}), ` +
      `everything ${kb(survey.totalGzip)} vs ${kb(surveyJs.totalGzip)} (${ratio(survey.totalGzip, surveyJs.totalGzip)}), ` +
      `requests ${survey.requests} vs ${surveyJs.requests}.`,
    '',
    '### The SurveyJS page',
    '',
    '`survey-core` and `survey-react-ui` 3.0.0 on React 19, bundled by esbuild (`bench/surveyjs/build.ts`: minified, ' +
      '`NODE_ENV=production`, one JS and one CSS file with the default theme `survey-core.min.css`), served by ' +
      '`bench/staticServer.ts`. The survey model is made from `content/surveys/practitioners.yml` by `bench/surveyjs/model.ts`:',
    '',
    table(['Ours', 'SurveyJS'], MAPPING),
  ].join('\n');
}
