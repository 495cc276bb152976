/// <reference lib="dom" />
// Issue 12 items 4 and 8 in a real browser: a vulnerability of the demo's Proton Mail Bridge 1.8.0
// is added to a (test) CISA KEV catalogue and the release is published; the product's CRA tab then
// proposes an Art. 14 case for it. A guest sees the proposal without the button; a compliance officer
// opens the case in one click: the proposal goes, the case is listed with its early-warning clock on
// the CRA tab and on the dashboard, and the evidence log records who opened it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startBrowserSession, logIn, screenshot, type App, type Browser } from './harness.js';
import { importVulnDatabase, releaseVulnerabilities, scanRelease } from '../../src/services/index.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
let cve: string;
before(async () => {
  ({ app, browser, page, close } = await startBrowserSession());
  const releaseId = app.releaseIds.get('Proton Mail Bridge 1.8.0')!;
  // A finding of the demo release that has a CVE id and no analysis: the test's KEV lists it.
  const view = await releaseVulnerabilities(app.store, releaseId);
  const target = view.findings.find((f) => f.analysis === null && /^CVE-/.test(f.vulnerability.id))!;
  cve = target.vulnerability.id;
  const dir = mkdtempSync(join(tmpdir(), 'vigie-kev-'));
  const kev = join(dir, 'kev.json');
  writeFileSync(
    kev,
    JSON.stringify({
      catalogVersion: 'test',
      dateReleased: '2026-12-01T00:00:00Z',
      vulnerabilities: [
        { cveID: cve, dateAdded: '2026-11-30', dueDate: '2026-12-21', knownRansomwareCampaignUse: 'Unknown' },
      ],
    }),
  );
  await importVulnDatabase(app.store, [kev], { now: new Date().toISOString() });
  rmSync(dir, { recursive: true, force: true });
  await scanRelease(app.store, releaseId, 'database', new Date().toISOString());
  await app.store.updateRelease(releaseId, { shipStatus: 'published' });
});
after(() => close?.());

async function openCraTab(product: string): Promise<void> {
  await page.getByRole('link', { name: 'Products', exact: true }).first().click();
  await page.getByRole('link', { name: product, exact: true }).click();
  await page.getByRole('heading', { name: product, level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'CRA', exact: true }).click();
  await page.getByRole('heading', { name: 'Art. 14 reporting' }).waitFor();
}

test('a KEV match in a published release is proposed on the CRA tab; a guest cannot open it; an officer opens the case in one click', async () => {
  await logIn(page, app.url, app.guestToken);
  await openCraTab('Proton Mail Bridge');
  const proposals = page.getByRole('list', { name: 'Case proposals' });
  const proposal = proposals.getByRole('listitem').filter({ hasText: cve });
  await proposal.waitFor();
  assert.match(
    await proposal.innerText(),
    new RegExp(`${cve}[\\s\\S]*release 1\\.8\\.0[\\s\\S]*KEV[\\s\\S]*in the CISA KEV catalogue since 2026-11-30`),
  );
  assert.match(
    (await proposal.getByRole('link', { name: 'See the finding' }).getAttribute('href')) ?? '',
    /^\/releases\/\d+\?tab=vulnerabilities#finding-\d+$/,
  );
  assert.equal(await proposal.getByRole('button').count(), 0, 'a guest reads, does not open');

  await page.getByRole('button', { name: /Sign out|Log out/ }).click();
  await logIn(page, app.url, app.officerToken);
  await openCraTab('Proton Mail Bridge');
  await page.getByRole('button', { name: `Open case for ${cve}` }).click();
  await page
    .getByRole('status')
    .filter({ hasText: new RegExp(`Case #\\d+ opened for ${cve}`) })
    .waitFor();
  await proposals.getByRole('listitem').filter({ hasText: cve }).waitFor({ state: 'detached' });
  const open = page
    .getByRole('list', { name: 'Open reporting cases of this product' })
    .getByRole('listitem')
    .filter({ hasText: `${cve} exploited in` });
  await open.waitFor();
  assert.equal(await open.getAttribute('data-state'), 'open', 'about 24 hours left: not yet red');
  assert.match(await open.innerText(), /early-warning \d\d h \d\d min \(CRA Art\. 14\(2\)\(a\)\)/);
  await screenshot(page, 'cra-04-kev-proposal-opened');

  const log = await app.store.listEvidence({ subject: 'product:Proton Mail Bridge' });
  const entry = log.at(-1)!;
  assert.equal(entry.kind, 'reporting-case.opened');
  assert.equal(entry.actor, 'Olivia Officer');
  assert.equal((entry.payload as { vulnerabilityId: string }).vulnerabilityId, cve);

  await page.getByRole('link', { name: 'Dashboard', exact: true }).first().click();
  await page
    .getByRole('list', { name: 'Open reporting cases' })
    .getByRole('listitem')
    .filter({ hasText: `${cve} exploited in` })
    .waitFor();
  assert.deepEqual(
    browser.errors.filter((e) => !/Failed to load resource/.test(e)),
    [],
  );
});
