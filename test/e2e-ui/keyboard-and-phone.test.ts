/// <reference lib="dom" />
// The main flows without a mouse, and the layout at phone width (390 px): nothing overflows
// sideways, the menu opens, the release page stays usable. No console errors either.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startBrowserSession, logIn, screenshot, type App, type Browser } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => ({ app, browser, page, close } = await startBrowserSession()));
after(() => close?.());

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(predicate: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((p) => document.activeElement?.matches(p) ?? false, predicate)) return;
  }
  assert.fail(`keyboard focus never reached ${predicate}`);
}

async function focusIsVisible(): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return false;
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  });
}

test('keyboard only: sign in, search the portfolio, open a release and move through its tabs', async () => {
  await page.goto(app.url);
  await tabTo('#token');
  await page.keyboard.type(app.officerToken);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

  await page.keyboard.press('Shift+Tab'); // from <main>, back into the header
  await tabTo('a[href="/search"]');
  assert.ok(await focusIsVisible(), 'the focused link shows a focus ring');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Portfolio search' }).waitFor();
  await tabTo('input[required]');
  await page.keyboard.type('fastify');
  await page.keyboard.press('Enter');
  const result = page.getByRole('link', { name: 'Vigie 0.1.0' });
  await result.waitFor();

  await tabTo('table a[href^="/releases/"]');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Vigie 0.1.0' }).waitFor();
  // The release does not pass yet: its page opens on the Validation tab, on what blocks it.
  await page.getByRole('tablist', { name: 'Validation steps' }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Validation', exact: true }).getAttribute('aria-selected'), 'true');
  await tabTo('[role="tab"][aria-selected="true"]');
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('table', { name: 'Bill of materials' }).waitFor();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('tablist', { name: 'Validation steps' }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Validation', exact: true }).getAttribute('aria-selected'), 'true');
  await tabTo('[role="tablist"][aria-label="Validation steps"] [role="tab"][aria-selected="true"]');
  assert.ok(await focusIsVisible(), 'the focused step tab shows a focus ring');
  await page.keyboard.press('End');
  assert.match((await page.evaluate(() => document.activeElement?.textContent)) ?? '', /6\. Compatibility/);
  await screenshot(page, '12-keyboard-focus');
});

test('phone width: no sideways scrolling, a menu button, usable release page', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await logIn(page, app.url, app.officerToken);
  // What the user feels: the page's own scroller is wider than the screen.
  const overflow = () =>
    page.evaluate(() => {
      const scroller = document.scrollingElement ?? document.documentElement;
      return scroller.scrollWidth - scroller.clientWidth;
    });
  assert.ok((await overflow()) <= 0, 'the dashboard fits 390 px');
  await screenshot(page, '13-phone-dashboard');

  const menu = page.getByRole('button', { name: 'Menu' });
  assert.equal(
    await page.getByRole('link', { name: 'Licences', exact: true }).isVisible(),
    false,
    'the navigation folds away',
  );
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.getByRole('link', { name: 'Products', exact: true }).click();
  await page.getByRole('link', { name: 'Proton Mail Bridge' }).click();
  await page.getByRole('link', { name: '1.8.0' }).click();
  await page.getByRole('tab', { name: 'BOM', exact: true }).click();
  await page.getByRole('table', { name: 'Bill of materials' }).waitFor();
  assert.ok((await overflow()) <= 0, 'the release page fits 390 px (the BOM scrolls inside its own box)');
  await screenshot(page, '14-phone-release');
  // Every tab of the release, measured once its content has loaded.
  const wide: string[] = [];
  for (const name of ['Validation', 'Obligations', 'Vulnerabilities', 'Imports', 'BOM']) {
    await page.getByRole('tab', { name, exact: true }).click();
    await page.getByRole('tabpanel').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const extra = await overflow();
    if (extra > 0) wide.push(`${name} +${extra}px`);
  }
  // The Validation tab, step by step: each step shows other blockers and forms (long purls in them).
  await page.getByRole('tab', { name: 'Validation', exact: true }).click();
  const steps = page.getByRole('tablist', { name: 'Validation steps' }).getByRole('tab');
  await steps.first().waitFor();
  for (let i = 0; i < (await steps.count()); i++) {
    await steps.nth(i).click();
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const extra = await overflow();
    if (extra > 0) wide.push(`Validation step ${i + 1} +${extra}px`);
  }
  await screenshot(page, '15-phone-validation');
  assert.deepEqual(wide, [], 'no release tab scrolls sideways at 390 px');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('no console errors', () => {
  assert.deepEqual(browser.errors, []);
});
