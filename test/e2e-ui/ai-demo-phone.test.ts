/// <reference lib="dom" />
// Issue 10 item 7 on the demo portfolio, at phone width (390 px): the Support assistant's AI tab
// shows each model with its card, each dataset with its facts and the lineage as a graph (the
// quantised model, under it the fine-tune, under that its base model and datasets, under one of
// those the dataset it was derived from), and the page
// never scrolls sideways. The ML-BOM is data/demo/support-assistant-1.0.0.cdx.json.
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

const sidewaysOverflow = () =>
  page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);

test('the demo AI release shows cards, facts and the lineage graph at 390 px without sideways scrolling', async () => {
  const releaseId = app.releaseIds.get('Support assistant 1.0.0');
  assert.ok(releaseId, [...app.releaseIds.keys()].join(', '));
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, app.url, app.guestToken);
  await page.goto(`${app.url}/releases/${releaseId}?tab=ai`);
  await page.getByRole('heading', { name: 'Models' }).waitFor();

  const card = (name: string) =>
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name, exact: true }) })
      .innerText();
  const fineTune = await card('example/helpdesk-8b@1.0.0');
  assert.match(fineTune, /Task\s+text-generation/);
  assert.match(fineTune, /Parameters\s+8,030,261,248/);
  assert.match(fineTune, /Context size\s+8,192/);
  assert.match(fineTune, /Languages\s+en; fr/);
  assert.match(await card('example/helpdesk-8b-gguf@1.0.0-Q4_K_M'), /Library\s+llama\.cpp/);
  assert.match(await card('meta-llama/Llama-3.1-8B-Instruct@3.1'), /No model card: named by its lineage only/);
  const tickets = await card('example/synthetic-support-tickets@2025.2');
  assert.match(tickets, /Origin\s+synthetic/);
  assert.match(tickets, /Known bias\s+over-represents billing questions/);

  // The graph: one root (the shipped quantisation), the fine-tune under it, its sources under that.
  const graph = page.getByRole('list', { name: 'Lineage graph' });
  const roots = graph.locator(':scope > li');
  assert.equal(await roots.count(), 1);
  const root = roots.first();
  const nodeName = (li: ReturnType<Page['locator']>) => li.locator(':scope > .lineage-node strong').innerText();
  const edgeOf = async (li: ReturnType<Page['locator']>) =>
    `${await li.locator(':scope > .lineage-edge').innerText()} ${await nodeName(li)}`;
  assert.equal(await nodeName(root), 'example/helpdesk-8b-gguf@1.0.0-Q4_K_M');
  const quantised = root.locator(':scope > ul > li');
  assert.equal(await quantised.count(), 1);
  assert.equal(await edgeOf(quantised), 'quantised from example/helpdesk-8b@1.0.0');
  const sources = await Promise.all((await quantised.locator(':scope > ul > li').all()).map(edgeOf));
  assert.deepEqual(sources.sort(), [
    'fine-tuned from meta-llama/Llama-3.1-8B-Instruct@3.1',
    'tested on example/helpdesk-eval@1.0',
    'trained on example/support-faq-pairs@1.0',
    'trained on example/synthetic-support-tickets@2025.2',
  ]);
  // A dataset derived from another (issue 10 item 4): one level further down, under the training data.
  const ticketsNode = quantised
    .locator(':scope > ul > li')
    .filter({ has: page.locator(':scope > .lineage-node', { hasText: 'synthetic-support-tickets' }) });
  assert.deepEqual(await Promise.all((await ticketsNode.locator(':scope > ul > li').all()).map(edgeOf)), [
    'derived from example/support-faq-pairs@1.0',
  ]);

  // The demo declares its use; its documents can be fetched from each model.
  assert.match(await page.getByRole('region', { name: 'Declared use' }).innerText(), /12,000 monthly active users/);
  await page.getByRole('group', { name: 'AI Act documents of example/helpdesk-8b@1.0.0' }).waitFor();

  assert.equal(await sidewaysOverflow(), 0, 'the AI tab scrolls sideways at 390 px');
  await screenshot(page, '33-demo-ai-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, '34-demo-ai');
  assert.deepEqual(browser.errors, []);
});
