/**
 * Part 2: page weight per kind of page, in headless Chromium, and the same seed survey rendered
 * by SurveyJS. Sizes are bytes on the wire as each server sends them; requests count everything
 * the page fetched.
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

/**
 * Framework JS is React and island code: the `/_astro/` chunks, except the site's own small page
 * scripts every page has (Exit this page, and the draft clearing it imports), which Astro bundles
 * into `/_astro/` too. The preferences script is served from public/.
 */
const OWN_PAGE_SCRIPTS = /^\/_astro\/(ExitThisPage\.astro_astro_type_script|surveyDraft\.)/;
const siteFramework = (url: string) => {
  const { pathname } = new URL(url);
  return pathname.startsWith('/_astro/') && !OWN_PAGE_SCRIPTS.test(pathname);
};

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
      let context = await browser.newContext();
      if (p.signedIn) {
        // Signed in, then a fresh context with only the cookie: an empty cache like the others.
        await signIn(context, site.origin);
        const storageState = await context.storageState();
        await context.close();
        context = await browser.newContext({ storageState });
      }
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
    kb(w.jsWire),
    kb(w.frameworkJsWire),
    kb(w.inlineJsGzip),
    kb(w.cssWire),
    kb(w.htmlWire),
    kb(w.totalWire),
    w.requests,
    w.islands,
  ];
  const survey = results.find((r) => r.name.startsWith('Survey'))!.weight;
  const content = results.filter((r) => r.content);
  return [
    '## 2. Page weight',
    '',
    'Each page loaded once in headless Chromium (Playwright, `/usr/bin/chromium`) with an empty cache, until the network is idle. ' +
      'Sizes are response body bytes on the wire (Playwright `request.sizes()`), as `npm start` serves them with nothing in front ' +
      '(Brotli for a browser that asks: precompressed assets, pages compressed as sent) and as the SurveyJS page is served ' +
      '(its minified bundle through the same compression middleware, the setup its docs describe for production). ' +
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
          `${r.name}: 0 KB framework JS (only the preferences and exit scripts)`,
          `${kb(r.weight.frameworkJsWire)}, ${r.weight.islands} islands`,
          passFail(r.weight.frameworkJsWire === 0 && r.weight.islands === 0),
        ]),
        [
          'Survey page: JS < 110 KB on the wire',
          kb(survey.jsWire),
          passFail(survey.jsWire < 110 * 1024),
        ],
      ],
    ),
    '',
    `Survey page against SurveyJS: JS ${kb(survey.jsWire)} vs ${kb(surveyJs.jsWire)} (${ratio(survey.jsWire, surveyJs.jsWire)}), ` +
      `CSS ${kb(survey.cssWire)} vs ${kb(surveyJs.cssWire)} (${ratio(survey.cssWire, surveyJs.cssWire)}), ` +
      `everything ${kb(survey.totalWire)} vs ${kb(surveyJs.totalWire)} (${ratio(survey.totalWire, surveyJs.totalWire)}), ` +
      `requests ${survey.requests} vs ${surveyJs.requests}.`,
    '',
    '### The SurveyJS page',
    '',
    '`survey-core` and `survey-react-ui` 3.0.0 on React 19, bundled by esbuild (`bench/surveyjs/build.ts`: minified, ' +
      '`NODE_ENV=production`, one JS and one CSS file with the default theme `survey-core.min.css`), served by ' +
      '`bench/staticServer.ts` with compression. The survey model is made from `content/surveys/practitioners.yml` by `bench/surveyjs/model.ts`:',
    '',
    table(['Ours', 'SurveyJS'], MAPPING),
  ].join('\n');
}
