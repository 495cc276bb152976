import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReleaseValidation } from '../compliance/index.js';
import { gzipSync } from 'node:zlib';
import { gunzipText, joinReport, splitReport } from './run-report.js';

function report(): ReleaseValidation {
  const blocker = { usageIds: [1], component: 'a@1', step: 1, kind: 'invalid-expression', message: 'a@1: not SPDX' };
  return {
    releaseId: 7,
    steps: [
      {
        step: 1,
        name: 'Valid SPDX',
        passed: false,
        blockers: [blocker as never],
        pending: 0,
        checked: 1,
        notes: ['n'],
      },
      { step: 2, name: 'Confirm ANDs', passed: true, blockers: [], pending: 1, checked: 0, notes: [] },
    ],
    validationStep: 0,
    blockerCount: 1,
    usages: [
      {
        usageId: 1,
        expression: null,
        expressionOrigin: '',
        exploitation: null,
        effective: null,
        effectiveOrigin: '',
        licenses: null,
        blockedAt: 1,
      },
    ],
  };
}

test('split then joined through JSON: the same report, key order included; the details read once, on first use', () => {
  const original = report();
  const { summary, details } = splitReport(original, { releaseId: 7, productId: 1, productName: 'p', categories: [] });
  assert.equal(JSON.stringify(summary).includes('not SPDX'), false);
  let reads = 0;
  const detailsText = JSON.stringify(details);
  const joined = joinReport(JSON.parse(JSON.stringify(summary)), () => {
    reads++;
    return JSON.parse(detailsText);
  });
  assert.equal(joined.steps.length, 2);
  assert.equal(joined.validationStep, 0);
  assert.equal(reads, 0, 'reading the summary does not read the details');
  assert.equal(JSON.stringify(joined), JSON.stringify(original));
  assert.deepEqual(joined, original);
  assert.equal(reads, 1);
  assert.equal(joined.steps[0]!.blockers, joined.steps[0]!.blockers, 'a settled value, not re-read');
  joined.usages = [];
  assert.deepEqual(joined.usages, []);
  assert.deepEqual({ ...joined.steps[1]! }, original.steps[1]);
});

test('gunzipText gives back the text whole, characters cut by its 1 MiB pieces included, and refuses bytes that are not gzip', async () => {
  // 1, 2, 3 and 4 UTF-8 bytes per character: over 3 MiB, so pieces end inside characters.
  const text = JSON.stringify({ t: 'aé€😀'.repeat(330_000) });
  assert.equal(await gunzipText(gzipSync(Buffer.from(text, 'utf8'))), text);
  assert.equal(await gunzipText(gzipSync(Buffer.alloc(0))), '');
  await assert.rejects(gunzipText(Buffer.from('not gzip')), /incorrect header check/);
});
