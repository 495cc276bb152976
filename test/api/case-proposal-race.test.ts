// Opening the Art. 14 case a KEV proposal suggests is refused (409) once a case names the
// vulnerability. Two people clicking "Open case" at once both passed the check and opened two cases
// (two 24-hour clocks for one flaw). Both dialects: exactly one case, the other requests 409.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { targets } from '../store/support/databases.js';
import { bearer, startApi } from './support.js';
import { importVulnDatabase } from '../../src/services/index.js';

const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [{ type: 'library', name: 'minimist', version: '1.2.5', purl: 'pkg:npm/minimist@1.2.5' }],
});
const ADVISORY = {
  schema_version: '1.6.0',
  id: 'GHSA-xvch-5gv4-984h',
  modified: '2024-01-01T00:00:00Z',
  aliases: ['CVE-2021-44906'],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'minimist' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.6' }] }],
    },
  ],
};
const KEV = {
  catalogVersion: '2026.12.01',
  dateReleased: '2026-12-01T00:00:00Z',
  vulnerabilities: [
    { cveID: 'CVE-2021-44906', dateAdded: '2026-11-30', dueDate: '2026-12-21', knownRansomwareCampaignUse: 'Known' },
  ],
};

for (const target of targets()) {
  test(
    `concurrent opens of one case proposal open one case [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target);
      const dir = mkdtempSync(join(tmpdir(), 'vigie-case-race-'));
      try {
        const officer = { ...bearer(api.tokens['compliance-officer']), 'content-type': 'application/json' };
        const created = await api.app.inject({
          method: 'POST',
          url: '/api/imports?product=Shop&release=1.0&create=true',
          headers: officer,
          payload: SBOM,
        });
        assert.equal(created.statusCode, 201, created.body);
        const { releaseId } = created.json().import as { releaseId: number };
        const paths = [
          ['osv.json', [ADVISORY]],
          ['kev.json', KEV],
        ].map(([name, content]) => {
          const path = join(dir, name as string);
          writeFileSync(path, JSON.stringify(content));
          return path;
        });
        await importVulnDatabase(api.fresh.store, paths, { now: '2026-12-04T08:00:00.000Z' });
        const scan = await api.app.inject({
          method: 'POST',
          url: `/api/releases/${releaseId}/vulnerabilities/scan`,
          headers: bearer(api.tokens['compliance-officer']),
        });
        assert.equal(scan.statusCode, 201, scan.body);
        const published = await api.app.inject({
          method: 'PATCH',
          url: `/api/releases/${releaseId}`,
          headers: officer,
          payload: { shipStatus: 'published' },
        });
        assert.equal(published.statusCode, 200, published.body);
        const productId = (await api.fresh.store.findProductByName('Shop'))!.id;
        const proposals = await api.app.inject({ method: 'GET', url: '/api/cra/case-proposals', headers: officer });
        assert.equal(proposals.json().length, 1, proposals.body);

        const answers = await Promise.all(
          Array.from({ length: 6 }, () =>
            api.app.inject({
              method: 'POST',
              url: '/api/cra/case-proposals/open',
              headers: officer,
              payload: { productId, release: '1.0', vulnerability: 'CVE-2021-44906' },
            }),
          ),
        );
        assert.deepEqual(
          answers.map((a) => a.statusCode).sort(),
          [201, 409, 409, 409, 409, 409],
          answers.map((a) => a.body.slice(0, 120)).join('\n'),
        );
        assert.equal((await api.fresh.store.listReportingCases(productId)).length, 1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await api.close();
      }
    },
  );
}
