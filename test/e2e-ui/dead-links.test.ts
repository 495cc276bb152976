/// <reference lib="dom" />
// Dead deep links (a bookmark to a deleted release, a mistyped id, an unknown licence), opened
// directly at phone (390 px) and desktop (1280 px) width: the page says what is missing in its
// heading, gives the reason, and offers a way back to the list, which works. They showed one red
// line with no heading and no link (and "params/id must be integer" for /releases/abc).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createProduct, createRelease } from '../../src/services/index.js';
import { startBrowserSession, logIn, screenshot, type App } from './harness.js';

let app: App;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => {
  ({ app, page, close } = await startBrowserSession());
  await logIn(page, app.url, app.officerToken);
});
after(() => close?.());

const DEAD: Array<{ link: string; heading: string; reason: RegExp; back: string; list: string }> = [
  {
    link: '/releases/999999',
    heading: 'Release not found',
    reason: /release 999999 not found/,
    back: 'Back to products',
    list: 'Products',
  },
  {
    link: '/releases/abc?tab=bom',
    heading: 'Release not found',
    reason: /“abc” is not a release id/,
    back: 'Back to products',
    list: 'Products',
  },
  {
    link: '/releases/99999999999',
    heading: 'Release not found',
    reason: /is not a release id/,
    back: 'Back to products',
    list: 'Products',
  },
  {
    link: '/products/999999?tab=cra',
    heading: 'Product not found',
    reason: /product 999999 not found/,
    back: 'Back to products',
    list: 'Products',
  },
  {
    link: '/products/-3',
    heading: 'Product not found',
    reason: /“-3” is not a product id/,
    back: 'Back to products',
    list: 'Products',
  },
  {
    link: '/licenses/No-Such-Licence-1.0',
    heading: 'Licence not found',
    reason: /not found/,
    back: 'Back to licences',
    list: 'Licence catalogue',
  },
];

const overflow = () =>
  page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    return scroller.scrollWidth - scroller.clientWidth;
  });

for (const width of [390, 1280]) {
  test(`a dead deep link says what is missing and leads back to the list at ${width} px`, async () => {
    await page.setViewportSize({ width, height: 900 });
    for (const dead of DEAD) {
      await page.goto(app.url + dead.link);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      assert.equal(await heading.textContent(), dead.heading, dead.link);
      assert.match((await page.getByRole('alert').first().textContent()) ?? '', dead.reason, dead.link);
      const extra = await overflow();
      if (extra > 0) await screenshot(page, `dead-link-${width}-${dead.link.replace(/[^a-z0-9]+/gi, '-')}`);
      assert.equal(extra, 0, `${dead.link} scrolls sideways at ${width} px`);
      await page.getByRole('link', { name: dead.back }).click();
      await page.getByRole('heading', { level: 1, name: dead.list }).waitFor();
      assert.equal(new URL(page.url()).pathname, dead.list === 'Products' ? '/products' : '/licenses');
    }
  });
}

test('a release deleted while its page is open says so on the next load', async () => {
  const product = await createProduct(app.store, { name: 'Short-lived' });
  const release = await createRelease(app.store, { productId: product.id, number: '0.1' });
  await page.goto(`${app.url}/releases/${release.id}`);
  await page.getByRole('heading', { level: 1, name: 'Short-lived 0.1' }).waitFor();
  await app.store.deleteProduct(product.id);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Release not found' }).waitFor();
  assert.ok(await page.getByRole('link', { name: 'Back to products' }).isVisible());
});
