/// <reference lib="dom" />
// The compliance officer's day in a real browser: sign in, import an SBOM, walk a release through
// the six validation steps to its obligations, download the NOTICE, find a component across the
// portfolio. Screenshots of each main view land in test-output/screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startBrowserSession, ROOT, logIn, screenshot, type App, type Browser } from './harness.js';
import { HAS_CORPORA, corpus } from '../support/corpora.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => ({ app, browser, page, close } = await startBrowserSession()));
after(() => close?.());

// A real CycloneDX SBOM of another npm project; on a machine without the corpora, a bundled demo SBOM.
const CORPUS_SBOM = corpus('sboms', 'cyclonedx', 'bom-examples', 'SBOM', 'cern-lhc-vdm-editor-e564943', 'bom.json');
const SBOM_TO_IMPORT = HAS_CORPORA ? CORPUS_SBOM : join(ROOT, 'data', 'demo', 'laravel-7.12.0.cdx.json');

test('signing in shows the dashboard with the demo portfolio', async () => {
  await logIn(page, app.url, app.officerToken);
  const counts = page.getByRole('list', { name: 'Portfolio counts' });
  await counts.getByText('products').waitFor();
  assert.match(await counts.innerText(), /4\s*products/);
  assert.match(await counts.innerText(), /5\s*releases/);
  await page.getByText('Olivia Officer').waitFor();
  await screenshot(page, '01-dashboard');
});

test('a product, a release and an SBOM import with progress', async () => {
  await page.getByRole('link', { name: 'Products', exact: true }).click();
  await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
  const form = page.getByRole('form', { name: 'New product' });
  await form.getByLabel('Name').fill('LHC VdM editor');
  await form.getByLabel('Description').fill('Imported in the browser test');
  await form.getByRole('button', { name: 'Create product' }).click();
  await page.getByRole('link', { name: 'LHC VdM editor' }).click();
  await page.getByRole('heading', { name: 'LHC VdM editor', level: 1 }).waitFor();
  await screenshot(page, '02-products');

  const releaseForm = page.getByRole('form', { name: 'New release' });
  await releaseForm.getByLabel('Release number').fill('1.0.0');
  await releaseForm.getByRole('button', { name: 'Create release' }).click();
  await page.getByRole('link', { name: '1.0.0' }).waitFor();

  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByLabel('Product').selectOption({ label: 'LHC VdM editor' });
  await page.getByLabel('Release', { exact: true }).selectOption({ label: '1.0.0' });
  await page.getByLabel('SBOM file').setInputFiles(SBOM_TO_IMPORT);
  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  assert.ok(
    await importButton.isDisabled(),
    'nothing is imported before the user says what happens to the existing usages',
  );
  await page.getByLabel(/Merge with them/).check();
  await importButton.click();
  const outcome = page.getByRole('status').filter({ hasText: 'Imported' });
  await outcome.waitFor({ timeout: 30_000 });
  assert.match(await outcome.innerText(), /\d+ usages added/);
  assert.doesNotMatch(await outcome.innerText(), /[a-z][A-Z]/, 'counters in words, not camelCase');
  assert.equal(await page.locator('#upload-progress').count(), 1, 'the upload progress bar is shown');
  await screenshot(page, '03-import');

  await outcome.getByRole('link', { name: 'Open the release' }).click();
  await page.getByRole('heading', { name: 'LHC VdM editor 1.0.0' }).waitFor();
  // A release that does not pass opens on what blocks it; the BOM is one tab away.
  await page.getByRole('tablist', { name: 'Validation steps' }).waitFor();
  await page.getByRole('tab', { name: 'BOM', exact: true }).click();
  const bom = page.getByRole('table', { name: 'Bill of materials' });
  await bom.waitFor();
  const expected = JSON.parse(readFileSync(SBOM_TO_IMPORT, 'utf8')).components.length as number;
  assert.match(await page.locator('#bom-count').innerText(), new RegExp(`of ${expected.toLocaleString('en')} usages`));
});

test('the BOM table filters, sorts and only renders the rows in view', async () => {
  await page.goto(`${app.url}/releases/${app.releaseIds.get('Vigie 0.1.0')}?tab=bom`);
  const bom = page.getByRole('table', { name: 'Bill of materials' });
  await bom.waitFor();
  const total = Number(/of ([\d,]+) usages/.exec(await page.locator('#bom-count').innerText())![1]!.replace(/,/g, ''));
  assert.ok(total > 100, `Vigie's own BOM has ${total} usages`);
  const rendered = await bom.locator('.vbody [role="row"]').count();
  assert.ok(rendered < total && rendered <= 16 + 2 * 12, `only ${rendered} of ${total} rows are in the DOM`);

  await page.getByLabel('Search').fill('fastify');
  await page.waitForFunction(
    () =>
      /^\d+ of/.test(document.querySelector('#bom-count')?.textContent ?? '') &&
      !/^(\d{3,})/.test(document.querySelector('#bom-count')!.textContent!),
  );
  const names = await bom.locator('.vbody .col-name').allInnerTexts();
  assert.ok(
    names.some((n) => n === 'fastify'),
    `fastify is found: ${names.join(', ')}`,
  );

  await page.getByLabel('Search').fill('');
  await bom.getByRole('button', { name: 'Version' }).click();
  assert.equal(await bom.getByRole('columnheader', { name: 'Version' }).getAttribute('aria-sort'), 'ascending');
  await screenshot(page, '04-release-bom');
});

