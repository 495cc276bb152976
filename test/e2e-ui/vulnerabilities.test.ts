/// <reference lib="dom" />
// The vulnerability loop in a real browser on the demo portfolio (real Go vulndb advisories): the
// dashboard counts, a release's Vulnerabilities tab, a triage recorded as not_affected with its
// justification, the OpenVEX download carrying it, the same finding shown triaged on the next
// release, the release diff's vulnerability part, the "affected by" search, and a guest who reads
// but is offered no triage.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startBrowserSession, logIn, screenshot, type App, type Browser } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => ({ app, browser, page, close } = await startBrowserSession()));
after(() => close?.());

const finding = (id: string) =>
  page
    .getByRole('list', { name: 'Vulnerability findings' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: new RegExp(`^${id} `) }) });

/** From the dashboard's vulnerability card, as a user would. */
async function openTab(release: string) {
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await page
    .getByRole('region', { name: 'Vulnerabilities' })
    .getByRole('table')
    .getByRole('link', { name: `Proton Mail Bridge ${release}` })
    .click();
  await page.getByRole('list', { name: 'Open findings by rating' }).waitFor();
}

test('the dashboard counts open findings per release and finds the releases an advisory affects', async () => {
  await logIn(page, app.url, app.officerToken);
  const card = page.getByRole('region', { name: 'Vulnerabilities' });
  await card.getByRole('link', { name: 'Proton Mail Bridge 1.6.3' }).waitFor();
  // 58 Go vulndb records match each Bridge release; the demo triage (jwt-go, every release) closes one in each.
  assert.match(
    await card.innerText(),
    /114 open findings of 116 \(critical 0, high 0, KEV 0\); triaged: 2 not affected/,
  );
  await card.getByLabel('Which releases ship').fill('CVE-2020-28483');
  await card.getByRole('button', { name: 'Find releases' }).click();
  const hits = card.getByRole('list', { name: 'Affected releases' });
  await hits.waitFor();
  assert.deepEqual((await hits.getByRole('link').allInnerTexts()).sort(), [
    'Proton Mail Bridge 1.6.3',
    'Proton Mail Bridge 1.8.0',
  ]);
  assert.match(await hits.innerText(), /pkg:golang\/github\.com\/gin-gonic\/gin@v1\.4\.0 — Untriaged/);
  await screenshot(page, '20-dashboard-vulnerabilities');
});

test('triage a finding as not affected, export OpenVEX, see it triaged on the next release', async () => {
  await openTab('1.6.3');
  const gin = finding('CVE-2020-28483');
  await gin.waitFor();
  assert.match(await gin.innerText(), /GO-2021-0052/);
  assert.match(await gin.innerText(), /Fixed in\s*1\.7\.7/);
  await gin.getByRole('button', { name: 'Triage CVE-2020-28483' }).click();
  const form = gin.getByRole('form', { name: 'Triage CVE-2020-28483' });
  await form.getByLabel('State').selectOption('not_affected');
  await form.getByLabel('Justification').selectOption('code_not_reachable');
  assert.match(await form.innerText(), /never called by the product/);
  await form.getByLabel('Detail').fill('Context.ClientIP is not used: Bridge serves no HTTP clients through gin');
  await form.getByLabel('Applies to').selectOption('product');
  await form.getByRole('button', { name: 'Record triage' }).click();
  // Not open any more: it leaves the open list; the "All" list shows it with who and why.
  await gin.waitFor({ state: 'detached' });
  await page.getByLabel(/All \(\d+\)/).check();
  const triaged = finding('CVE-2020-28483');
  await triaged.getByText('Not affected (code_not_reachable) by Olivia Officer').waitFor();
  await screenshot(page, '21-release-vulnerabilities');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'OpenVEX' }).click(),
  ]);
  const doc = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    statements: { vulnerability: { name: string }; status: string; justification?: string }[];
  };
  const statement = doc.statements.find((s) => s.vulnerability.name === 'CVE-2020-28483');
  assert.deepEqual(
    [statement?.status, statement?.justification],
    ['not_affected', 'vulnerable_code_not_in_execute_path'],
  );

  await openTab('1.8.0');
  await page.getByLabel(/All \(\d+\)/).check();
  await finding('CVE-2020-28483').getByText('Not affected (code_not_reachable) by Olivia Officer').waitFor();
  assert.match(await finding('CVE-2020-28483').innerText(), /every release of the product/);

  // The release diff compares the stored scans: the 7 modules 1.8.0 changed carry no known flaw.
  await page.getByRole('link', { name: 'Diff', exact: true }).click();
  await page.getByLabel('From').selectOption({ label: 'Proton Mail Bridge 1.6.3' });
  await page.getByLabel('To', { exact: true }).selectOption({ label: 'Proton Mail Bridge 1.8.0' });
  await page.getByRole('button', { name: 'Compare' }).click();
  const vulnerabilities = page.getByRole('region', { name: 'Vulnerabilities' });
  await vulnerabilities.getByText(/introduced/).waitFor();
  assert.match(await vulnerabilities.innerText(), /0 introduced, 0 fixed, 58 in both\./);
});

test('a guest reads the findings and is offered no triage nor scan', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await logIn(page, app.url, app.guestToken);
  await openTab('1.8.0');
  await finding('CVE-2021-23772').waitFor();
  assert.equal(await page.getByRole('button', { name: /^Triage / }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Scan now' }).count(), 0);
});

test('no console errors', () => {
  assert.deepEqual(browser.errors, []);
});
