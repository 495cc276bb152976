/// <reference lib="dom" />
// Issue 8 item 17 in a real browser: a component page (where it is used: releases, projects and
// scopes, effective licences, decisions that touch it), reached from a search hit and from a BOM
// row; the licence page lists the releases that use the licence. Deep links (with dots and an
// encoded purl) reload; a guest reads them too.
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

test('a search hit opens the component page, which lists every release using it and reloads', async () => {
  await logIn(page, app.url, app.officerToken);
  await page.goto(`${app.url}/search?component=${encodeURIComponent('golang.org/x/net')}`);
  await page.getByRole('link', { name: 'golang.org/x/net' }).first().click();
  await page.getByRole('heading', { name: 'golang.org/x/net', level: 1 }).waitFor();
  assert.match(decodeURIComponent(new URL(page.url()).pathname), /^\/components\/pkg:golang\/golang\.org\/x\/net/);
  const uses = page.getByRole('table').filter({ hasText: 'Effective licence' });
  let text = await uses.innerText();
  assert.match(text, /Proton Mail Bridge 1\.6\.3/);
  assert.match(text, /Proton Mail Bridge 1\.8\.0/);
  assert.match(await uses.locator('caption').innerText(), /Used by 2 releases/);

  await page.reload();
  await page.getByRole('heading', { name: 'golang.org/x/net', level: 1 }).waitFor();
  text = await page.getByRole('table').filter({ hasText: 'Effective licence' }).innerText();
  assert.match(text, /Proton Mail Bridge 1\.8\.0/);
  await screenshot(page, '22-component');

  // A usage row leads back into the release, on that usage.
  await page.getByRole('link', { name: 'Proton Mail Bridge 1.8.0' }).first().click();
  await page.waitForURL(/\/releases\/\d+\?tab=bom&usage=\d+/);
  await page.getByRole('region', { name: /golang\.org\/x\/net/ }).waitFor();
});

test('a BOM row leads to its component page, which shows the decisions touching it', async () => {
  const vigie = app.releaseIds.get('Vigie 0.1.0')!;
  await recordDecision(app.store, {
    type: 'derogation',
    categoryId: null,
    productId: null,
    releaseId: vigie,
    scope: null,
    project: null,
    exploitation: null,
    component: 'pkg:npm/fastify',
    version: null,
    license: 'MIT',
    linking: null,
    modification: null,
    author: 'Browser test',
    explanation: 'Reviewed for the component page test',
  });
  await page.goto(`${app.url}/releases/${vigie}?tab=bom`);
  await page.getByLabel('Search').fill('fastify');
  await page
    .getByRole('table', { name: 'Bill of materials' })
    .getByRole('link', { name: 'fastify', exact: true })
    .click();
  await page.getByRole('link', { name: 'Where else fastify is used' }).click();
  await page.getByRole('heading', { name: 'fastify', level: 1 }).waitFor();
  const uses = await page.getByRole('table').filter({ hasText: 'Effective licence' }).innerText();
  assert.match(uses, /Vigie 0\.1\.0/);
  assert.match(uses, /\tMIT\t/, 'the effective licence after decisions comes from the newest validation run');
  const decisions = page.getByRole('region', { name: 'Decisions that touch it' });
  assert.match(await decisions.innerText(), /Derogation: MIT allowed/);
  assert.match(await decisions.innerText(), /Reviewed for the component page test/);
});

test('a licence page (dotted id) lists the releases that use the licence, and reloads', async () => {
  await page.goto(`${app.url}/licenses/Apache-2.0`);
  const releases = page.getByRole('region', { name: 'Releases using Apache-2.0' });
  await releases.getByRole('link').first().waitFor();
  const names = await releases.getByRole('link').allInnerTexts();
  assert.ok(names.length > 0, 'some release uses Apache-2.0');
  await page.reload();
  await page.getByRole('region', { name: 'Releases using Apache-2.0' }).getByRole('link').first().waitFor();
  await screenshot(page, '23-licence-releases');
});

test('a guest reads the component page; an unknown component says so', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await logIn(page, app.url, app.guestToken);
  await page.goto(`${app.url}/components/${encodeURIComponent('pkg:npm/fastify')}`);
  await page.getByRole('heading', { name: 'fastify', level: 1 }).waitFor();
  await page.goto(`${app.url}/components/${encodeURIComponent('pkg:npm/no-such-package-here')}`);
  await page.getByText('No release of the portfolio uses pkg:npm/no-such-package-here').waitFor();
  await page.goto(`${app.url}/components/${encodeURIComponent('pkg:')}`);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /not a valid purl/);
});

test('no console errors', () => {
  assert.deepEqual(
    browser.errors.filter((e) => !/status of 400/.test(e)),
    [],
  );
});
