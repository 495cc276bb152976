// VEX on real documents: the CycloneDX VEX use cases, the CSAF VEX profile examples and the CSAF
// validator test data (oasis-tcs/csaf), read in place from ../shared/corpora.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, corpusFiles, needsCorpora } from '../../../test/support/corpora.js';
import { csafErrors } from '../../../test/support/csaf-oracle.js';
import { validateJsonSchema, validateWithSchema } from '../../schemas/index.js';
import { bomLinkTo, productLabel, readVex, writeVex, type VexStatement } from './index.js';
import { justificationToVex } from './vocabulary.js';

const NOW = '2026-12-03T08:00:00Z';
const read = (path: string) => readFileSync(path, 'utf8');
// The release SBOM the statements are tied to, as in `vigie vex export`: local bom-refs become BOM-Links into it.
const SBOM = { serialNumber: 'urn:uuid:11111111-2222-4333-8444-555555555555', version: 1 };
const options = {
  cdx: {
    format: 'cyclonedx-vex' as const,
    specVersion: '1.6' as const,
    serialNumber: 'urn:uuid:6b3a1c7e-0d1f-4c55-9a4e-0f8a2a1b2c3d',
    timestamp: NOW,
    sbom: SBOM,
  },
  openvex: {
    format: 'openvex' as const,
    id: 'https://vigie.example/vex/corpus',
    author: 'Vigie test',
    timestamp: NOW,
    sbom: SBOM,
  },
  csaf: {
    format: 'csaf' as const,
    trackingId: 'VIGIE-CORPUS',
    title: 'Corpus round trip',
    publisher: { name: 'Vigie test', namespace: 'https://vigie.example' },
    timestamp: NOW,
    sbom: SBOM,
  },
};

const essence = (s: VexStatement) =>
  JSON.stringify([
    s.vulnerability.id,
    s.product.bomLink ?? (s.product.ref ? bomLinkTo(SBOM, s.product.ref) : s.product.purl),
    s.analysis.state,
    s.analysis.justification ?? null,
    s.analysis.vexJustification ?? (s.analysis.justification ? justificationToVex(s.analysis.justification) : null),
  ]);

/** CycloneDX VEX → OpenVEX → CSAF → CycloneDX; returns the statements before and after and what was left out. */
function roundTrip(statements: VexStatement[]) {
  const ov = writeVex(statements, options.openvex);
  const ovBack = readVex(JSON.stringify(ov.document));
  const csaf = writeVex(ovBack.document.statements, options.csaf);
  const csafBack = readVex(JSON.stringify(csaf.document));
  const cdx = writeVex(csafBack.document.statements, options.cdx);
  const cdxBack = readVex(JSON.stringify(cdx.document));
  return {
    ov,
    csaf,
    cdx,
    after: cdxBack.document.statements,
    leftOut: [...ov.issues, ...csaf.issues, ...cdx.issues].filter((i) => i.severity === 'error'),
  };
}

