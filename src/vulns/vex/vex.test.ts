import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateJsonSchema } from '../../schemas/index.js';
import { csafErrors } from '../../../test/support/csaf-oracle.js';
import {
  ANALYSIS_STATES,
  CDX_JUSTIFICATIONS,
  VEX_JUSTIFICATIONS,
  JUSTIFICATION_TABLE,
  STATE_TABLE,
  bomLinkTo,
  readVex,
  writeVex,
  type VexStatement,
} from './index.js';
import { justificationFromVex, justificationToVex } from './vocabulary.js';
import { canonicalVulnerabilityId } from './vulnerability-ids.js';

const NOW = '2026-12-03T08:00:00Z';
const SBOM = { serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79', version: 1 };

const cdxOptions = {
  format: 'cyclonedx-vex' as const,
  specVersion: '1.6' as const,
  serialNumber: 'urn:uuid:6b3a1c7e-0d1f-4c55-9a4e-0f8a2a1b2c3d',
  timestamp: NOW,
};
const openvexOptions = {
  format: 'openvex' as const,
  id: 'https://vigie.example/vex/shop/1.0.0',
  author: 'Acme PSIRT',
  timestamp: NOW,
};
const csafOptions = {
  format: 'csaf' as const,
  trackingId: 'VIGIE-VEX-shop-1.0.0',
  title: 'VEX for shop 1.0.0',
  publisher: { name: 'Acme PSIRT', namespace: 'https://acme.example' },
  timestamp: NOW,
};

function statement(
  n: number,
  analysis: Partial<VexStatement['analysis']> & Pick<VexStatement['analysis'], 'state'>,
): VexStatement {
  return {
    vulnerability: { id: `CVE-2021-${String(40000 + n)}`, aliases: [`GHSA-aaaa-bbbb-${String(1000 + n)}`] },
    product: { purl: `pkg:npm/lib${n}@1.0.${n}`, ref: `lib${n}@1.0.${n}` },
    analysis: { responses: [], ...analysis },
  };
}

/** Every state, every CycloneDX justification and every five-label justification, each with what its format requires. */
function everyAnalysis(): VexStatement[] {
  const out: VexStatement[] = [];
  let n = 0;
  for (const j of CDX_JUSTIFICATIONS)
    out.push(statement(n++, { state: 'not_affected', justification: j, detail: `because ${j}` }));
  for (const j of VEX_JUSTIFICATIONS)
    out.push(statement(n++, { state: 'not_affected', justification: justificationFromVex(j), vexJustification: j }));
  out.push(statement(n++, { state: 'false_positive', justification: 'requires_dependency' }));
  out.push(statement(n++, { state: 'exploitable', responses: ['update'], actionStatement: 'Upgrade lib to 2.0.0.' }));
  out.push(statement(n++, { state: 'exploitable', responses: ['will_not_fix', 'workaround_available'] }));
  out.push(statement(n++, { state: 'in_triage' }));
  out.push(statement(n++, { state: 'resolved', responses: ['update'] }));
  out.push(statement(n++, { state: 'resolved_with_pedigree', detail: 'patched in our fork' }));
  return out;
}

const essenceOf = (s: VexStatement) => ({
  vuln: s.vulnerability.id,
  state: s.analysis.state,
  justification: s.analysis.justification,
  label:
    s.analysis.vexJustification ??
    (s.analysis.justification ? justificationToVex(s.analysis.justification) : undefined),
});
const byVuln = (a: { vuln: string }, b: { vuln: string }) => a.vuln.localeCompare(b.vuln);

describe('the one vocabulary table', () => {
  test('every CycloneDX state maps out, and each target status reads back as exactly one state', () => {
    for (const state of ANALYSIS_STATES)
      assert.equal(STATE_TABLE.filter((r) => r.cyclonedx === state).length, 1, state);
    for (const status of new Set(STATE_TABLE.map((r) => r.openvex))) {
      assert.equal(STATE_TABLE.filter((r) => r.back && r.openvex === status).length, 1, status);
    }
  });
  test('every CycloneDX justification has one written form and every label one reading', () => {
    for (const j of CDX_JUSTIFICATIONS)
      assert.equal(JUSTIFICATION_TABLE.filter((r) => r.forth && r.cyclonedx === j).length, 1, j);
    for (const l of VEX_JUSTIFICATIONS)
      assert.equal(JUSTIFICATION_TABLE.filter((r) => r.back && r.vex === l).length, 1, l);
    assert.equal(justificationToVex('code_not_reachable'), 'vulnerable_code_not_in_execute_path');
    assert.equal(justificationFromVex('component_not_present'), 'code_not_present');
  });
});

describe('VEX outputs', () => {
  test('OpenVEX output validates against the OpenVEX 0.2.0 schema and reports what it cannot hold', () => {
    const { document, issues } = writeVex(everyAnalysis(), openvexOptions);
    assert.deepEqual(validateJsonSchema('openvex', '0.2.0', document), []);
    const lossy = issues.filter((i) => i.code === 'lossy-encode').map((i) => i.message);
    assert.ok(
      lossy.some((m) => m.includes('state false_positive')),
      lossy.join('\n'),
    );
    assert.ok(
      lossy.some((m) =>
        m.includes(
          'justification requires_configuration is written as vulnerable_code_cannot_be_controlled_by_adversary',
        ),
      ),
    );
    assert.ok(!lossy.some((m) => m.includes('code_not_reachable')), 'an exact mapping is not lossy');
    assert.equal(issues.filter((i) => i.severity === 'error').length, 0);
  });

  test('CSAF output passes the CSAF 2.0 strict schema test and every mandatory test of the BSI validator', async () => {
    const { document, issues } = writeVex(everyAnalysis(), { ...csafOptions, sbom: SBOM });
    assert.deepEqual(await csafErrors(document), []);
    assert.equal(issues.filter((i) => i.severity === 'error').length, 0);
    const doc = document as { vulnerabilities: { flags?: unknown[]; threats?: unknown[]; remediations?: unknown[] }[] };
    assert.equal(doc.vulnerabilities.length, everyAnalysis().length, 'one entry per CVE (test 6.1.23)');
  });

  test('CycloneDX VEX output validates against the CycloneDX 1.6 and 1.7 schemas with BOM-Links into the SBOM', () => {
    for (const specVersion of ['1.6', '1.7'] as const) {
      const { document } = writeVex(everyAnalysis(), { ...cdxOptions, specVersion, sbom: SBOM });
      assert.deepEqual(validateJsonSchema('cyclonedx-json', specVersion, document), []);
      const refs = (document as { vulnerabilities: { affects: { ref: string }[] }[] }).vulnerabilities.flatMap((v) =>
        v.affects.map((a) => a.ref),
      );
      assert.ok(
        refs.every((r) => r.startsWith('urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#lib')),
        refs[0],
      );
    }
    const local = writeVex(everyAnalysis(), cdxOptions).document as { components: { purl: string }[] };
    assert.deepEqual(validateJsonSchema('cyclonedx-json', '1.6', local), []);
    assert.equal(
      local.components.length,
      everyAnalysis().length,
      'without an SBOM the products are listed in the VEX BOM',
    );
  });

  for (const sbom of [SBOM, undefined]) {
    const identity = sbom ? 'the BOM-Link into the release SBOM' : 'the purl';
    test(`round trip CycloneDX -> OpenVEX -> CSAF -> CycloneDX keeps state, justification and product identity (${identity})`, () => {
      const start = everyAnalysis();
      const opts = sbom ? { sbom } : {};
      const cdx1 = readVex(JSON.stringify(writeVex(start, { ...cdxOptions, ...opts }).document));
      const ov = readVex(JSON.stringify(writeVex(cdx1.document.statements, { ...openvexOptions, ...opts }).document));
      const csaf = readVex(JSON.stringify(writeVex(ov.document.statements, { ...csafOptions, ...opts }).document));
      const cdx2 = readVex(JSON.stringify(writeVex(csaf.document.statements, { ...cdxOptions, ...opts }).document));
      for (const r of [cdx1, ov, csaf, cdx2])
        assert.deepEqual(
          r.issues.filter((i) => i.severity !== 'info'),
          [],
          r.document.format,
        );
      const key = (s: VexStatement) => (sbom ? (s.product.bomLink ?? bomLinkTo(sbom, s.product.ref!)) : s.product.purl);
      const essence = (s: VexStatement) => ({ ...essenceOf(s), product: key(s) });
      assert.deepEqual(cdx2.document.statements.map(essence).sort(byVuln), start.map(essence).sort(byVuln));
      const first = cdx2.document.statements.find((s) => s.vulnerability.id === 'CVE-2021-40000')!;
      if (sbom) assert.equal(first.product.bomLink, 'urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#lib0@1.0.0');
      else assert.equal(first.product.purl, 'pkg:npm/lib0@1.0.0');
      assert.deepEqual(first.vulnerability.aliases, ['GHSA-aaaa-bbbb-1000']);
    });
  }
});

describe('per-status required fields', () => {
  test('not_affected without justification or detail, and affected without response or action, are left out with the reason', () => {
    const bad = [statement(1, { state: 'not_affected' }), statement(2, { state: 'exploitable' })];
    for (const options of [openvexOptions, csafOptions]) {
      const { document, issues } = writeVex(bad, options);
      assert.deepEqual(
        issues.map((i) => i.code),
        ['vex-missing-required', 'vex-missing-required', 'vex-empty'],
        options.format,
      );
      assert.ok(issues[0]!.message.includes('CVE-2021-40001'));
      if (options.format === 'openvex') assert.deepEqual((document as { statements: unknown[] }).statements, []);
    }
  });

  test('OpenVEX input: not_affected without justification or impact statement is skipped and said', () => {
    const doc = {
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': 'https://example.com/vex/1',
      author: 'x',
      timestamp: NOW,
      version: 1,
      statements: [
        { vulnerability: { name: 'CVE-2023-1' }, products: [{ '@id': 'pkg:npm/a@1' }], status: 'not_affected' },
        {
          vulnerability: { name: 'CVE-2023-2' },
          products: [{ '@id': 'pkg:npm/a@1' }],
          status: 'not_affected',
          impact_statement: 'never called',
        },
      ],
    };
    const { document, issues } = readVex(JSON.stringify(doc));
    assert.deepEqual(
      document.statements.map((s) => s.vulnerability.id),
      ['CVE-2023-2'],
    );
    assert.equal(issues[0]!.code, 'vex-missing-required');
    assert.equal(issues[0]!.field, '/statements/0');
  });

  test('two different analyses of one vulnerability for one product are a reported conflict, not a choice', () => {
    const a = statement(1, { state: 'not_affected', justification: 'code_not_present' });
    const b = { ...a, analysis: { state: 'exploitable' as const, responses: ['update' as const] } };
    const { document, issues } = writeVex([a, b], csafOptions);
    assert.equal(issues[0]!.code, 'vex-conflict');
    assert.equal((document as { vulnerabilities: unknown[] }).vulnerabilities.length, 0);
  });
});

describe('reading', () => {
  test('unknown and unsupported documents say what they are', () => {
    assert.throws(() => readVex('{"spdxVersion":"SPDX-2.3"}', 'x.json'), /x.json is not a VEX format I know/);
    assert.throws(() => readVex('{"document":{"csaf_version":"2.1"}}', 'y.json'), /CSAF 2.1 is not supported/);
    assert.throws(() => readVex('{"a":', 'z.json'), /z.json is not valid JSON at line 1/);
  });
});

describe('OpenVEX 0.0.1', () => {
  // vexctl still writes and ships documents of the first OpenVEX draft: a bare vulnerability name,
  // and products and subcomponents as bare identifiers beside the statement.
  test('products and subcomponents given as bare identifiers are read', () => {
    const doc = {
      '@context': 'https://openvex.dev/ns',
      '@id': 'first-draft-doc',
      author: 'Jane Roe',
      role: 'issuer',
      statements: [
        {
          timestamp: '2023-01-09T21:23:03-06:00',
          products: ['pkg:oci/toolbox@sha256%3A0a1b2c'],
          subcomponents: ['pkg:npm/left-pad@1.3.0'],
          vulnerability: 'CVE-2022-11111',
          status: 'not_affected',
          justification: 'vulnerable_code_not_in_execute_path',
        },
        {
          products: ['pkg:apk/wolfi/zsh@5.9-r1'],
          vulnerability: 'CVE-2022-22222',
          status: 'under_investigation',
        },
      ],
    };
    const { document, issues } = readVex(JSON.stringify(doc));
    assert.deepEqual(issues, []);
    assert.deepEqual(
      document.statements.map((s) => [s.vulnerability.id, s.product.purl, s.analysis.state, s.analysis.justification]),
      [
        ['CVE-2022-11111', 'pkg:npm/left-pad@1.3.0', 'not_affected', 'code_not_reachable'],
        ['CVE-2022-22222', 'pkg:apk/wolfi/zsh@5.9-r1', 'in_triage', undefined],
      ],
    );
  });
});

describe('CSAF detail of an affected product', () => {
  // The detail says why the product is affected; the remediation says what to do. CSAF holds the
  // first as an impact threat next to the remediation, whatever the product status.
  test('an exploitable analysis with a response keeps its detail through CSAF', () => {
    const start = statement(7, {
      state: 'exploitable',
      responses: ['update'],
      detail: 'reachable from the upload handler',
      actionStatement: 'Upgrade lib7 to 1.0.8',
    });
    const { document, issues } = writeVex([start], csafOptions);
    assert.deepEqual(issues, []);
    const back = readVex(JSON.stringify(document)).document.statements[0]!;
    assert.equal(back.analysis.detail, 'reachable from the upload handler');
    assert.equal(back.analysis.actionStatement, 'Upgrade lib7 to 1.0.8');
    assert.deepEqual(back.analysis.responses, ['update']);
  });
});

test('vulnerability ids typed in any case are written as their database writes them', () => {
  assert.deepEqual(
    [
      'cve-2021-44228',
      ' Cve-2021-44228 ',
      'ghsa-JFH8-C2JP-5V3Q',
      'pysec-2021-19',
      'rustsec-2021-0001',
      'GO-2022-0515',
      'openSUSE-SU-2024:13491-1',
      'openEuler-SA-2024-1001',
      'weird',
    ].map(canonicalVulnerabilityId),
    [
      'CVE-2021-44228',
      'CVE-2021-44228',
      'GHSA-jfh8-c2jp-5v3q',
      'PYSEC-2021-19',
      'RUSTSEC-2021-0001',
      'GO-2022-0515',
      'openSUSE-SU-2024:13491-1',
      'openEuler-SA-2024-1001',
      'weird',
    ],
  );
});
