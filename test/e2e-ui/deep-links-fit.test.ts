/// <reference lib="dom" />
// Every deep link opened directly (a bookmark, a shared URL) and reloaded, at phone (390 px) and
// desktop (1280 px) width: the page renders its heading and nothing widens it sideways. Found by
// hand: the CRA tab's Annex I table put its screen-reader "Save" header outside its scroll box (the
// page grew to 1290 px), the licence catalogue's compatibility card and the diff's release pickers
// were wider than a phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createProduct, createRelease } from '../../src/services/index.js';
import { startBrowserSession, logIn, screenshot, type App, type Browser } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => {
  ({ app, browser, page, close } = await startBrowserSession());
  // A long product name: the diff's release pickers list it.
  const product = await createProduct(app.store, { name: `Payments platform ${'and its many services '.repeat(4)}` });
  await createRelease(app.store, { productId: product.id, number: '2026.12.0-rc.1+build.4711' });
  await logIn(page, app.url, app.officerToken);
});
after(() => close?.());

async function deepLinks(): Promise<string[]> {
  const products = new Map((await app.store.listProducts()).map((p) => [p.name, p.id]));
  const bridgeOld = app.releaseIds.get('Proton Mail Bridge 1.6.3')!;
  const bridge = app.releaseIds.get('Proton Mail Bridge 1.8.0')!;
  const assistant = app.releaseIds.get('Support assistant 1.0.0')!;
  return [
    '/licenses',
    '/licenses/MIT',
    `/diff?from=${bridgeOld}&to=${bridge}`,
    `/products/${products.get('Proton Mail Bridge')}?tab=cra`,
    `/products/${products.get('Support assistant')}?tab=cra`,
    ...['bom', 'validation', 'obligations', 'vulnerabilities', 'imports', 'quality'].map(
      (tab) => `/releases/${bridge}?tab=${tab}`,
    ),
    `/releases/${assistant}?tab=ai`,
    `/components/${encodeURIComponent('pkg:golang/golang.org/x/net')}`,
  ];
}

const overflow = () =>
  page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    return scroller.scrollWidth - scroller.clientWidth;
  });

for (const width of [390, 1280]) {
  test(`deep links opened directly fit ${width} px`, async () => {
    await page.setViewportSize({ width, height: 900 });
    const wide: string[] = [];
    for (const link of await deepLinks()) {
      await page.goto(app.url + link);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      const extra = await overflow();
      if (extra > 0) {
        wide.push(`${link} +${extra}px`);
        await screenshot(page, `deep-link-${width}-${link.replace(/[^a-z0-9]+/gi, '-')}`);
      }
    }
    assert.deepEqual(wide, [], `no deep link scrolls sideways at ${width} px`);
  });
}

test('no console errors', () => {
  assert.deepEqual(browser.errors, []);
});
