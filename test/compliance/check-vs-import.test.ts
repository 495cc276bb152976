// Issue 8 item 1 (must show): `vigie check` and `import` + `validate` map an SBOM to a release the
// same way, so they give the same verdict step by step on every corpus SBOM (up to a size cap, to
// keep the suite's time bounded; VIGIE_CHECK_VS_IMPORT_ALL=1 takes every size).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { openStore } from '../../src/store/index.js';
import * as services from '../../src/services/index.js';
import type { ReleaseValidation, StepResult } from '../../src/compliance/index.js';
import { corpusFiles, needsCorpora } from '../support/corpora.js';

const CAP = process.env.VIGIE_CHECK_VS_IMPORT_ALL ? Infinity : 256 * 1024;
const FILES = corpusFiles('sboms', (p) => /\.(json|xml|spdx|yaml|yml)$/i.test(p) && statSync(p).size <= CAP);

/** What must agree: per step, passed/pending/checked and each blocker by its subject (ids differ). */
function verdict(steps: StepResult[]): unknown[] {
  return steps.map((s) => ({
    step: s.step,
    passed: s.passed,
    pending: s.pending,
    checked: s.checked,
    blockers: s.blockers
      .map((b) => [b.kind, b.componentKey, b.version, b.license, b.scope, b.project].join('|'))
      .sort(),
  }));
}

test('vigie check and import + validate agree step by step on the corpus SBOMs', needsCorpora, async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'vigie-check-vs-import-'));
  const policyFile = join(tmp, 'policy.json');
  const policyDocument = {
    licenses: { always: ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'BSD-2-Clause', 'ISC'], never: ['GPL-3.0-only'] },
    exploitations: [{ exploitation: 'distribution' }],
  };
  writeFileSync(policyFile, JSON.stringify(policyDocument));
  // Every other SBOM with acceptNormaliser=high on both sides (policy file / recorded setting).
  const trustingFile = join(tmp, 'policy-high.json');
  writeFileSync(trustingFile, JSON.stringify({ ...policyDocument, settings: { acceptNormaliser: 'high' } }));
  let compared = 0;
  let refusedByBoth = 0;
  try {
    for (const [i, file] of FILES.entries()) {
      const io = memoryIo(tmp);
      const trusting = i % 2 === 1;
      const code = await run(
        ['check', file, '--policy', trusting ? trustingFile : policyFile, '--outbound', 'MIT', '--format', 'json'],
        io,
      );
      const store = await openStore({ sqlitePath: join(tmp, `store-${i}.db`) });
      try {
        const product = await services.createProduct(store, { name: `p${i}`, outboundLicenses: ['MIT'] });
        const release = await services.createRelease(store, { productId: product.id, number: '1' });
        const imported = await services
          .importDocument(store, release.id, { content: readFileSync(file), fileName: file, author: 'test' })
          .then(
            () => true,
            () => false,
          );
        if (code === 2) {
          assert.equal(imported, false, `${file}: check refuses it but import accepts it`);
          refusedByBoth++;
          continue;
        }
        assert.equal(imported, true, `${file}: check reads it (exit ${code}) but import refuses it`);
        for (const license of ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'BSD-2-Clause', 'ISC'])
          await services.setLicensePolicy(store, {
            license,
            allowed: 'always',
            reviewStatus: 'checked',
            comment: null,
            categories: [],
          });
        await services.setLicensePolicy(store, {
          license: 'GPL-3.0-only',
          allowed: 'never',
          reviewStatus: 'checked',
          comment: null,
          categories: [],
        });
        await services.setExploitationRule(store, release.id, { scope: null, exploitation: 'distribution' });
        if (trusting) await services.updatePolicySettings(store, { acceptNormaliser: 'high' }, 'test');
        const checked = JSON.parse(io.out.join('')) as ReleaseValidation;
        const validated = await services.validateRelease(store, release.id);
        assert.deepEqual(verdict(validated.steps), verdict(checked.steps), file);
        assert.equal(validated.validationStep, checked.validationStep, file);
        assert.deepEqual(validated.report.settings, checked.settings, file);
        compared++;
      } finally {
        await store.close();
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  t.diagnostic(`${FILES.length} SBOMs: ${compared} compared, ${refusedByBoth} refused by both`);
  assert.ok(compared > 50, `compared ${compared} SBOMs (${refusedByBoth} refused by both)`);
});
