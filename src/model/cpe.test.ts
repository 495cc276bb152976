import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusFiles, needsCorpora } from '../../test/support/corpora.js';
import { isCpeError, isValidCpe, parseCpe } from './cpe.js';

test('a 2.3 formatted string splits into its eleven attributes, quoting removed', () => {
  const cpe = parseCpe('cpe:2.3:a:Masterminds:semver\\/v3:3.1.1:*:*:*:*:*:*:*');
  assert.ok(!isCpeError(cpe));
  assert.equal(cpe.binding, '2.3');
  assert.equal(cpe.part, 'a');
  assert.equal(cpe.vendor, 'Masterminds');
  assert.equal(cpe.product, 'semver/v3');
  assert.equal(cpe.version, '3.1.1');
  assert.equal(cpe.other, '*');
});

test('a 2.2 URI fills missing attributes with ANY and unpacks a packed edition', () => {
  const cpe = parseCpe('cpe:/a:redhat:enterprise_linux:8::appstream');
  assert.ok(!isCpeError(cpe));
  assert.deepEqual(
    [cpe.part, cpe.vendor, cpe.product, cpe.version, cpe.update, cpe.edition],
    ['a', 'redhat', 'enterprise_linux', '8', '*', 'appstream'],
  );
  const packed = parseCpe('cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~');
  assert.ok(!isCpeError(packed));
  assert.equal(packed.update, '-');
  assert.equal(packed.swEdition, 'online');
  assert.equal(packed.targetSw, 'win2003');
  assert.equal(packed.targetHw, 'x64');
  const zlib = parseCpe('cpe:/a:compress:zlib:1.2.11:::en-us');
  assert.ok(!isCpeError(zlib));
  assert.equal(zlib.language, 'en-us');
});

test('malformed CPEs are rejected with a reason', () => {
  const cases = [
    'cpe:2.3:a:vendor:product:1.0', // too few components
    'cpe:2.3:x:vendor:product:1.0:*:*:*:*:*:*:*', // bad part
    'cpe:2.3:a:ven dor:product:1.0:*:*:*:*:*:*:*', // unquoted space
    'cpe:2.3:a:vendor:pro*duct:1.0:*:*:*:*:*:*:*', // wildcard inside a value
    'cpe:2.3:a:vendor::1.0:*:*:*:*:*:*:*', // empty value
    'cpe:/a:vendor:product:1.0:u:e:l:x', // eight components
    'cpe:/q:vendor', // bad part
    'cpe:/a:ven dor', // space
    'pkg:npm/left-pad@1.0.0',
  ];
  for (const text of cases) {
    const result = parseCpe(text);
    assert.ok(isCpeError(result), `${text} should be invalid`);
    assert.ok(result.error.length > 10);
  }
  const where = parseCpe('cpe:2.3:a:ven dor:product:1.0:*:*:*:*:*:*:*');
  assert.ok(isCpeError(where));
  assert.equal(where.position, 10);
});

// Every CPE found in the corpora's SBOMs (CycloneDX `cpe`, SPDX cpe22Type/cpe23Type references).
function corpusCpes(): string[] {
  const found = new Set<string>();
  const keep = (p: string) => /\.(json|xml|spdx)$/.test(p);
  const files = [...corpusFiles('sboms', keep), ...corpusFiles('sbom-quality', keep)];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/"cpe"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) found.add(JSON.parse(`"${m[1]}"`));
    for (const m of text.matchAll(/"referenceLocator"\s*:\s*"(cpe:[^"]*)"/g)) found.add(JSON.parse(`"${m[1]}"`));
    for (const m of text.matchAll(/<cpe>([^<]*)<\/cpe>/g)) found.add(m[1].trim());
    for (const m of text.matchAll(/^ExternalRef:\s*SECURITY\s+cpe2[23]Type\s+(\S+)/gm)) found.add(m[1]);
  }
  return [...found].sort();
}

test('every CPE in the corpora SBOMs is valid', needsCorpora, () => {
  const cpes = corpusCpes();
  assert.ok(cpes.length >= 5, `found ${cpes.length} CPEs`);
  const invalid = cpes.filter((c) => !isValidCpe(c));
  assert.deepEqual(invalid, []);
  console.log(`CPE: ${cpes.length} distinct corpus CPEs, all valid`);
});
