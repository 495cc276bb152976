// A run's details written as the steps find their blockers (RunDetailsStream) must be, byte for
// byte once decompressed, the JSON of the details splitReport makes from the whole validation: on
// releases small and large (several slices per step, an empty step, blockers of every step), and
// on a real one. The run read back must be the engine's, and the engine's counts must survive the
// blockers being let go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { placesOf, snapshotFromSbom, validateRelease, type ReleaseSnapshot } from '../../src/compliance/index.js';
import { emptySbom } from '../../src/model/sbom.js';
import { licenseFromExpression } from '../../src/model/license-statement.js';
import { prepareValidationRun } from '../../src/services/validation-runs.js';
import { reportOfParts, splitReport } from '../../src/services/run-report.js';
import { libraryComponent } from '../support/components.js';
import { needsCorpora } from '../support/corpora.js';
import { CERN, DROPWIZARD, corpusSbom, policy } from './fixtures.js';

const EXPRESSIONS = ['MIT', 'Apache-2.0 OR MIT', 'GPL-2.0-only', 'Custom Licence 7', 'EPL-1.0', 'MIT AND BSD-3-Clause'];

function syntheticSnapshot(size: number): ReleaseSnapshot {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  for (let i = 0; i < size; i++)
    sbom.components.push(
      libraryComponent(`c${i}`, {
        name: `c${i}`,
        version: `1.${i % 7}.0`,
        purl: `pkg:npm/c${i}@1.${i % 7}.0`,
        licenses: { declared: licenseFromExpression(EXPRESSIONS[i % EXPRESSIONS.length]!) },
        usages: [{ project: i % 5 === 0 ? 'api' : '', scope: i % 3 === 0 ? 'test' : 'runtime' }],
      }),
    );
  return snapshotFromSbom(sbom, {
    policy: policy({ always: ['MIT'], context: ['EPL-1.0'], never: ['GPL-2.0-only'] }),
  });
}

async function assertStreamedAsWhole(snapshot: ReleaseSnapshot): Promise<void> {
  const whole = validateRelease(snapshot, { namedGeneralisations: true });
  const expected = JSON.stringify(splitReport(whole, placesOf(snapshot)).details);
  const prepared = await prepareValidationRun(snapshot);
  assert.equal(gunzipSync(prepared.details.gzip).toString('utf8'), expected);
  // The counts and verdicts survive the blockers being let go; the report reads them back.
  assert.equal(prepared.engine.blockerCount, whole.blockerCount);
  assert.equal(prepared.engine.validationStep, whole.validationStep);
  assert.deepEqual(
    prepared.engine.steps.map((s) => [s.passed, s.blockers.length]),
    whole.steps.map((s) => [s.passed, s.blockers.length]),
  );
  // …and the blockers themselves were let go once written.
  assert.ok(prepared.engine.steps.every((s) => s.blockers.every((b) => b === undefined)));
  assert.deepEqual(reportOfParts(prepared.parts), validateRelease(snapshot));
  assert.equal(JSON.stringify(prepared.details.read()), expected);
  // Kept for a caller that shows them: the same bytes, and the blockers still there.
  const kept = await prepareValidationRun(snapshot, { keepBlockers: true });
  assert.equal(gunzipSync(kept.details.gzip).toString('utf8'), expected);
  assert.equal(JSON.stringify(kept.engine.steps), JSON.stringify(whole.steps));
  assert.deepEqual(reportOfParts(kept.parts), validateRelease(snapshot));
}

test('a run written as its steps find blockers is the run written whole, small and over many slices', async () => {
  for (const size of [0, 1, 7, 13_003]) await assertStreamedAsWhole(syntheticSnapshot(size));
  // Every step blocks something in the large one, and some steps span several slices (2,000 usages each).
  const large = validateRelease(syntheticSnapshot(13_003));
  assert.ok(large.steps.filter((s) => s.blockers.length > 2_000).length >= 1);
});

test('a run of real releases written as its steps find blockers is the run written whole', needsCorpora, async () => {
  for (const path of [DROPWIZARD, CERN])
    await assertStreamedAsWhole(
      snapshotFromSbom(corpusSbom(path), {
        exploitation: 'distribution',
        policy: policy({ always: ['Apache-2.0', 'MIT'], context: ['EPL-1.0', 'MPL-2.0'], never: ['GPL-2.0-only'] }),
      }),
    );
});