describe('CycloneDX VEX use cases (bom-examples/VEX)', needsCorpora, () => {
  const files = corpusFiles('sboms/cyclonedx/bom-examples/VEX', (p) => /vex[^/]*\.json$/.test(p));
  test('there are VEX examples to read', () => assert.ok(files.length >= 20, String(files.length)));
  for (const file of files) {
    const name = file.slice(file.indexOf('VEX/'));
    test(`${name}: round trip keeps state, justification and product; outputs validate`, async () => {
      const { document } = readVex(read(file), name);
      const { ov, csaf, cdx, after, leftOut } = roundTrip(document.statements);
      if (after.length === 0) {
        // Nothing left to say (no affects[], or only conflicting analyses): the encoders refuse an empty document.
        assert.ok(ov.issues.some((i) => i.code === 'vex-empty'));
      } else {
        assert.deepEqual(validateJsonSchema('openvex', '0.2.0', ov.document), []);
        assert.deepEqual(validateJsonSchema('cyclonedx-json', '1.6', cdx.document), []);
        assert.deepEqual(await csafErrors(csaf.document), []);
      }
      // Statements a target must refuse (e.g. CISA case 1 "affected" without any response or action) are named, and only those go.
      const kept = document.statements.filter(
        (s) =>
          !leftOut.some(
            (i) => i.message.startsWith(`${s.vulnerability.id}:`) && i.component === productLabel(s.product),
          ),
      );
      assert.deepEqual(after.map(essence).sort(), kept.map(essence).sort());
    });
  }
  test('the jackson-databind example keeps its BOM-Link and code_not_reachable through all three formats', () => {
    const { document } = readVex(read(corpus('sboms/cyclonedx/bom-examples/VEX/vex.json')));
    const [s] = roundTrip(document.statements).after;
    assert.equal(
      s!.product.bomLink,
      'urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar',
    );
    assert.equal(s!.product.purl, 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar');
    assert.equal(s!.analysis.state, 'not_affected');
    assert.equal(s!.analysis.justification, 'code_not_reachable');
    assert.deepEqual(s!.analysis.responses, ['will_not_fix', 'update']);
  });
});

describe('CSAF VEX profile examples (oasis-tcs/csaf csaf_vex)', needsCorpora, () => {
  const schema = JSON.parse(read(corpus('vulns/csaf/json_schema/csaf_json_schema.json'))) as Record<string, unknown>;
  const references = ['cvss-v2.0.json', 'cvss-v3.0.json', 'cvss-v3.1.json'].map((f) => ({
    uri: `https://www.first.org/cvss/${f}`,
    schema: JSON.parse(read(corpus('vulns/csaf/referenced_schema/first', f))) as Record<string, unknown>,
  }));
  for (const file of corpusFiles('vulns/csaf/examples/csaf/csaf_vex', (p) => p.endsWith('.json'))) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    test(`${name}: read, written back as CSAF (official schema + BSI mandatory tests), read again unchanged`, async () => {
      const first = readVex(read(file), name);
      assert.deepEqual(first.issues, []);
      assert.ok(first.document.statements.length > 0);
      const out = writeVex(first.document.statements, options.csaf);
      assert.deepEqual(
        out.issues.filter((i) => i.severity === 'error'),
        [],
      );
      assert.deepEqual(validateWithSchema(schema, out.document, { draft: '2020', references }), []);
      assert.deepEqual(await csafErrors(out.document), []);
      const again = readVex(JSON.stringify(out.document));
      assert.deepEqual(again.document.statements.map(essence).sort(), first.document.statements.map(essence).sort());
    });
  }
});

describe('CSAF validator test data: the VEX-profile rules the reader enforces', needsCorpora, () => {
  // 6.1.27.9 impact statement, 6.1.27.10 action statement, 6.1.27.11 vulnerabilities, 6.1.33 one flag per product.
  const cases = (
    JSON.parse(read(corpus('vulns/csaf/validator-testdata/testcases.json'))) as {
      tests: { id: string; failures?: { name: string }[]; valid?: { name: string }[] }[];
    }
  ).tests.filter((t) => ['6.1.27.9', '6.1.27.10', '6.1.27.11', '6.1.33'].includes(t.id));
  test('the four tests are in the data', () => assert.equal(cases.length, 4));
  for (const t of cases) {
    for (const f of t.failures ?? []) {
      test(`${t.id} ${f.name}: rejected statement(s) reported`, () => {
        const { issues } = readVex(read(corpus('vulns/csaf/validator-testdata', f.name)), f.name);
        const reasons = issues.filter((i) => i.severity === 'error');
        assert.ok(reasons.length > 0, `expected an error for ${f.name}`);
        assert.ok(
          reasons.some((i) => i.message.includes(`test ${t.id}`)),
          reasons.map((i) => i.message).join('\n'),
        );
      });
    }
    for (const f of t.valid ?? []) {
      test(`${t.id} ${f.name}: accepted without error`, () => {
        const { issues, document } = readVex(read(corpus('vulns/csaf/validator-testdata', f.name)), f.name);
        assert.deepEqual(
          issues.filter((i) => i.severity === 'error'),
          [],
        );
        assert.ok(document.statements.length > 0);
      });
    }
  }
});
