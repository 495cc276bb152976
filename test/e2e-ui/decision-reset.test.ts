/// <reference lib="dom" />
// "Reset all" on the decisions page removes every decision of the kind shown, through the API's
// reset route (DELETE /api/decisions?type=). It used to post to a route that never existed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startBrowserSession, logIn, type App, type Browser } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => ({ app, browser, page, close } = await startBrowserSession()));
after(() => close?.());

test('resetting the curations removes every curation and only them', async () => {
  await logIn(page, app.url, app.officerToken);
  const headers = { authorization: `Bearer ${app.officerToken}`, 'content-type': 'application/json' };
  for (const name of ['vague-one', 'vague-two']) {
    const res = await fetch(`${app.url}/api/decisions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        type: 'curation',
        component: `pkg:npm/${name}`,
        fromExpression: 'Some licence of our own',
        toExpression: 'MIT',
        explanation: 'browser test',
      }),
    });
    assert.equal(res.status, 201, await res.text());
  }
  const kinds = async () =>
    ((await (await fetch(`${app.url}/api/decisions`, { headers })).json()) as Array<{ type: string }>).map(
      (d) => d.type,
    );
  const before = await kinds();
  assert.equal(before.filter((t) => t === 'curation').length >= 2, true);

  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/decisions'))
      requests.push(`${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`);
  });
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('link', { name: 'Decisions', exact: true }).click();
  await page.getByRole('tab', { name: /^Curations/ }).click();
  await page.getByRole('button', { name: 'Reset all curations' }).click();
  await page.getByText('None recorded.').waitFor();

  assert.ok(requests.includes('DELETE /api/decisions?type=curation'), requests.join('\n'));
  const after = await kinds();
  assert.equal(after.filter((t) => t === 'curation').length, 0);
  assert.deepEqual(
    after.filter((t) => t !== 'curation'),
    before.filter((t) => t !== 'curation'),
    'other kinds are kept',
  );
  assert.deepEqual(browser.errors, []);
});
