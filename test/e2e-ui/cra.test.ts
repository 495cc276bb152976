/// <reference lib="dom" />
// The CRA tab of a product in a real browser (issue 12 item 8): a compliance officer takes a product
// from an empty record to a classified one with a route the class allows, settles an Annex I
// requirement (refused first without evidence), downloads the technical documentation zip; the demo
// product shows a complete record; a guest reads it without any edit control.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startBrowserSession, logIn, screenshot, type App, type Browser } from './harness.js';
import { craRecordView, openReportingCase } from '../../src/services/index.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => ({ app, browser, page, close } = await startBrowserSession()));
after(() => close?.());

async function openCraTab(product: string): Promise<void> {
  await page.getByRole('link', { name: 'Products', exact: true }).first().click();
  await page.getByRole('link', { name: product, exact: true }).click();
  await page.getByRole('heading', { name: product, level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'CRA', exact: true }).click();
  await page.getByRole('heading', { name: 'CRA readiness' }).waitFor();
}

test('from an empty CRA record to a classified product with an allowed route and a documentation zip', async () => {
  await logIn(page, app.url, app.officerToken);
  await openCraTab('Laravel demo app');
  assert.match((await page.getByLabel(/^Readiness \d+ of \d+$/).getAttribute('aria-label')) ?? '', /Readiness 0 of 1/);

  const form = page.getByRole('form', { name: 'CRA record' });
  await form.getByLabel(/market it under our own name/).check();
  await form.getByLabel('Product category').selectOption('password-manager');
  await form.getByLabel('Conformity assessment route').selectOption('module-a');
  await form.getByLabel('Contacts for vulnerability reports').fill('security@laravel.example');
  await form.getByRole('button', { name: 'Save CRA record' }).click();
  await form.getByRole('alert').filter({ hasText: 'write it as mailto:security@laravel.example' }).waitFor();

  await form.getByLabel('Contacts for vulnerability reports').fill('mailto:security@laravel.example');
  await form.getByRole('button', { name: 'Save CRA record' }).click();
  const routes = page.getByRole('list', { name: 'Conformity assessment routes' });
  await routes.waitFor();
  assert.match(await routes.innerText(), /not allowed: module-a — class I: only when harmonised standards/);
  assert.match(
    await page
      .getByText(/important product, class I/)
      .first()
      .innerText(),
    /Password managers/,
  );
  await page.locator('dd .error').filter({ hasText: 'module-a is not allowed' }).waitFor();

  await form.getByLabel('Conformity assessment route').selectOption('module-b-c');
  await form.getByRole('button', { name: 'Save CRA record' }).click();
  await page.locator('dd .error').waitFor({ state: 'detached' });
  const checklist = page.getByRole('list', { name: 'Readiness checklist' });
  assert.match(await checklist.innerText(), /✓\s*Conformity assessment route chosen and allowed/);

  const matrix = page.getByRole('table', { name: 'Annex I essential requirements' });
  const settled = async () => Number(/(\d+) of 21 settled/.exec(await page.getByText(/of 21 settled/).innerText())![1]);
  const before = await settled();
  await matrix.getByLabel('Status of II.5').selectOption('met');
  await matrix.getByRole('button', { name: 'Save II.5' }).click();
  await matrix.getByRole('alert').filter({ hasText: 'needs at least one piece of evidence' }).waitFor();
  await matrix.getByLabel('Evidence of II.5').fill('https://laravel.example/cvd');
  await matrix.getByRole('button', { name: 'Save II.5' }).click();
  await page.getByText(`${before + 1} of 21 settled`).waitFor();
  assert.equal(await matrix.getByLabel('Status of II.5').inputValue(), 'met');
  // I.a and II.1 are computed for the release (issue 12 item 3): shown with reasons, never editable.
  await page.getByLabel('Computed requirements').filter({ hasText: 'computed for release 7.12.0' }).waitFor();
  for (const id of ['I.a', 'II.1']) {
    assert.equal(await matrix.getByRole('button', { name: `Save ${id}` }).count(), 0, `${id} has no save button`);
    assert.match(await matrix.getByLabel(`Reasons for ${id}`).innerText(), /release 7\.12\.0/);
  }
  assert.match(await matrix.getByLabel('Status of II.1').innerText(), /^(met|not-met)$/);
  await form.getByLabel('Release gate: requirements a release must settle before it ships').fill('i.a, II.5');
  await form.getByLabel('Exploitable threshold (Annex I I.a)').selectOption('critical');
  await form.getByRole('button', { name: 'Save CRA record' }).click();
  await page
    .getByLabel('Computed requirements')
    .filter({ hasText: 'a release ships only with I.a, II.5 settled' })
    .waitFor();
  const stored = (await craRecordView(app.store, 'Laravel demo app')).record;
  assert.deepEqual([stored.shipRequires, stored.exploitableThreshold], [['I.a', 'II.5'], 'critical']);
  await page.getByLabel('Evidence log').filter({ hasText: 'chain verified' }).waitFor();
  await screenshot(page, 'cra-01-record');

  await page.getByLabel('Release', { exact: true }).selectOption('7.12.0');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download technical documentation (zip)' }).click();
  const zip = readFileSync((await (await download).path())!);
  assert.equal(zip.readUInt32LE(0), 0x04034b50, 'a zip archive');
  const names = zip.toString('latin1');
  for (const file of [
    'index.md',
    'annex-ii-user-information.html',
    'annex-v-eu-declaration-of-conformity.md',
    'security.txt',
    'sbom/Laravel_demo_app-7.12.0.cdx.json',
    'manifest.json',
  ]) {
    assert.ok(names.includes(file), `${file} in the zip`);
  }
});

