/// <reference lib="dom" />
// A finding's warnings reach the user in the browser: a Debian advisory (DSA) that derives from two
// CVEs, with a VEX analysis about only one of them, stays untriaged, and its card says which CVE no
// analysis covers (what `vigie vuln findings` prints), not only the API's `warnings` field.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startBrowserSession, logIn, type App, type Browser } from './harness.js';
import {
  createProduct,
  createRelease,
  importDocument,
  importVulnDatabase,
  scanAllReleases,
  setVexAnalysis,
} from '../../src/services/index.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
const dir = mkdtempSync(join(tmpdir(), 'vigie-warnings-'));
let releaseId = 0;

before(async () => {
  ({ app, browser, page, close } = await startBrowserSession());
  const product = await createProduct(app.store, { name: 'Appliance' });
  const release = await createRelease(app.store, { productId: product.id, number: '2.0' });
  releaseId = release.id;
  await importDocument(app.store, release.id, {
    content: JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { component: { type: 'application', name: 'appliance', 'bom-ref': 'app' } },
      components: [
        {
          type: 'library',
          'bom-ref': 'l',
          name: 'lib',
          version: '1.0-1',
          purl: 'pkg:deb/debian/lib@1.0-1?distro=debian-12',
        },
      ],
      dependencies: [{ ref: 'app', dependsOn: ['l'] }],
    }),
    fileName: 'appliance.cdx.json',
  });
  mkdirSync(join(dir, 'osv'));
  writeFileSync(
    join(dir, 'osv', 'DSA-9999-1.json'),
    JSON.stringify({
      schema_version: '1.6.0',
      id: 'DSA-9999-1',
      modified: '2024-01-01T00:00:00Z',
      upstream: ['CVE-2099-4002', 'CVE-2099-4003'],
      affected: [
        {
          package: { ecosystem: 'Debian:12', name: 'lib' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0-2' }] }],
        },
      ],
    }),
  );
  const now = new Date().toISOString();
  await importVulnDatabase(app.store, [join(dir, 'osv')], { now });
  await scanAllReleases(app.store, 'test', now);
  await setVexAnalysis(app.store, {
    product: 'Appliance',
    release: '2.0',
    component: 'pkg:deb/debian/lib',
    vulnerability: 'CVE-2099-4002',
    state: 'not_affected',
    justification: 'code_not_reachable',
    author: 'psirt',
    now,
  });
});
after(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

test("a finding's warning names the upstream CVE no analysis covers, on a phone too", async () => {
  await logIn(page, app.url, app.officerToken);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${app.url}/releases/${releaseId}?tab=vulnerabilities`);
    const card = page
      .getByRole('list', { name: 'Vulnerability findings' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^DSA-9999-1 / }) });
    await card.waitFor();
    const text = await card.innerText();
    assert.match(text, /Warnings/);
    assert.match(text, /VEX about CVE-2099-4002 not applied: DSA-9999-1 also covers CVE-2099-4003/);
  }
  assert.deepEqual(browser.errors, []);
});
