'use strict';
/**
 * Measure 8: a rater opens their survey link on a phone over a slow network. Real Chromium
 * (Debian's /usr/bin/chromium, or CHROMIUM_PATH) driven by playwright-core, throttled as the browser
 * journey does (@leaderscope/testing's SLOW_4G and PHONE_CPU_SLOWDOWN), a 390 × 844
 * viewport and an empty cache; each link in a fresh browser context. The page notes when the first
 * question (the first radio group) appears, counted from the start of the navigation, and when its
 * HTML had arrived; the gateway's own time comes from its Server-Timing header.
 */
const { existsSync } = require('node:fs');
const { NOTE_FIRST_QUESTION, PHONE_CPU_SLOWDOWN, SLOW_4G } = require('@leaderscope/testing');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `beforeEach` runs before each link is opened (the bench waits there for a quiet machine: see
 * waitForQuietMachine in run.js); what it returns is kept with the sample as `before`.
 */
async function surveyPageTimes(baseUrl, tokens, onDone = () => {}, beforeEach = async () => null) {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `measure 8 needs Chromium at ${CHROMIUM} (Debian: apt-get install chromium; or set CHROMIUM_PATH); pass --no-browser to leave the measure out of this run`,
    );
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const samples = [];
  const tracePath = process.env.BENCH_SURVEY_TRACE || null;
  try {
    for (const [n, token] of tokens.entries()) {
      const before = await beforeEach();
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      try {
        const page = await context.newPage();
        await page.addInitScript(NOTE_FIRST_QUESTION);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU_SLOWDOWN });
        // BENCH_SURVEY_TRACE: the first link's main thread, network and paints as a Chromium trace
        const tracing = tracePath && n === 0;
        if (tracing) await browser.startTracing(page, { path: tracePath, screenshots: true });
        await page.goto(new URL(`/survey/${token}`, baseUrl).href);
        try {
          await page.getByRole('radiogroup').first().waitFor({ timeout: 60000 });
          await page.waitForFunction(() => window.firstQuestionAt !== undefined); // noted once the question is drawn
        } catch (error) {
          const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
          throw new Error(`the survey page showed no question within 60 s; it said: ${text.slice(0, 300)}`, { cause: error });
        } finally {
          if (tracing) await browser.stopTracing();
        }
        samples.push({
          before,
          ...(await page.evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const server = (name) => nav.serverTiming.find((t) => t.name === name)?.duration ?? null;
            const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-paint');
            const script = performance.getEntriesByType('resource').find((e) => e.initiatorType === 'script');
            return {
              firstQuestionMs: window.firstQuestionAt,
              htmlMs: nav.responseEnd,
              // where the rest went: the question parsed into the document, the first paint, the page's script in
              inDocumentMs: window.firstQuestionInDocumentAt ?? null,
              firstPaintMs: paint?.startTime ?? null,
              scriptMs: script?.responseEnd ?? null,
              openMs: server('open'),
              renderMs: server('render'),
            };
          })),
        });
      } finally {
        await context.close();
      }
      onDone();
    }
  } finally {
    await browser.close();
  }
  return samples;
}

module.exports = { surveyPageTimes };