test('the dashboard lists an open case in red when its next deadline is less than six hours away', async () => {
  // Awareness 20 hours before now: the 24-hour early warning is due in about 4 hours (no exact time asserted).
  const awareAt = new Date(Date.now() - 20 * 3_600_000).toISOString();
  await openReportingCase(app.store, {
    product: 'Laravel demo app',
    type: 'vulnerability',
    title: 'Exploited upload flaw',
    awareAt,
  });
  await page.getByRole('link', { name: 'Dashboard', exact: true }).first().click();
  const cases = page.getByRole('list', { name: 'Open reporting cases' });
  await cases.waitFor();
  const item = cases.getByRole('listitem').filter({ hasText: 'Exploited upload flaw' });
  assert.equal(await item.getAttribute('data-state'), 'due-soon');
  assert.equal(await item.getAttribute('class'), 'error');
  assert.match(await item.innerText(), /early-warning \d\d h \d\d min \(CRA Art\. 14\(2\)\(a\)\)/);
  await screenshot(page, 'cra-03-dashboard-case');
});

test('the demo product carries a complete CRA record; a guest reads it without edit controls', async () => {
  await openCraTab('Proton Mail Bridge');
  // Every requirement recorded by hand is settled; I.a is computed from the demo release's findings,
  // which are not all triaged (the demo ships known-vulnerable Go modules), so one item stays open.
  assert.equal(await page.getByLabel(/^Readiness \d+ of \d+$/).getAttribute('aria-label'), 'Readiness 9 of 10');
  await page.getByText('20 of 21 settled: 18 met, 2 not applicable').waitFor();
  const matrix = page.getByRole('table', { name: 'Annex I essential requirements' });
  assert.equal(await matrix.getByLabel('Status of I.a').innerText(), 'not-met');
  const firstFinding = matrix.getByRole('list', { name: 'Findings against I.a' }).getByRole('link').first();
  assert.match((await firstFinding.getAttribute('href')) ?? '', /^\/releases\/\d+\?tab=vulnerabilities#finding-\d+$/);
  assert.equal(await matrix.getByLabel('Status of II.1').innerText(), 'met');
  await screenshot(page, 'cra-02-demo');

  await page.getByRole('button', { name: /Sign out|Log out/ }).click();
  await logIn(page, app.url, app.guestToken);
  await openCraTab('Proton Mail Bridge');
  await page.getByText('20 of 21 settled').waitFor();
  assert.equal(await page.getByRole('form', { name: 'CRA record' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Save / }).count(), 0);
  assert.deepEqual(
    browser.errors.filter((e) => !/status of 400|Failed to load resource/.test(e)),
    [],
  );
});
