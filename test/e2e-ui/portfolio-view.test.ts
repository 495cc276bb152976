/// <reference lib="dom" />
// Issue 8 item 19 in a real browser: the portfolio view shows each release's step, its open
// blockers by kind and a trend over its stored validation runs, which grows when a decision is
// recorded; chart colours are the colour-blind-safe Okabe–Ito ones and the trend's two series also
// differ by line style. The deep link reloads, 390 px does not scroll sideways, a guest reads it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { recordDecision } from '../../src/services/index.js';
import { startBrowserSession, logIn, screenshot, type App, type Browser } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => ({ app, browser, page, close } = await startBrowserSession()));
after(() => close?.());

const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

async function trendLabel(name: string): Promise<{ runs: number; lastBlockers: number }> {
  const label = (await row(name).getByRole('img').getAttribute('aria-label')) ?? '';
  const m = /^Over (\d+) validation runs?: step \d+ to \d+, blockers \d+ to (\d+)$/.exec(label);
  assert.ok(m, `trend label: ${label}`);
  return { runs: Number(m[1]), lastBlockers: Number(m[2]) };
}

test('each release with its step, open blockers by kind and trend', async () => {
  await logIn(page, app.url, app.officerToken);
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
  const table = page.getByRole('table').filter({ hasText: 'Open blockers by kind' });
  await table.waitFor();
  assert.equal(await table.locator('tbody tr').count(), 5);
  // The AI demo release: its model licence is not in the starter policy, a step-5 blocker.
  assert.match(await row('Support assistant 1.0.0').innerText(), /Step 5 · not reviewed\s*: \d+/);
  const vigie = row('Vigie 0.1.0');
  assert.match(await vigie.innerText(), /Step 5 · context allowed uncovered\s*: 12/);
  assert.match(await row('Laravel demo app 7.12.0').innerText(), /none/);
  await vigie.getByLabel('Vigie 0.1.0: step 1 of 6').waitFor();
  await screenshot(page, '26-portfolio');
});

test('a decision adds a run to the trend and lowers the open blockers', async () => {
  const before = await trendLabel('Vigie 0.1.0');
  await recordDecision(app.store, {
    type: 'derogation',
    categoryId: null,
    productId: null,
    releaseId: app.releaseIds.get('Vigie 0.1.0')!,
    scope: null,
    project: null,
    exploitation: null,
    component: null,
    version: null,
    license: 'MPL-2.0',
    linking: null,
    modification: null,
    author: 'Browser test',
    explanation: 'MPL-2.0 reviewed for the release',
  });
  await page.reload();
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
  await row('Vigie 0.1.0').getByRole('img').waitFor();
  const after = await trendLabel('Vigie 0.1.0');
  assert.equal(after.runs, before.runs + 1, 'the decision recorded one more run');
  assert.equal(after.lastBlockers, before.lastBlockers - 12, 'the 12 MPL-2.0 blockers are gone');
  assert.doesNotMatch(await row('Vigie 0.1.0').innerText(), /context allowed uncovered/);
});

test('chart colours are the colour-blind-safe palette and the trend series differ by style', async () => {
  const colours: Record<string, string> = {};
  for (const tone of ['ok', 'warn', 'bad', 'neutral']) {
    colours[tone] = await page.evaluate((cls) => {
      const el = document.createElement('span');
      el.className = `bar-fill ${cls}`;
      document.body.append(el);
      const colour = getComputedStyle(el).backgroundColor;
      el.remove();
      return colour;
    }, tone);
  }
  assert.deepEqual(colours, {
    ok: 'rgb(0, 158, 115)',
    warn: 'rgb(230, 159, 0)',
    bad: 'rgb(213, 94, 0)',
    neutral: 'rgb(0, 114, 178)',
  });
  const dashes = await page.evaluate(() =>
    ['.trend-step', '.trend-blockers'].map((s) => getComputedStyle(document.querySelector(s)!).strokeDasharray),
  );
  assert.equal(dashes[0], 'none');
  assert.notEqual(dashes[1], 'none');
});

test('390 px, and a guest reads it too', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await logIn(page, app.url, app.guestToken);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${app.url}/portfolio`);
  await row('Vigie 0.1.0').waitFor();
  const extra = await page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    return scroller.scrollWidth - scroller.clientWidth;
  });
  assert.ok(extra <= 0, `the portfolio fits 390 px (+${extra}px)`);
  await screenshot(page, '27-portfolio-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('no console errors', () => {
  assert.deepEqual(browser.errors, []);
});