/** Clears the first blocker shown, the way its card proposes, choosing the broadest scope. */
async function clearFirstBlocker(): Promise<string> {
  const card = page.locator('.blocker').first();
  const policyLink = card.getByRole('link', { name: /Open the policy of/ });
  if (await policyLink.count()) {
    const license = (await policyLink.innerText()).replace('Open the policy of ', '');
    await policyLink.click();
    await page.getByLabel('Allowed').selectOption('always');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.goBack();
    return `policy ${license}`;
  }
  const radios = card.getByRole('radio');
  if (await radios.count()) await radios.last().check();
  const why = card.getByLabel(/Explanation|Justification/);
  if (await why.count()) await why.fill('Reviewed in the browser test');
  const submit = card.locator('button.primary');
  const label = await submit.innerText();
  const revalidated = page.waitForResponse((r) => r.url().includes('/validation') && r.request().method() === 'GET');
  await submit.click();
  await revalidated;
  return label;
}

test('a release walks through the six steps to its obligations', async () => {
  const releaseId = app.releaseIds.get('Vigie 0.1.0');
  await page.goto(`${app.url}/releases/${releaseId}?tab=validation`);
  const steps = page.getByRole('tablist', { name: 'Validation steps' });
  await steps.waitFor();
  assert.equal(await steps.getByRole('tab').count(), 6);
  await screenshot(page, '05-validation');

  const done: string[] = [];
  for (let i = 0; i < 40; i++) {
    // After a decision the page re-renders (or, after a policy edit, reloads): read it once it has
    // settled on either a blocker to clear or the finished state, never in between.
    let heading = '';
    let passedAll = false;
    let blockers = 0;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(100)) {
      heading =
        (await page
          .locator('.tabpanel .tabpanel > h3')
          .first()
          .innerText()
          .catch(() => '')) ?? '';
      passedAll = (await steps.getByRole('tab').allInnerTexts()).every((t) => !/\d+$/.test(t.trim()));
      blockers = await page.locator('.blocker').count();
      if (blockers > 0 || (passedAll && /Step 6/.test(heading))) break;
    }
    if (blockers === 0 && passedAll && /Step 6/.test(heading)) break;
    assert.ok(blockers > 0, `no blocker shown yet the release is not through: ${heading}`);
    done.push(await clearFirstBlocker());
  }
  assert.ok(
    done.some((d) => /Confirm the AND/.test(d)),
    `an AND was confirmed: ${done.join('; ')}`,
  );
  assert.ok(
    done.some((d) => /Choose a licence/.test(d)),
    `a licence was chosen: ${done.join('; ')}`,
  );
  await page.getByRole('heading', { name: /Step 6: Compatibility — passed/ }).waitFor();
  await page.getByLabel('Validation: step 6 of 6 passed').waitFor();
  await screenshot(page, '06-validation-passed');

  await page.getByRole('tab', { name: 'Obligations' }).click();
  const first = page.locator('details.obligation').first();
  await first.waitFor();
  await first.locator('summary').click();
  const usages = first.locator('.usage-list li');
  assert.ok((await usages.count()) > 0, 'the first compliance action lists the usages that trigger it');
  await screenshot(page, '07-obligations');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'NOTICE', exact: true }).click();
  const notice = await download;
  const text = readFileSync((await notice.path())!, 'utf8');
  assert.match(text, /fastify/, 'the NOTICE names a component the release ships');
  assert.match(text, /MIT/, 'the NOTICE carries licence texts or names');
});

test('a component is found across the portfolio, and two releases compare', async () => {
  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await page.getByLabel('Component name or purl').fill('pkg:golang/golang.org/x/net');
  await page.getByRole('button', { name: 'Search' }).click();
  const table = page.getByRole('table').filter({ hasText: 'Proton Mail Bridge' });
  await table.waitFor();
  const text = await table.innerText();
  assert.match(text, /Proton Mail Bridge 1\.6\.3/);
  assert.match(text, /Proton Mail Bridge 1\.8\.0/);
  await screenshot(page, '08-search');

  await page.goto(
    `${app.url}/diff?from=${app.releaseIds.get('Proton Mail Bridge 1.6.3')}&to=${app.releaseIds.get('Proton Mail Bridge 1.8.0')}`,
  );
  const changed = page.locator('details').filter({ hasText: 'Version changed' });
  await changed.waitFor();
  assert.match(await changed.innerText(), /golang\.org\/x\/net/);
  await screenshot(page, '09-diff');
});

test('licences, policy and decisions views', async () => {
  await page.getByRole('link', { name: 'Licences', exact: true }).click();
  await page.getByLabel('Search').fill('MPL-2.0');
  await page.getByRole('link', { name: 'MPL-2.0', exact: true }).click();
  await page.getByRole('heading', { name: 'Facts' }).waitFor();
  await page.getByRole('heading', { name: 'Obligations' }).waitFor();
  await screenshot(page, '10-licence');

  await page.getByRole('link', { name: 'Decisions', exact: true }).click();
  const tabs = page.getByRole('tablist', { name: 'Decision kinds' });
  await tabs.waitFor();
  assert.match(await tabs.innerText(), /Curations \([1-9]/, 'the AND confirmation is listed as a curation');
  await screenshot(page, '11-decisions');
});

test('a guest sees the portfolio but no editing controls', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await logIn(page, app.url, app.guestToken);
  await page.getByRole('link', { name: 'Products', exact: true }).click();
  await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
  assert.equal(await page.getByRole('form', { name: 'New product' }).count(), 0);
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByText('Your role may not import SBOMs').waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
});

test('no console errors in any view', () => {
  assert.deepEqual(browser.errors, []);
});
