// Services are skipped by the reader; the dependency graph may still name them (CycloneDX lets a
// dependency entry be about a component or a service). Those places must go with the services.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora } from '../../../../test/support/corpora.js';
import { checkSbomSemantics } from '../../validate/index.js';
import { cyclonedxJson } from '../cyclonedx-json/index.js';

const shopWithQueue = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  metadata: { component: { type: 'application', 'bom-ref': 'shop', name: 'shop', version: '2.0.0' } },
  components: [{ type: 'library', 'bom-ref': 'orm', name: 'orm', version: '5.1.0' }],
  services: [{ 'bom-ref': 'queue', name: 'order-queue', services: [{ 'bom-ref': 'dlq', name: 'dead-letters' }] }],
  dependencies: [
    { ref: 'shop', dependsOn: ['orm', 'queue'] },
    { ref: 'queue', dependsOn: ['orm', 'dlq'] },
    { ref: 'dlq' },
    { ref: 'orm' },
  ],
};

test('dependency entries about skipped services are left out with them', () => {
  const { sbom, issues } = cyclonedxJson.decode({ text: JSON.stringify(shopWithQueue), name: 'shop.cdx.json' });
  assert.deepEqual(
    sbom.dependencies.map((d) => [d.ref, d.dependsOn]),
    [
      ['shop', ['orm']],
      ['orm', []],
    ],
  );
  assert.deepEqual(
    issues.map((i) => i.code),
    ['services-skipped'],
  );
  assert.deepEqual(
    checkSbomSemantics(sbom).filter((i) => i.severity !== 'info'),
    [],
  );
});

test("CycloneDX's SaaSBOM example, whose graph is made of services, has no dangling refs", needsCorpora, () => {
  const name = 'SaaSBOM/apigateway-microservices-datastores/bom.json';
  const text = readFileSync(corpus('sboms/cyclonedx/bom-examples', name), 'utf8');
  const { sbom } = cyclonedxJson.decode({ text, name });
  assert.deepEqual(
    checkSbomSemantics(sbom).filter((i) => i.severity === 'error'),
    [],
  );
});
