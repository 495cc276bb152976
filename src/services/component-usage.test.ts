// Where a component is used reads the effective licence from the newest stored run, whose resolved
// usages are stored apart (ADR 21): the rows must carry it, not null.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { createProduct, createRelease, importDocument, setExploitationRule } from './index.js';
import { componentUsage, releasesUsingLicense } from './component-usage.js';
import { portfolioOverview } from './portfolio-overview.js';

const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [
    {
      type: 'library',
      'bom-ref': 'a',
      name: 'left-pad',
      version: '1.3.0',
      purl: 'pkg:npm/left-pad@1.3.0',
      licenses: [{ license: { id: 'MIT' } }],
    },
    {
      type: 'library',
      'bom-ref': 'b',
      name: 'gpl-thing',
      version: '2.0.0',
      purl: 'pkg:npm/gpl-thing@2.0.0',
      licenses: [{ license: { id: 'GPL-3.0-only' } }],
    },
  ],
});

test('component usage, licence releases and the portfolio overview read the stored run in full', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-usage-'));
  const store = await openStore({ sqlitePath: join(dir, 'v.db') });
  try {
    const product = await createProduct(store, { name: 'p' });
    const release = await createRelease(store, { productId: product.id, number: '1' });
    await setExploitationRule(store, release.id, { scope: null, project: null, exploitation: 'distribution' });
    await importDocument(store, release.id, {
      content: SBOM,
      fileName: 'bom.json',
      mode: 'replace',
      policy: 'fill-missing',
      author: 't',
    });

    const usage = await componentUsage(store, 'pkg:npm/left-pad');
    assert.deepEqual(
      usage.releases.flatMap((r) => r.usages.map((u) => u.effective)),
      ['MIT'],
    );
    const mit = await releasesUsingLicense(store, 'MIT');
    assert.deepEqual(
      mit.map((r) => r.usages),
      [1],
    );
    const [overview] = await portfolioOverview(store);
    assert.ok(overview.blockers.length > 0, 'the newest run has blockers (no policy reviewed): they are counted');
    assert.equal(
      overview.blockers.reduce((n, b) => n + b.count, 0),
      overview.blockerCount,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
