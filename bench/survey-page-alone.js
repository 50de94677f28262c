#!/usr/bin/env node
'use strict';
/**
 * The survey page alone (a tool for working on the page, not a judged measure): the built
 * dashboard's survey page, rendered by the gateway's own `SurveyPage` (its renderer, template and
 * escaping: apps/gateway/src/dashboard/survey-page.ts), served by a bare HTTP server on this
 * machine with nothing else running, and measured exactly as measure 8 measures it (bench/lib/survey-page.js:
 * real Chromium, Slow 4G, a 4× slower CPU, an empty cache, each link in a fresh context).
 *
 * Measure 8 runs the page against the whole platform on the same cores (the gateway, the services,
 * the broker and PostgreSQL), so the phone the throttle emulates shares its CPU with the servers;
 * this shows what the page itself costs, so a change to the page can be judged in a minute without
 * the rest (docs/benchmarks.md, "Twenty-seventh round").
 *
 *   npm run build -w @leaderscope/dashboard && node bench/survey-page-alone.js [--group peer] [--links 10]
 *
 * The rater's group decides which items the page asks (self and manager see the most). The server
 * answers the page's own request for the rater's saved answers (`raterSurvey`) with none.
 */
const { createServer } = require('node:http');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { brotliCompressSync, constants } = require('node:zlib');
const { getInstrument, DEFAULT_INSTRUMENT_ID } = require('@leaderscope/framework');
const { surveyPageTimes } = require('./lib/survey-page');

const root = join(__dirname, '..');
const dist = join(root, 'apps', 'dashboard', 'dist');

function args() {
  const out = { group: 'peer', links: 10 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--group') out.group = argv[++i];
    else if (argv[i] === '--links') out.links = Math.max(1, Number(argv[++i]));
    else throw new Error(`unknown argument ${argv[i]}: node bench/survey-page-alone.js [--group peer] [--links 10]`);
  }
  return out;
}

/** The `raterSurvey` answer for a rater of `group` on the built-in instrument (as OpenSurveyUseCase gives it, less the saved answers). */
function raterSurvey(group) {
  const instrument = getInstrument(DEFAULT_INSTRUMENT_ID);
  const dimensions = instrument.dimensions
    .map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description,
      items: instrument.items.filter((i) => i.dimensionId === d.id && i.observers.includes(group)).map((i) => ({ id: i.id, text: i.text })),
    }))
    .filter((d) => d.items.length > 0);
  if (dimensions.length === 0) throw new Error(`no item of the built-in instrument is observed by the group "${group}"`);
  return {
    cycleName: 'Leadership 360',
    subjectName: 'Alex Example',
    relationship: group,
    identifiable: group === 'self' || group === 'manager',
    anonymityThreshold: 3,
    anonymityNote:
      'Your answers are combined with others in your group and shown only when at least 3 people in the group have answered. Nobody sees who gave which answer, and comments are shown without names.',
    closesAt: new Date(Date.now() + 14 * 86400_000).toISOString(),
    closedAt: null,
    status: 'invited',
    submittedAt: null,
    notAbleToRateLabel: instrument.scale.notAbleToRate,
    scale: instrument.scale.labels.map((label, i) => ({ value: instrument.scale.min + i, label })),
    dimensions,
    answers: [],
    comments: [],
  };
}

/**
 * The page as the gateway sends it: the gateway's own `SurveyPage` (its dist: npm run build), with
 * the link opening `survey` instead of reading the database.
 */
async function renderedPage(survey) {
  if (!existsSync(join(dist, 'survey.html')) || !existsSync(join(dist, 'ssr', 'survey-server.cjs')))
    throw new Error(`the dashboard is not built (${dist}): npm run build -w @leaderscope/dashboard`);
  const { SurveyPage } = require(join(root, 'apps', 'gateway', 'dist', 'dashboard', 'survey-page.js'));
  const opened = { ...survey, closesAt: new Date(survey.closesAt) }; // as OpenSurveyUseCase returns it
  const page = await new SurveyPage(dist, { execute: async () => opened }).render('link', '127.0.0.1');
  if (!page?.includes('role="radiogroup"')) throw new Error('the gateway rendered no survey into the page');
  return page;
}

async function main() {
  const { group, links } = args();
  const survey = raterSurvey(group);
  // compressed as the gateway does (brotli, quality 5); the assets as the build wrote them (.br)
  const page = brotliCompressSync(await renderedPage(survey), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/survey/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br', 'cache-control': 'no-store' });
      res.end(page);
    } else if (path.startsWith('/assets/') && !path.includes('..') && existsSync(join(dist, `${path}.br`))) {
      res.writeHead(200, { 'content-type': path.endsWith('.css') ? 'text/css' : 'text/javascript', 'content-encoding': 'br' });
      res.end(readFileSync(join(dist, `${path}.br`)));
    } else if (path === '/graphql' && req.method === 'POST') {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { raterSurvey: survey } }));
      });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const tokens = Array.from({ length: links }, (_, i) => `link-${i}`);
    const samples = await surveyPageTimes(`http://127.0.0.1:${server.address().port}`, tokens);
    const pct = (key, p) => {
      const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
      return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
    };
    const items = survey.dimensions.reduce((n, d) => n + d.items.length, 0);
    console.log(
      `survey page alone (${group}, ${items} items, ${links} links): first question p50 ${pct('firstQuestionMs', 50)} ms, p95 ${pct('firstQuestionMs', 95)} ms ` +
        `(HTML in ${pct('htmlMs', 50)} ms, the question in the document ${pct('inDocumentMs', 50)} ms, first paint ${pct('firstPaintMs', 50)} ms, script in ${pct('scriptMs', 50)} ms)`,
    );
  } finally {
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
