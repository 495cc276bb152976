// `vigie vuln scan` on files: exit codes 0/1/2, the JSON document, SARIF that validates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, needsCorpora } from '../support/corpora.js';
import { validateJsonSchema } from '../../src/schemas/index.js';
import { csafErrors } from '../support/csaf-oracle.js';
import { zipArchive } from '../support/zip.js';
import { hasStackTrace, vigie } from './run-cli.js';

const PB = () => corpus('sboms/cyclonedx/bom-examples/SBOM/proton-bridge/proton-bridge-v1.6.3.bom.json');
const GIN = () => corpus('vulns/osv/go/GO-2020-0001.json');

describe('vigie vuln scan', needsCorpora, () => {
  test('a finding exits 1; --fail-on none or kev (no KEV entry) exits 0', async () => {
    const base = ['vuln', 'scan', PB(), '--osv', GIN()];
    const found = await vigie(base);
    assert.equal(found.code, 1, found.stderr);
    assert.match(found.stdout, /CVE-2020-36567 .*github\.com\/gin-gonic\/gin@v1\.4\.0/);
    assert.match(found.stdout, /1 finding\(s\)/);
    assert.equal((await vigie([...base, '--fail-on', 'none'])).code, 0);
    assert.equal(
      (await vigie([...base, '--fail-on', 'kev', '--kev', corpus('vulns/kev/known_exploited_vulnerabilities.json')]))
        .code,
      0,
    );
  });

  test('--format json prints one document of the documented shape, purl as written', async () => {
    const r = await vigie(['vuln', 'scan', PB(), '--osv', GIN(), '--format', 'json']);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout) as {
      findings: Record<string, Record<string, unknown>>[];
      unchecked: unknown[];
      summary: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(doc), ['findings', 'unchecked', 'summary']);
    const f = doc.findings[0]!;
    assert.deepEqual(Object.keys(f), ['vulnerability', 'component', 'match', 'analysis']);
    assert.deepEqual(Object.keys(f.vulnerability!).sort(), [
      'aliases',
      'epss',
      'fixed',
      'id',
      'kev',
      'severity',
      'summary',
    ]);
    assert.deepEqual(Object.keys(f.component!).sort(), ['name', 'purl', 'ref', 'version']);
    assert.equal(f.component!.purl, 'pkg:golang/github.com/gin-gonic/gin@v1.4.0');
    assert.equal(f.analysis, null);
    assert.equal(doc.summary.failing, 1);
  });

  test('--format sarif validates against the SARIF 2.1.0 schema', async () => {
    const r = await vigie(['vuln', 'scan', PB(), '--osv', GIN(), '--format', 'sarif']);
    assert.equal(r.code, 1);
    assert.deepEqual(validateJsonSchema('sarif', '2.1.0', JSON.parse(r.stdout)), []);
  });

  test('usage and input errors exit 2 with one line, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-vuln-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"id": "GO-1", ');
    const cases: [string[], RegExp][] = [
      [['vuln', 'scan', PB(), '--osv', GIN(), '--format', 'spdx'], /--format: "spdx" is not one of/],
      [['vuln', 'scan', PB(), '--osv', GIN(), '--vex', broken], /--vex: .*broken\.json/],
      [['vuln', 'scan', PB(), '--osv', GIN(), '--vex', PB()], /--vex: .*CycloneDX VEX 1.2 is not supported/],
      [['vuln', 'scan', PB(), '--osv', GIN(), '--fail-on', 'severe'], /--fail-on: "severe" is not one of/],
      [['vuln', 'scan', PB(), '--osv', join(dir, 'missing')], /no such file or folder/],
      [['vuln', 'scan', join(dir, 'missing.json'), '--osv', GIN()], /does not exist/],
      [['vuln', 'scan', PB(), '--osv', GIN(), '--kev', broken], /not valid JSON/],
      [['vuln', 'scan', PB(), '--osv', GIN(), '--epss', broken], /EPSS|header/],
    ];
    for (const [args, message] of cases) {
      const r = await vigie(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.ok(!hasStackTrace(r.stderr), r.stderr);
    }
  });

  test('an invalid advisory is skipped and named, the scan goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-vuln-'));
    writeFileSync(join(dir, 'bad.json'), '{"id": "GO-2020-9999"}');
    writeFileSync(join(dir, 'broken.json'), '{"id": ');
    writeFileSync(join(dir, 'GO-2020-0001.json'), readFileSync(GIN(), 'utf8'));
    const r = await vigie(['vuln', 'scan', PB(), '--osv', dir, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout) as { summary: { database: { invalid: { where: string; reason: string }[] } } };
    assert.deepEqual(
      doc.summary.database.invalid.map((i) => [i.where.replace(dir, ''), i.reason.split(':')[0]]),
      [
        ['/bad.json', 'OSV schema'],
        ['/broken.json', 'not valid JSON'],
      ],
    );
    assert.match(r.stderr, /2 invalid and skipped/);
  });

  test('VEX out in the three formats validates; a not_affected statement read back clears the gate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-vuln-'));
    for (const format of ['cyclonedx-vex', 'openvex', 'csaf']) {
      const r = await vigie(['vuln', 'scan', PB(), '--osv', GIN(), '--format', format]);
      assert.equal(r.code, 1, r.stderr);
      const doc = JSON.parse(r.stdout) as Record<string, unknown>;
      if (format === 'cyclonedx-vex') assert.deepEqual(validateJsonSchema('cyclonedx-json', '1.6', doc), []);
      if (format === 'openvex') assert.deepEqual(validateJsonSchema('openvex', '0.2.0', doc), []);
      if (format === 'csaf') assert.deepEqual(await csafErrors(doc), []);
    }
    // Triage the one finding as not affected in OpenVEX and scan again with it.
    const out = await vigie(['vuln', 'scan', PB(), '--osv', GIN(), '--format', 'openvex']);
    const vex = JSON.parse(out.stdout) as { statements: Record<string, unknown>[] };
    vex.statements[0]!.status = 'not_affected';
    vex.statements[0]!.justification = 'vulnerable_code_not_in_execute_path';
    writeFileSync(join(dir, 'triage.openvex.json'), JSON.stringify(vex));
    const again = await vigie([
      'vuln',
      'scan',
      PB(),
      '--osv',
      GIN(),
      '--vex',
      join(dir, 'triage.openvex.json'),
      '--format',
      'json',
    ]);
    assert.equal(again.code, 0, again.stderr);
    const doc = JSON.parse(again.stdout) as { findings: { analysis: unknown }[]; summary: { failing: number } };
    // The analysis model speaks CycloneDX: OpenVEX's label reads as its CycloneDX counterpart.
    assert.deepEqual(doc.findings[0]!.analysis, { state: 'not_affected', justification: 'code_not_reachable' });
    assert.equal(doc.summary.failing, 0);
    assert.match(again.stderr, /1 finding\(s\) triaged/);
    // Two statements that disagree are a reported conflict, and the finding stays untriaged.
    const other = structuredClone(vex);
    other.statements[0]!.status = 'affected';
    other.statements[0]!.action_statement = 'upgrade gin';
    delete other.statements[0]!.justification;
    writeFileSync(join(dir, 'other.openvex.json'), JSON.stringify(other));
    const conflict = await vigie([
      'vuln',
      'scan',
      PB(),
      '--osv',
      GIN(),
      '--vex',
      join(dir, 'triage.openvex.json'),
      '--vex',
      join(dir, 'other.openvex.json'),
    ]);
    assert.equal(conflict.code, 1);
    assert.match(conflict.stderr, /VEX conflict: CVE-2020-36567 .* exploitable vs not_affected/);
  });

  test('the table shows the applied VEX state in a VEX column, only when VEX applies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-vuln-'));
    const vex = join(dir, 'gin.openvex.json');
    writeFileSync(
      vex,
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'https://example.com/vex/gin',
        author: 'Example PSIRT',
        timestamp: '2026-01-01T00:00:00Z',
        version: 1,
        statements: [
          {
            vulnerability: { name: 'CVE-2020-36567' },
            products: [{ '@id': 'pkg:golang/github.com/gin-gonic/gin@v1.4.0' }],
            status: 'not_affected',
            justification: 'vulnerable_code_not_in_execute_path',
          },
        ],
      }),
    );
    const plain = await vigie(['vuln', 'scan', PB(), '--osv', GIN()]);
    assert.doesNotMatch(plain.stdout.split('\n')[0]!, /VEX/);
    const triaged = await vigie(['vuln', 'scan', PB(), '--osv', GIN(), '--vex', vex]);
    assert.equal(triaged.code, 0, triaged.stderr);
    const [header, row] = triaged.stdout.split('\n');
    assert.match(header!, /^VULNERABILITY +SEVERITY +VEX +EPSS +COMPONENT/);
    assert.match(row!, /^CVE-2020-36567 +unknown +not_affected +- +github\.com\/gin-gonic\/gin@v1\.4\.0/);
  });

  test('osv.dev zip archives are read entry by entry; EPSS scores attach to the findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-vuln-'));
    const gin = readFileSync(GIN());
    writeFileSync(
      join(dir, 'all.zip'),
      zipArchive([
        { name: 'GO-2020-0001.json', content: gin },
        { name: 'notes/README.txt', content: 'not an advisory' },
        { name: 'bad.json', content: '{' },
      ]),
    );
    writeFileSync(
      join(dir, 'epss.csv'),
      '#model_version:v2025.03.14,score_date:2025-08-25T00:00:00Z\ncve,epss,percentile\nCVE-2020-36567,0.00262,0.49642\n',
    );
    const r = await vigie([
      'vuln',
      'scan',
      PB(),
      '--osv',
      join(dir, 'all.zip'),
      '--epss',
      join(dir, 'epss.csv'),
      '--format',
      'json',
    ]);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout) as {
      findings: { vulnerability: { epss: unknown } }[];
      summary: { database: { read: number; invalid: { where: string }[] } };
    };
    assert.deepEqual(doc.findings[0]!.vulnerability.epss, { probability: 0.00262, percentile: 0.49642 });
    assert.equal(doc.summary.database.read, 2);
    assert.deepEqual(
      doc.summary.database.invalid.map((i) => i.where.split('!')[1]),
      ['bad.json'],
    );
    writeFileSync(join(dir, 'broken.zip'), 'PK not really');
    const bad = await vigie(['vuln', 'scan', PB(), '--osv', join(dir, 'broken.zip')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not a readable zip archive/);
  });

  test("without --osv the store's vulnerability database is used", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-vuln-'));
    const db = join(dir, 'vigie.db');
    const imported = await vigie([
      'vuln',
      'db',
      'import',
      GIN(),
      corpus('vulns/kev/known_exploited_vulnerabilities.json'),
      '--db',
      db,
      '--quiet',
    ]);
    assert.equal(imported.code, 0, imported.stderr);
    const r = await vigie(['vuln', 'scan', PB(), '--db', db, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout) as {
      findings: { vulnerability: { id: string }; match: { record: string } }[];
      summary: { database: { source: string } };
    };
    assert.deepEqual(
      doc.findings.map((f) => [f.vulnerability.id, f.match.record]),
      [['CVE-2020-36567', 'GO-2020-0001']],
    );
    assert.equal(doc.summary.database.source, 'store');
    const empty = await vigie(['vuln', 'scan', PB(), '--db', join(dir, 'empty.db')]);
    assert.equal(empty.code, 0, empty.stderr);
    assert.match(empty.stderr, /no advisory for these components/);
  });
});
