// The CycloneDX specification's own conformance suite, JSON half (1.2–1.7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { corpusFiles, needsCorpora } from '../../../../test/support/corpora.js';
import { hasErrors } from '../../../model/index.js';
import { validateJsonSchema } from '../../../schemas/index.js';
import { UnreadableDocumentError } from '../../format.js';
import { cyclonedxJson } from './index.js';

const files = corpusFiles('sboms/cyclonedx/conformance', (p) => p.endsWith('.json'));
const valid = files.filter((f) => basename(f).startsWith('valid-'));
const invalid = files.filter((f) => basename(f).startsWith('invalid-'));

test('the suite is there', needsCorpora, () => {
  assert.ok(valid.length >= 150, `found ${valid.length} valid JSON files`);
  assert.ok(invalid.length >= 100, `found ${invalid.length} invalid JSON files`);
});

test('every valid-* JSON file decodes without error Issues', needsCorpora, () => {
  const failures: string[] = [];
  for (const file of valid) {
    const text = readFileSync(file, 'utf8');
    try {
      const { issues } = cyclonedxJson.decode({ text, name: basename(file) });
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) failures.push(`${basename(file)}: ${errors.map((e) => e.message).join('; ')}`);
    } catch (e) {
      failures.push(`${basename(file)}: threw ${(e as Error).message}`);
    }
  }
  assert.deepEqual(failures, []);
});

/**
 * An invalid-* file must be caught somewhere: the decoder rejects it, or flags it with an error
 * Issue, or (for faults the model does not care about, e.g. a malformed hash or a licence id not on
 * the SPDX list) the official schema rejects it. The tally shows which line of defence caught what.
 */
test('every invalid-* JSON file is rejected, flagged, or fails the schema', needsCorpora, (t) => {
  const tally = { rejected: 0, flagged: 0, schema: 0 };
  const missed: string[] = [];
  for (const file of invalid) {
    const text = readFileSync(file, 'utf8');
    const specVersion = basename(dirname(file));
    let decoded = true;
    try {
      const { issues } = cyclonedxJson.decode({ text, name: basename(file) });
      if (hasErrors(issues)) {
        tally.flagged++;
        continue;
      }
    } catch (e) {
      assert.ok(e instanceof UnreadableDocumentError, `${basename(file)} threw ${String(e)}`);
      tally.rejected++;
      decoded = false;
    }
    if (!decoded) continue;
    const violations = validateJsonSchema('cyclonedx-json', specVersion, JSON.parse(text));
    if (violations && violations.length > 0) tally.schema++;
    else missed.push(basename(file));
  }
  t.diagnostic(`caught by: ${JSON.stringify(tally)}`);
  assert.deepEqual(missed, []);
  // invalid-bomformat-* must be refused outright, and duplicate refs flagged, not only schema-caught.
  assert.ok(tally.rejected >= 5, JSON.stringify(tally));
  assert.ok(tally.flagged >= 5, JSON.stringify(tally));
});
