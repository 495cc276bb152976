// CSAF 2.0 provider directory layout (issue 12 item 5): advisories of fixed vulnerabilities under
// `csaf/white/<year>/<§5.1 file name>` with their .sha256/.sha512, `index.txt` and `changes.csv`
// as §7.1.12/§7.1.13 describe them, and a provider-metadata.json that validates against the CSAF
// provider JSON schema (vulns/csaf/json_schema) and names the same publisher as the advisories.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, needsCorpora } from '../support/corpora.js';
import { csafErrors } from '../support/csaf-oracle.js';
import { validateWithSchema } from '../../src/schemas/index.js';
import { csafAdvisory, csafFileName, csafProviderFiles } from '../../src/cra/documents/index.js';
import { emptyRecord, type CraRecord } from '../../src/cra/record/index.js';
import type { ReportingCase } from '../../src/model/reporting-case.js';
import { vigie } from '../cli/run-cli.js';

function record(csafUrl: string | null): CraRecord {
  const r = emptyRecord();
  r.information = { manufacturerName: 'Gateway Makers SA', manufacturerWebsite: 'https://gateway.example' };
  r.cvd = { ...r.cvd, contacts: ['mailto:security@gateway.example'], csafUrl };
  return r;
}

function fixedCase(id: number, createdAt: string, updatedAt: string): ReportingCase {
  return {
    id,
    productId: 1,
    type: 'vulnerability',
    title: `Flaw ${id}`,
    vulnerabilityId: `CVE-2026-1000${id}`,
    awareAt: createdAt,
    fixAvailableAt: updatedAt,
    earlyWarningSubmittedAt: null,
    notificationSubmittedAt: null,
    finalReportSubmittedAt: null,
    memberStates: [],
    facts: { affectedVersions: '1.0', exploitNature: 'Crafted request', securityUpdate: '1.1' },
    status: 'closed',
    createdBy: 'alice',
    createdAt,
    updatedAt,
  };
}

const sha = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');

function providerSchemaErrors(doc: unknown) {
  const read = (...p: string[]) => JSON.parse(readFileSync(corpus(...p), 'utf8')) as Record<string, unknown>;
  const references = [
    {
      uri: 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json',
      schema: read('vulns/csaf/json_schema/csaf_json_schema.json'),
    },
    ...['cvss-v2.0.json', 'cvss-v3.0.json', 'cvss-v3.1.json'].map((f) => ({
      uri: `https://www.first.org/cvss/${f}`,
      schema: read('vulns/csaf/referenced_schema/first', f),
    })),
  ];
  return validateWithSchema(read('vulns/csaf/json_schema/provider_json_schema.json'), doc, {
    draft: '2020',
    references,
  });
}

test('CSAF §5.1 file names keep lower-case letters, digits, + and -; any other run becomes one _', () => {
  assert.equal(csafFileName('ACME+SA 2026/01'), 'acme+sa_2026_01.json');
  assert.equal(csafFileName('Example Company -- 2026-YH4711'), 'example_company_--_2026-yh4711.json');
  assert.equal(csafFileName('RHSA-2019:1862'), 'rhsa-2019_1862.json');
});

test(
  'the provider directory: year folders, hashes, index.txt, changes.csv newest first, provider-metadata valid against the CSAF provider schema',
  needsCorpora,
  async () => {
    const r = record('https://gateway.example/.well-known/csaf/provider-metadata.json');
    const older = csafAdvisory(fixedCase(1, '2025-12-30T10:00:00Z', '2026-01-05T09:00:00Z'), 'Gateway', r).document!;
    const newer = csafAdvisory(fixedCase(2, '2026-03-01T08:00:00Z', '2026-03-02T08:00:00Z'), 'Gateway', r).document!;
    const { files, missing } = csafProviderFiles({ advisories: [newer, older], record: r, date: '2026-12-04' });
    assert.deepEqual(missing, {});
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    assert.deepEqual(
      [...byPath.keys()],
      [
        'csaf/provider-metadata.json',
        'csaf/white/2025/gateway-cra-case-1.json',
        'csaf/white/2025/gateway-cra-case-1.json.sha256',
        'csaf/white/2025/gateway-cra-case-1.json.sha512',
        'csaf/white/2026/gateway-cra-case-2.json',
        'csaf/white/2026/gateway-cra-case-2.json.sha256',
        'csaf/white/2026/gateway-cra-case-2.json.sha512',
        'csaf/white/changes.csv',
        'csaf/white/index.txt',
      ],
      'the folder is the year of the initial release date, not of the last change',
    );
    assert.equal(byPath.get('csaf/white/index.txt'), '2025/gateway-cra-case-1.json\n2026/gateway-cra-case-2.json\n');
    assert.equal(
      byPath.get('csaf/white/changes.csv'),
      '"2026/gateway-cra-case-2.json","2026-03-02T08:00:00Z"\n"2025/gateway-cra-case-1.json","2026-01-05T09:00:00Z"\n',
    );
    const advisory = byPath.get('csaf/white/2025/gateway-cra-case-1.json')!;
    assert.equal(
      byPath.get('csaf/white/2025/gateway-cra-case-1.json.sha256'),
      `${sha('sha256', advisory)}  gateway-cra-case-1.json\n`,
    );
    assert.equal(
      byPath.get('csaf/white/2025/gateway-cra-case-1.json.sha512'),
      `${sha('sha512', advisory)}  gateway-cra-case-1.json\n`,
    );
    assert.deepEqual(await csafErrors(JSON.parse(advisory)), []);

    const metadata = JSON.parse(byPath.get('csaf/provider-metadata.json')!);
    assert.deepEqual(providerSchemaErrors(metadata), []);
    assert.equal(metadata.distributions[0].directory_url, 'https://gateway.example/.well-known/csaf/white/');
    assert.equal(metadata.last_updated, '2026-03-02T08:00:00Z', 'the newest change, not the clock');
    assert.equal(metadata.role, 'csaf_provider');
    assert.deepEqual(
      { ...metadata.publisher, contact_details: undefined },
      { ...JSON.parse(advisory).document.publisher, contact_details: undefined },
      'the same publisher as the advisories',
    );

    // The schema oracle does reject what is wrong: a canonical URL that is not the metadata file's.
    assert.notDeepEqual(providerSchemaErrors({ ...metadata, canonical_url: 'https://gateway.example/csaf/' }), []);
    assert.notDeepEqual(providerSchemaErrors({ ...metadata, role: 'csaf_vendor' }), []);
  },
);

