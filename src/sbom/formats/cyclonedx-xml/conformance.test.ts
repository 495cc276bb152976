// The CycloneDX specification's own conformance suite, XML half (1.0–1.7 and the 1.0 extensions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { corpus, corpusFiles, needsCorpora } from '../../../../test/support/corpora.js';
import { hasErrors } from '../../../model/index.js';
import { UnreadableDocumentError } from '../../format.js';
import { validateXmlBatch, type XmlDocument } from '../cyclonedx-common/xsd-batch.test.js';
import { namespaceVersion } from './identify.js';
import { cyclonedxXml } from './index.js';

const files = corpusFiles('sboms/cyclonedx/conformance', (p) => p.endsWith('.xml'));
const valid = files.filter((f) => basename(f).startsWith('valid-'));
const invalid = files.filter((f) => basename(f).startsWith('invalid-'));

test('the suite is there', needsCorpora, () => {
  assert.ok(valid.length >= 200, `found ${valid.length} valid XML files`);
  assert.ok(invalid.length >= 150, `found ${invalid.length} invalid XML files`);
  assert.ok(valid.some((f) => basename(dirname(f)) === '1.0'));
});

test('every valid-* XML file decodes without error Issues', needsCorpora, () => {
  const failures: string[] = [];
  for (const file of valid) {
    try {
      const { issues } = cyclonedxXml.decode({ text: readFileSync(file, 'utf8'), name: basename(file) });
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) failures.push(`${basename(file)}: ${errors.map((e) => e.message).join('; ')}`);
    } catch (e) {
      failures.push(`${basename(file)}: threw ${(e as Error).message}`);
    }
  }
  assert.deepEqual(failures, []);
});

/** The XSD a document names in its namespace: 1.2+ ship with Vigie, 1.0/1.1 are read from the corpus. */
function xsdFor(specVersion: string): string | undefined {
  if (specVersion === '1.0' || specVersion === '1.1') {
    return readFileSync(corpus('schemas', 'cyclonedx', `bom-${specVersion}.xsd`), 'utf8');
  }
  return undefined;
}

test('every invalid-* XML file is rejected, flagged, or fails the schema', needsCorpora, async (t) => {
  const tally = { rejected: 0, flagged: 0, schema: 0 };
  const toValidate = new Map<string, XmlDocument[]>();
  for (const file of invalid) {
    const text = readFileSync(file, 'utf8');
    try {
      const { issues } = cyclonedxXml.decode({ text, name: basename(file) });
      if (hasErrors(issues)) {
        tally.flagged++;
        continue;
      }
    } catch (e) {
      assert.ok(e instanceof UnreadableDocumentError, `${basename(file)} threw ${String(e)}`);
      tally.rejected++;
      continue;
    }
    const version = namespaceVersion(text) ?? basename(dirname(file));
    const list = toValidate.get(version) ?? [];
    list.push({ name: basename(file), text });
    toValidate.set(version, list);
  }
  const missed: string[] = [];
  for (const [version, docs] of toValidate) {
    const violations = await validateXmlBatch(version, docs, xsdFor(version));
    for (const d of docs) {
      if (violations.has(d.name)) tally.schema++;
      else missed.push(d.name);
    }
  }
  t.diagnostic(`caught by: ${JSON.stringify(tally)}`);
  assert.deepEqual(missed, []);
  assert.ok(tally.rejected >= 5, JSON.stringify(tally));
  assert.ok(tally.flagged >= 5, JSON.stringify(tally));
});
