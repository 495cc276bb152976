// Step 1's blocker names the licence string it judged and gives that string's own problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapshotFromSbom, validateRelease } from '../../src/compliance/index.js';
import { readSbom } from '../../src/sbom/read.js';
import { policy } from './fixtures.js';

test('step 1: a declared licence that is no valid expression is blamed for its own problem, not for a NOASSERTION beside it', () => {
  // The usual SPDX 2 writer's package: no conclusion (NOASSERTION), the declared licence names a
  // LicenseRef that neither the knowledge base nor the policy knows.
  const document = JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'shop',
    documentNamespace: 'https://example.com/shop-1',
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: hand'] },
    documentDescribes: ['SPDXRef-shop'],
    packages: [
      { SPDXID: 'SPDXRef-shop', name: 'shop', versionInfo: '1', downloadLocation: 'NOASSERTION' },
      {
        SPDXID: 'SPDXRef-cart',
        name: 'cart',
        versionInfo: '2',
        downloadLocation: 'NOASSERTION',
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'MIT AND LicenseRef-Cart-Terms',
      },
    ],
    relationships: [
      { spdxElementId: 'SPDXRef-shop', relationshipType: 'DEPENDS_ON', relatedSpdxElement: 'SPDXRef-cart' },
    ],
  });
  const snapshot = snapshotFromSbom(readSbom(document, 'shop.spdx.json').sbom, {
    outboundLicenses: ['MIT'],
    policy: policy({ always: ['MIT'] }),
  });
  const [blocker, ...others] = validateRelease(snapshot).steps[0]!.blockers;
  assert.equal(others.length, 0);
  assert.equal(blocker?.license, 'MIT AND LicenseRef-Cart-Terms');
  assert.match(blocker!.message, /LicenseRef-Cart-Terms/);
  assert.doesNotMatch(blocker!.message, /NOASSERTION/);
});