test('without a CSAF URL the advisories are still laid out and provider-metadata.json is named as missing', () => {
  const r = record(null);
  const doc = csafAdvisory(fixedCase(3, '2026-05-01T00:00:00Z', '2026-05-02T00:00:00Z'), 'Gateway', r).document!;
  const { files, missing } = csafProviderFiles({ advisories: [doc], record: r, date: '2026-12-04' });
  assert.deepEqual(Object.keys(missing), ['csaf/provider-metadata.json']);
  assert.match(missing['csaf/provider-metadata.json']![0]!, /cvd\.csafUrl/);
  assert.equal(
    files.some((f) => f.path === 'csaf/provider-metadata.json'),
    false,
  );
  assert.ok(files.some((f) => f.path === 'csaf/white/2026/gateway-cra-case-3.json'));
});

test(
  'vigie cra docs --out and --zip publish the fixed case as a CSAF provider directory; an unfixed case stays out',
  needsCorpora,
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-csaf-dir-'));
    const db = join(dir, 'cra.db');
    assert.equal((await vigie(['product', 'create', 'Gateway', '--db', db])).code, 0);
    const set = await vigie([
      'cra',
      'record',
      'set',
      'Gateway',
      '--answer',
      'marketsUnderOwnName=yes',
      '--info',
      'manufacturerName=Gateway Makers SA',
      '--info',
      'manufacturerWebsite=https://gateway.example',
      '--contact',
      'mailto:security@gateway.example',
      '--csaf-url',
      'https://gateway.example/.well-known/csaf/provider-metadata.json',
      '--db',
      db,
    ]);
    assert.equal(set.code, 0, set.stderr);
    const open = (title: string, extra: string[]) =>
      vigie([
        'cra',
        'case',
        'open',
        'Gateway',
        '--type',
        'vulnerability',
        '--title',
        title,
        '--vulnerability',
        'CVE-2026-12345',
        '--aware-at',
        '2026-10-31T10:17Z',
        '--fact',
        'affectedVersions=2.0.0 to 2.3.1',
        '--fact',
        'exploitNature=RCE via a crafted manifest',
        ...extra,
        '--db',
        db,
        '--json',
      ]);
    const fixed = await open('RCE in the update agent', [
      '--fact',
      'securityUpdate=2.3.2',
      '--fact',
      'userMeasures=Install 2.3.2',
    ]);
    assert.equal(fixed.code, 0, fixed.stderr);
    const id = JSON.parse(fixed.stdout).id as number;
    assert.equal((await open('Not fixed yet', ['--fact', 'userMeasures=Block port 8443'])).code, 0);

    const out = join(dir, 'out');
    const r = await vigie([
      'cra',
      'docs',
      'Gateway',
      '--out',
      out,
      '--zip',
      join(dir, 'docs.zip'),
      '--date',
      '2026-12-04',
      '--db',
      db,
      '--json',
    ]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const manifest = JSON.parse(r.stdout).manifest as { files: { path: string }[]; missing: Record<string, string[]> };
    const csafFiles = manifest.files.map((f) => f.path).filter((p) => p.startsWith('csaf/'));
    const year = new Date(
      JSON.parse(
        readFileSync(join(out, 'csaf/white', readFileSync(join(out, 'csaf/white/index.txt'), 'utf8').trim()), 'utf8'),
      ).document.tracking.initial_release_date,
    ).getUTCFullYear();
    const name = `${year}/gateway-cra-case-${id}.json`;
    assert.deepEqual(csafFiles, [
      'csaf/provider-metadata.json',
      `csaf/white/${name}`,
      `csaf/white/${name}.sha256`,
      `csaf/white/${name}.sha512`,
      'csaf/white/changes.csv',
      'csaf/white/index.txt',
    ]);
    assert.equal(manifest.missing['csaf/provider-metadata.json'], undefined);
    assert.equal(readFileSync(join(out, 'csaf/white/index.txt'), 'utf8'), `${name}\n`);
    assert.match(
      readFileSync(join(out, 'csaf/white/changes.csv'), 'utf8'),
      new RegExp(`^"${name}","\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"\\n$`),
    );
    assert.deepEqual(
      providerSchemaErrors(JSON.parse(readFileSync(join(out, 'csaf/provider-metadata.json'), 'utf8'))),
      [],
    );
    assert.deepEqual(await csafErrors(JSON.parse(readFileSync(join(out, 'csaf/white', name), 'utf8'))), []);
    assert.ok(existsSync(join(dir, 'docs.zip')));
    assert.ok(
      readFileSync(join(dir, 'docs.zip')).includes(Buffer.from(`csaf/white/${name}`)),
      'the zip holds the same layout',
    );
  },
);
