/// <reference lib="dom" />
// Issue 8 item 16 in a real browser: blockers grouped by licence and by cause, multi-select, and
// one decision for a whole group (a partial selection records one decision per selected component,
// leaving the rest open). A guest gets no selection; 390 px does not scroll sideways.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import * as services from '../../src/services/index.js';
import { startBrowserSession, logIn, screenshot, type App, type Browser } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => ({ app, browser, page, close } = await startBrowserSession()));
after(() => close?.());

async function openStep(releaseId: number, step: RegExp): Promise<void> {
  await page.goto(`${app.url}/releases/${releaseId}?tab=validation`);
  const steps = page.getByRole('tablist', { name: 'Validation steps' });
  await steps.waitFor();
  await steps.getByRole('tab', { name: step }).click();
}

test('a whole licence group is cleared by one decision', async () => {
  await logIn(page, app.url, app.officerToken);
  const vigie = app.releaseIds.get('Vigie 0.1.0')!;
  await openStep(vigie, /5\. Policy/);
  const group = page.getByRole('region', { name: 'MPL-2.0: 12 blocking' });
  await group.waitFor();
  const boxes = group.getByRole('checkbox', { name: /^Select .*\(MPL-2\.0\)$/ });
  assert.equal(await boxes.count(), 12);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const form = page.getByRole('form', { name: 'Decide for the selection' });
  await form.getByText('2 selected · 2 records will be written').waitFor();

  await group.getByRole('checkbox', { name: 'Select all 12 of MPL-2.0' }).check();
  await form.getByText('12 selected · 1 record will be written').waitFor();
  await form.getByLabel('Justification').fill('MPL-2.0 files are used unmodified, reviewed in bulk');
  await screenshot(page, '24-bulk-triage');
  const before = (await app.store.listDecisions()).length;
  await form.getByRole('button', { name: 'Record for the 12 selected' }).click();
  await page.getByRole('status').filter({ hasText: 'Recorded 1 decision for 12 blockers.' }).waitFor();

  const decisions = await app.store.listDecisions();
  assert.equal(decisions.length, before + 1, 'one decision for the group');
  const made = decisions.find((d) => d.type === 'derogation' && d.license === 'MPL-2.0' && d.releaseId === vigie);
  assert.ok(made && made.type === 'derogation');
  assert.equal(made.component, null);
  assert.equal(made.author, 'Olivia Officer');
  await page.getByRole('heading', { name: /Step 5: Policy — (passed|waiting on an earlier step)/ }).waitFor();
  assert.equal(await page.getByRole('region', { name: /^MPL-2\.0:/ }).count(), 0, 'no MPL-2.0 blocker is left');
});

test('a partial selection decides only the selected components', async () => {
  const bridge = app.releaseIds.get('Proton Mail Bridge 1.8.0')!;
  await openStep(bridge, /5\. Policy/);
  const group = page.getByRole('region', { name: 'MPL-2.0: 5 blocking' });
  await group.waitFor();
  const boxes = group.getByRole('checkbox', { name: /^Select .*\(MPL-2\.0\)$/ });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const form = page.getByRole('form', { name: 'Decide for the selection' });
  await form.getByLabel('Justification').fill('Two reviewed by hand');
  await form.getByRole('button', { name: 'Record for the 2 selected' }).click();
  await page.getByRole('status').filter({ hasText: 'Recorded 2 decisions for 2 blockers.' }).waitFor();
  await page.getByRole('region', { name: 'MPL-2.0: 3 blocking' }).waitFor();
  const mine = (await app.store.listDecisions()).filter((d) => d.type === 'derogation' && d.releaseId === bridge);
  assert.equal(mine.length, 2);
  assert.ok(
    mine.every((d) => d.component !== null),
    'each names its component',
  );
});

test('grouped by cause; mixed fixes cannot be decided at once; the choice of a group needs its expression', async () => {
  const bridge = app.releaseIds.get('Proton Mail Bridge 1.8.0')!;
  await openStep(bridge, /1\. Valid SPDX/);
  await page.getByRole('radio', { name: 'cause' }).check();
  const group = page.getByRole('region', { name: 'no license: 8 blocking' });
  await group.waitFor();
  await group.getByRole('checkbox', { name: 'Select all 8 of no license' }).check();
  const form = page.getByRole('form', { name: 'Decide for the selection' });
  await form.getByLabel('Explanation').fill('Checked upstream');
  await form.getByLabel('Expression').fill('');
  await form.getByText('Give the expression to record.').waitFor();
  assert.ok(await form.getByRole('button', { name: 'Record for the 8 selected' }).isDisabled());
  await form.getByLabel('Expression').fill('MIT');
  await form.getByText('8 selected · 8 records will be written').waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  const extra = await page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    return scroller.scrollWidth - scroller.clientWidth;
  });
  assert.ok(extra <= 0, `the grouped blockers fit 390 px (+${extra}px)`);
  await screenshot(page, '25-bulk-triage-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('a guest sees the groups but nothing to select', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await logIn(page, app.url, app.guestToken);
  const bridge = app.releaseIds.get('Proton Mail Bridge 1.8.0')!;
  await openStep(bridge, /5\. Policy/);
  await page.getByRole('region', { name: 'MPL-2.0: 3 blocking' }).waitFor();
  assert.equal(await page.getByRole('checkbox').count(), 0);
  assert.equal(await page.getByRole('form', { name: 'Decide for the selection' }).count(), 0);
});

test('a step of more blockers than the answer lists shows its count, and loads the rest on request', async () => {
  // 620 components offering a choice of licence: step 4 blocks each, past the answer's first 500.
  const store = app.store;
  const product = await services.createProduct(store, { name: 'Many choices' });
  const release = await services.createRelease(store, { productId: product.id, number: '1.0' });
  await services.setExploitationRule(store, release.id, { scope: null, project: null, exploitation: 'distribution' });
  const components = Array.from({ length: 620 }, (_, i) => ({
    type: 'library',
    name: `choice-${i}`,
    version: '1.0.0',
    purl: `pkg:npm/choice-${i}@1.0.0`,
    licenses: [{ expression: 'MIT OR Apache-2.0' }],
  }));
  await services.importDocument(store, release.id, {
    content: JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components }),
    fileName: 'choices.cdx.json',
  });
  await openStep(release.id, /4\. Licence choices/);
  await page.getByRole('heading', { name: 'Step 4: Licence choices — 620 blocking' }).waitFor();
  await page.getByText('Showing 500 of 620 blockers').waitFor();
  await page.getByText('Group the 500 blockers shown (of 620) by').waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  const extra = await page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    return scroller.scrollWidth - scroller.clientWidth;
  });
  assert.ok(extra <= 0, `the count and its button fit 390 px (+${extra}px)`);
  await screenshot(page, '41-blockers-past-the-first-page-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Load 120 more' }).click();
  await page.getByText('Group the 620 blockers by').waitFor();
  assert.equal(await page.getByRole('button', { name: /^Load .* more$/ }).count(), 0);
  assert.equal(await page.getByText(/^Showing \d+ of/).count(), 0);
});

test('no console errors', () => {
  assert.deepEqual(browser.errors, []);
});
