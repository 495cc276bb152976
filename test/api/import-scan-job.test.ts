// A direct import over HTTP (201) of a large document leaves the vulnerability scan to a rescan job
// recorded in the import's transaction (issue 11 perf item 3, ADR 16): the request returns with the
// components written and validated, the job's id in `scanJobId`, the release's findings absent until
// a worker runs it, then there as an inline scan would have stored them. A small document is still
// scanned before the request returns. SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as services from '../../src/services/index.js';
import { SCAN_INLINE_UP_TO } from '../../src/api-contract/imports.js';
import { targets } from '../store/support/databases.js';
import { bearer, startApi } from './support.js';

const sbom = (count: number) =>
  JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'application', name: 'shop', 'bom-ref': 'shop' } },
    components: [
      { type: 'library', 'bom-ref': 'minimist', name: 'minimist', version: '1.2.5', purl: 'pkg:npm/minimist@1.2.5' },
      ...Array.from({ length: count - 1 }, (_, i) => ({
        type: 'library',
        'bom-ref': `p${i}`,
        name: `pkg-${i}`,
        version: '1.0.0',
        purl: `pkg:npm/pkg-${i}@1.0.0`,
      })),
    ],
  });

const RECORD = {
  schema_version: '1.6.0',
  id: 'GHSA-xvch-5gv4-984h',
  modified: '2024-01-01T00:00:00Z',
  aliases: ['CVE-2021-44906'],
  summary: 'Prototype Pollution in minimist',
  affected: [
    {
      package: { ecosystem: 'npm', name: 'minimist' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.6' }] }],
    },
  ],
};

for (const target of targets()) {
  test(
    `a large direct import is scanned by a job committed with it; a small one in the request [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target);
      const dir = mkdtempSync(join(tmpdir(), 'vigie-import-scan-'));
      try {
        const store = api.fresh.store;
        writeFileSync(join(dir, 'GHSA-xvch-5gv4-984h.json'), JSON.stringify(RECORD));
        await services.importVulnDatabase(store, [join(dir, 'GHSA-xvch-5gv4-984h.json')], {
          now: '2026-12-04T08:00:00Z',
        });
        const product = await services.createProduct(store, { name: 'Shop' });
        const large = await services.createRelease(store, { productId: product.id, number: '2.0.0' });
        const small = await services.createRelease(store, { productId: product.id, number: '1.0.0' });
        const pm = { ...bearer(api.tokens['project-manager']), 'content-type': 'application/json' };
        const guest = bearer(api.tokens.guest);
        const findings = async (releaseId: number) =>
          (
            await api.app.inject({ method: 'GET', url: `/api/releases/${releaseId}/vulnerabilities`, headers: guest })
          ).json();

        const res = await api.app.inject({
          method: 'POST',
          url: `/api/releases/${large.id}/imports?fileName=big.json`,
          headers: pm,
          payload: sbom(SCAN_INLINE_UP_TO + 1),
        });
        assert.equal(res.statusCode, 201, res.body);
        const outcome = res.json();
        assert.equal(outcome.counts.usagesInserted, SCAN_INLINE_UP_TO + 1, 'the components are written in the request');
        assert.equal(typeof outcome.scanJobId, 'number');
        assert.equal((await store.latestValidationRun(large.id))?.reason, 'import', 'and validated');
        const job = (
          await api.app.inject({ method: 'GET', url: `/api/jobs/${outcome.scanJobId}`, headers: guest })
        ).json();
        assert.deepEqual([job.kind, job.state, job.releaseId], ['rescan', 'queued', large.id]);
        assert.equal((await findings(large.id)).scan, null, 'no scan before a worker runs the job');

        assert.equal(await services.runWorker(store, { once: true }), 1);
        const after = await findings(large.id);
        assert.deepEqual([after.scan.reason, after.scan.stale], ['import', false]);
        assert.deepEqual(
          after.findings.map((f: { vulnerability: { id: string }; component: { purl: string } }) => [
            f.vulnerability.id,
            f.component.purl,
          ]),
          [['CVE-2021-44906', 'pkg:npm/minimist@1.2.5']],
        );
        assert.equal(after.scan.summary.components, SCAN_INLINE_UP_TO + 1);

        const direct = await api.app.inject({
          method: 'POST',
          url: `/api/releases/${small.id}/imports?fileName=small.json`,
          headers: pm,
          payload: sbom(3),
        });
        assert.equal(direct.statusCode, 201, direct.body);
        assert.equal(direct.json().scanJobId, undefined);
        const now = await findings(small.id);
        assert.equal(now.scan.reason, 'import', 'a small document is scanned before the request returns');
        assert.equal(now.findings.length, 1);
        assert.equal(await services.runWorker(store, { once: true }), 0, 'and leaves no job');
      } finally {
        await api.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
