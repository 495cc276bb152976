import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptySbom, licenseFromExpression, type Component } from '../../../model/index.js';
import { encodeSpdx2Document, encodeSpdx2DocumentInSteps } from './encode-document.js';

test('the SPDX document built in steps pauses on a large SBOM and is the document built at once', () => {
  const sbom = emptySbom({ id: 'test', specVersion: '1' });
  sbom.metadata.component = {
    ref: 'app',
    type: 'application',
    name: 'app',
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
  };
  for (let i = 0; i < 10_000; i++) {
    const c: Component = {
      ref: `c${i}`,
      type: 'library',
      name: `c${i}`,
      version: '1.0.0',
      hashes: [],
      licenses: { concluded: licenseFromExpression(i % 2 ? 'MIT' : 'Apache-2.0') },
      externalReferences: [],
      properties: [],
    };
    sbom.components.push(c);
  }
  sbom.dependencies = [{ ref: 'app', dependsOn: sbom.components.map((c) => c.ref) }];
  const options = { timestamp: '2026-01-01T00:00:00Z' };
  const steps = encodeSpdx2DocumentInSteps(sbom, options);
  let pauses = 0;
  let next = steps.next();
  while (!next.done) {
    pauses++;
    next = steps.next();
  }
  assert.ok(pauses >= 5, `${pauses} pauses`);
  assert.deepEqual(next.value, encodeSpdx2Document(sbom, options));
});
