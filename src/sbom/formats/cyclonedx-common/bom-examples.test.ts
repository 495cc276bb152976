// Every document of the CycloneDX bom-examples collection decodes (SBOM, VEX, ML-BOM, CBOM, SaaSBOM, OBOM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { corpus, corpusFiles, needsCorpora } from '../../../../test/support/corpora.js';
import { UnreadableDocumentError, type SbomFormat } from '../../format.js';
import { cyclonedxJson } from '../cyclonedx-json/index.js';
import { cyclonedxXml } from '../cyclonedx-xml/index.js';

const ROOT = corpus('sboms/cyclonedx/bom-examples');
const documents = corpusFiles('sboms/cyclonedx/bom-examples', (p) => p.endsWith('.json') || p.endsWith('.xml'));
const formatOf = (file: string): SbomFormat => (file.endsWith('.json') ? cyclonedxJson : cyclonedxXml);

// The corpus README lists these two as not strict JSON (trailing commas).
const TRAILING_COMMAS = ['MLBOM/Dataset/bom.json', 'MLBOM/Model/OpenSource/bom.json'];

test('every bom-examples document is identified and decodes', needsCorpora, () => {
  const failures: string[] = [];
  let decoded = 0;
  for (const file of documents) {
    const name = relative(ROOT, file);
    if (TRAILING_COMMAS.includes(name)) continue;
    const text = readFileSync(file, 'utf8');
    const format = formatOf(file);
    const id = format.identify(text.slice(0, 65536));
    if (!id?.supported) {
      failures.push(`${name}: not identified (${id?.reason ?? 'no match'})`);
      continue;
    }
    try {
      const { sbom, issues } = format.decode({ text, name });
      if (issues.some((i) => i.severity === 'error')) failures.push(`${name}: error Issues`);
      assert.equal(sbom.source.id, format.id);
      decoded++;
    } catch (e) {
      failures.push(`${name}: ${(e as Error).message}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.equal(decoded, documents.length - TRAILING_COMMAS.length);
  assert.ok(decoded >= 70, `decoded ${decoded}`);
});

test('the two ML-BOMs with trailing commas are unreadable with a line number', needsCorpora, () => {
  for (const name of TRAILING_COMMAS) {
    const text = readFileSync(corpus('sboms/cyclonedx/bom-examples', name), 'utf8');
    assert.throws(
      () => cyclonedxJson.decode({ text, name }),
      (e: unknown) => {
        assert.ok(e instanceof UnreadableDocumentError);
        assert.ok(e.line !== undefined && e.line > 1, `line ${e.line}`);
        // The reported line holds the closing bracket that follows the trailing comma.
        const previous = text
          .split('\n')
          .slice(0, e.line - 1)
          .join('\n')
          .trimEnd();
        assert.ok(previous.endsWith(','), `line ${e.line} does not follow a trailing comma`);
        assert.match(
          e.message,
          new RegExp(`^${name.replace(/[./]/g, '\\$&')} is not valid JSON at line ${e.line}, column \\d+: `),
        );
        return true;
      },
    );
  }
});

test('Keycloak: 903 components with SPDX licences and hashes', needsCorpora, () => {
  const text = readFileSync(corpus('sboms/cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.json'), 'utf8');
  const { sbom } = cyclonedxJson.decode({ text });
  const raw = JSON.parse(text) as { components: { licenses?: unknown[]; hashes?: unknown[] }[] };
  assert.equal(sbom.components.length, raw.components.length);
  assert.equal(
    sbom.components.filter((c) => c.licenses.declared).length,
    raw.components.filter((c) => (c.licenses ?? []).length > 0).length,
  );
  assert.equal(
    sbom.components.reduce((n, c) => n + c.hashes.length, 0),
    raw.components.reduce((n, c) => n + (c.hashes ?? []).length, 0),
  );
});
