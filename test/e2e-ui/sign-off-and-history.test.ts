/// <reference lib="dom" />
// Issue 8 item 18 in a real browser: a release validated to step 6 is approved (with a reason),
// an approval goes out of date when the release changes, and an approved release ships (published);
// every decision recorded or removed, every policy edit and every sign-off step is in the history
// with who, when, why, before and after. A guest gets no sign-off control and the server refuses.
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

const signOff = () => page.getByRole('region', { name: 'Sign-off' });

test('approve, see the approval go out of date on a change, approve again and ship', async () => {
  await logIn(page, app.url, app.officerToken);
  const laravel = app.releaseIds.get('Laravel demo app 7.12.0')!;
  await page.goto(`${app.url}/releases/${laravel}`);
  await signOff().getByText('Not approved yet').waitFor();
  assert.equal(await signOff().getByRole('form', { name: 'Ship the release' }).count(), 0, 'nothing ships unapproved');

  const approve = signOff().getByRole('form', { name: 'Approve the release' });
  await approve.getByLabel('Why it may ship').fill('All six steps pass; obligations planned');
  await approve.getByRole('button', { name: 'Approve the release' }).click();
  await signOff()
    .getByText(/^Approved — Olivia Officer, .*: All six steps pass; obligations planned$/)
    .waitFor();

  // A usage edit records a new validation run: the approval no longer covers what ships.
  await page.getByRole('tab', { name: 'BOM', exact: true }).click();
  await page.getByRole('table', { name: 'Bill of materials' }).locator('.col-name a').first().click();
  await page
    .getByRole('form', { name: 'Edit the usage' })
    .getByLabel('Linking')
    .selectOption({ label: 'Dynamic linking' });
  await page.getByRole('button', { name: 'Save the usage' }).click();
  await signOff()
    .getByText(/^Approval out of date/)
    .waitFor();
  assert.equal(
    await signOff().getByRole('form', { name: 'Ship the release' }).count(),
    0,
    'an outdated approval does not ship',
  );

  await signOff().getByLabel('Why it may ship').fill('Linking recorded, still fine');
  await signOff().getByRole('button', { name: 'Approve the release' }).click();
  await signOff().getByRole('button', { name: 'Ship (publish) the release' }).click();
  await signOff()
    .getByText(/^Shipped \(published\) by Olivia Officer/)
    .waitFor();
  assert.equal((await app.store.getRelease(laravel))?.shipStatus, 'published');
  await screenshot(page, '28-sign-off');

  await page.reload();
  await signOff()
    .getByText(/^Shipped \(published\) by Olivia Officer/)
    .waitFor();
});

test('a blocked release cannot be approved', async () => {
  const vigie = app.releaseIds.get('Vigie 0.1.0')!;
  await page.goto(`${app.url}/releases/${vigie}`);
  await signOff()
    .getByText(/Not approved yet: the release passed step \d of 6/)
    .waitFor();
  assert.equal(await signOff().getByRole('form').count(), 0);
  const refused = await fetch(`${app.url}/api/releases/${vigie}/approval`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.officerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'trying anyway' }),
  });
  assert.equal(refused.status, 400);
  assert.match(
    ((await refused.json()) as { error: { message: string } }).error.message,
    /clear its blockers before approving/,
  );
});

test('the history shows decisions recorded and removed, policy edits and sign-off, with before and after', async () => {
  const vigie = app.releaseIds.get('Vigie 0.1.0')!;
  const choice = await recordDecision(app.store, {
    type: 'choice',
    categoryId: null,
    productId: null,
    releaseId: vigie,
    scope: null,
    project: null,
    exploitation: null,
    component: null,
    version: null,
    fromExpression: 'MIT OR WTFPL',
    toExpression: 'MIT',
    author: 'Lena Legal',
    explanation: 'MIT is the one we know',
  });
  await page.getByRole('link', { name: 'Decisions', exact: true }).click();
  await page.getByRole('tab', { name: /Licence choices/ }).click();
  await page.getByRole('button', { name: 'Remove decision MIT OR WTFPL → MIT' }).click();
  await page.getByRole('button', { name: 'Remove decision MIT OR WTFPL → MIT' }).waitFor({ state: 'detached' });

  await page.goto(`${app.url}/licenses/WTFPL`);
  await page.getByLabel('Allowed').selectOption('never');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

  await page.getByRole('link', { name: 'History', exact: true }).click();
  const list = page.getByRole('list', { name: 'Changes, newest first' });
  await list.waitFor();
  const items = await list.getByRole('listitem').allInnerTexts();
  const [policyEdit, removal, creation] = [
    items.find((t) => /Olivia Officer (changed|recorded) policy of WTFPL/.test(t)),
    items.find((t) => new RegExp(`Olivia Officer removed decision ${choice.id}\\b`).test(t)),
    items.find((t) => new RegExp(`Lena Legal recorded decision ${choice.id}\\b`).test(t)),
  ];
  assert.ok(policyEdit, `policy edit in: ${items.join(' | ')}`);
  assert.match(policyEdit, /After\s*allowed: never/);
  assert.ok(removal, 'the removal is listed');
  assert.match(removal, /Before\s*choice: MIT OR WTFPL → MIT/);
  assert.match(removal, /After\s*—/);
  assert.ok(creation, 'the creation is listed');
  assert.match(creation, /Why: MIT is the one we know/);
  assert.ok(items.some((t) => /Olivia Officer shipped release \d+/.test(t)));
  assert.equal(items.filter((t) => /Olivia Officer approved release/.test(t)).length, 2);
  await screenshot(page, '29-history');

  const laravel = app.releaseIds.get('Laravel demo app 7.12.0')!;
  await page.goto(`${app.url}/history?release=${laravel}&subject=release`);
  await list.waitFor();
  const mine = await list.getByRole('listitem').allInnerTexts();
  assert.equal(mine.length, 3, 'two approvals and one shipping');
  assert.ok(mine.every((t) => new RegExp(`release ${laravel}\\b`).test(t)));
});

test('a guest sees the sign-off state but no control; the server refuses the guest', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await logIn(page, app.url, app.guestToken);
  const bridge = app.releaseIds.get('Proton Mail Bridge 1.8.0')!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${app.url}/releases/${bridge}`);
  await signOff().getByText('Not approved yet', { exact: false }).waitFor();
  assert.equal(await signOff().getByRole('form').count(), 0);
  await page.goto(`${app.url}/history`);
  await page.getByRole('list', { name: 'Changes, newest first' }).waitFor();
  const extra = await page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    return scroller.scrollWidth - scroller.clientWidth;
  });
  assert.ok(extra <= 0, `the history fits 390 px (+${extra}px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const path of ['approval', 'ship']) {
    const refused = await fetch(`${app.url}/api/releases/${bridge}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.guestToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'guest' }),
    });
    assert.equal(refused.status, 403, path);
  }
});

test('no console errors', () => {
  assert.deepEqual(browser.errors, []);
});
