// The quality profiles worked out in slices (an import on PostgreSQL does so while its writes wait on
// the server) give exactly the results of the profiles worked out at once, and pause along the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSbom } from '../../src/sbom/read.js';
import { evaluateProfiles, evaluateProfilesInSlices, QUALITY_PROFILES } from '../../src/cra/profiles/index.js';
import { importQualityResults, importQualityResultsInSlices } from '../../src/services/import-quality.js';
import { syntheticCycloneDx } from '../../bench/synthetic-cyclonedx.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';

const documents = {
  'mixed 5,000 components': syntheticCycloneDx(5_000),
  'deep graph 6,000 components': deepGraphCycloneDx({ components: 6_000, depth: 300 }),
};

for (const [name, text] of Object.entries(documents)) {
  test(`quality in slices equals quality at once: ${name}`, async () => {
    const { sbom } = readSbom(text);
    const slices = evaluateProfilesInSlices(QUALITY_PROFILES, sbom);
    let pauses = 0;
    let step = slices.next();
    while (!step.done) {
      pauses++;
      step = slices.next();
    }
    // One pause after the view, then one per 2,048 components settled.
    assert.ok(pauses >= 3, `only ${pauses} pauses`);
    assert.deepEqual(step.value, evaluateProfiles(QUALITY_PROFILES, sbom));
    assert.deepEqual(await importQualityResultsInSlices(sbom), importQualityResults(sbom));
  });
}

test('quality in slices lets the event loop run while it works', async () => {
  const { sbom } = readSbom(documents['mixed 5,000 components']);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  try {
    await importQualityResultsInSlices(sbom);
  } finally {
    clearInterval(timer);
  }
  assert.ok(ticks > 0, 'no timer ran while the profiles were worked out');
});
