// `vigie vuln scan` on files: exit codes 0/1/2, the JSON document, SARIF that validates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, needsCorpora } from '../support/corpora.js';
import { validateJsonSchema } from '../../src/schemas/index.js';
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
    assert.equal((await vigie([...base, '--fail-on', 'kev', '--kev', corpus('vulns/kev/known_exploited_vulnerabilities.json')])).code, 0);
  });

  test('--format json prints one document of the documented shape, purl as written', async () => {
    const r = await vigie(['vuln', 'scan', PB(), '--osv', GIN(), '--format', 'json']);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout) as { findings: Record<string, Record<string, unknown>>[]; unchecked: unknown[]; summary: Record<string, unknown> };
    assert.deepEqual(Object.keys(doc), ['findings', 'unchecked', 'summary']);
    const f = doc.findings[0]!;
    assert.deepEqual(Object.keys(f), ['vulnerability', 'component', 'match', 'analysis']);
    assert.deepEqual(Object.keys(f.vulnerability!).sort(), ['aliases', 'epss', 'fixed', 'id', 'kev', 'severity', 'summary']);
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
      [['vuln', 'scan', PB()], /--osv <path> is required/],
      [['vuln', 'scan', PB(), '--osv', GIN(), '--format', 'openvex'], /VEX output is not available/],
      [['vuln', 'scan', PB(), '--osv', GIN(), '--vex', broken], /--vex: applying VEX documents is not available/],
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
});
