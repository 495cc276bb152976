// `vigie vex set|import|list|export` on a real store: a triage recorded once is reused by the next
// release, conflicting analyses are reported, imports and exports go through all three formats.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateJsonSchema } from '../../src/schemas/index.js';
import { csafErrors } from '../support/csaf-oracle.js';
import { hasStackTrace, vigie } from './run-cli.js';

let dir: string;
let db: string;

function sbom(serial: string, components: [string, string][]): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: serial,
    version: 1,
    metadata: { component: { type: 'application', name: 'shop', version: '1', 'bom-ref': 'shop' } },
    components: components.map(([name, version]) => ({
      type: 'library',
      'bom-ref': `${name}@${version}`,
      name,
      version,
      purl: `pkg:npm/${name}@${version}`,
    })),
  });
}

async function ok(...args: string[]): Promise<string> {
  const r = await vigie([...args, '--db', db]);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-vex-'));
  db = join(dir, 'vigie.db');
  writeFileSync(
    join(dir, 'v1.json'),
    sbom('urn:uuid:11111111-1111-4111-8111-111111111111', [
      ['lodash', '4.17.20'],
      ['minimist', '1.2.5'],
    ]),
  );
  writeFileSync(
    join(dir, 'v2.json'),
    sbom('urn:uuid:22222222-2222-4222-8222-222222222222', [
      ['lodash', '4.17.20'],
      ['minimist', '1.2.6'],
    ]),
  );
  await ok('product', 'create', 'shop');
  await ok('release', 'create', 'shop', '1.0');
  await ok('release', 'create', 'shop', '2.0');
  await ok('import', 'shop', '1.0', join(dir, 'v1.json'));
  await ok('import', 'shop', '2.0', join(dir, 'v2.json'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a triage recorded for all releases of the product is reused by the next release, with who and when', async () => {
  await ok(
    'vex',
    'set',
    'shop',
    '1.0',
    '--component',
    'pkg:npm/lodash',
    '--vulnerability',
    'CVE-2021-23337',
    '--state',
    'not_affected',
    '--justification',
    'code_not_reachable',
    '--detail',
    'template() is never called',
    '--scope',
    'product',
    '--author',
    'alice',
  );
  const v2 = JSON.parse(await ok('vex', 'list', 'shop', '2.0', '--json')) as {
    statements: {
      vulnerability: { id: string };
      product: { purl: string };
      analysis: { state: string; justification: string };
      record: { author: string };
    }[];
  };
  assert.deepEqual(
    v2.statements.map((s) => [
      s.vulnerability.id,
      s.product.purl,
      s.analysis.state,
      s.analysis.justification,
      s.record.author,
    ]),
    [['CVE-2021-23337', 'pkg:npm/lodash@4.17.20', 'not_affected', 'code_not_reachable', 'alice']],
  );
});

test('a narrower analysis wins over a wider one; an older record stays as history', async () => {
  await ok(
    'vex',
    'set',
    'shop',
    '1.0',
    '--component',
    'pkg:npm/minimist@1.2.5',
    '--vulnerability',
    'CVE-2021-44906',
    '--state',
    'in_triage',
    '--author',
    'bob',
  );
  await ok(
    'vex',
    'set',
    'shop',
    '1.0',
    '--component',
    'pkg:npm/minimist@1.2.5',
    '--vulnerability',
    'CVE-2021-44906',
    '--state',
    'exploitable',
    '--response',
    'update',
    '--author',
    'bob',
  );
  const v1 = JSON.parse(await ok('vex', 'list', 'shop', '1.0', '--json')) as {
    statements: {
      vulnerability: { id: string };
      analysis: { state: string };
      history: { analysis: { state: string } }[];
    }[];
  };
  const minimist = v1.statements.find((s) => s.vulnerability.id === 'CVE-2021-44906')!;
  assert.equal(minimist.analysis.state, 'exploitable');
  assert.deepEqual(
    minimist.history.map((h) => h.analysis.state),
    ['in_triage'],
  );
  // Release 2.0 ships minimist 1.2.6: the analysis of 1.2.5 in 1.0 does not apply there.
  const v2 = JSON.parse(await ok('vex', 'list', 'shop', '2.0', '--json')) as {
    statements: { vulnerability: { id: string } }[];
  };
  assert.ok(!v2.statements.some((s) => s.vulnerability.id === 'CVE-2021-44906'));
});

test('two analyses of the same flaw at the same scope level that disagree are a conflict: listed, exit 1, not exported', async () => {
  await ok(
    'vex',
    'set',
    'shop',
    '2.0',
    '--component',
    'pkg:npm/minimist',
    '--vulnerability',
    'GHSA-xvch-5gv4-984h',
    '--state',
    'not_affected',
    '--detail',
    'no CLI parsing',
    '--author',
    'carol',
  );
  // The same flaw under its CVE id, once the alias is known from an imported OSV record.
  const osv = join(dir, 'GHSA-xvch-5gv4-984h.json');
  writeFileSync(
    osv,
    JSON.stringify({
      schema_version: '1.6.0',
      id: 'GHSA-xvch-5gv4-984h',
      modified: '2024-01-01T00:00:00Z',
      aliases: ['CVE-2021-44906'],
      affected: [
        {
          package: { ecosystem: 'npm', name: 'minimist' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.6' }] }],
        },
      ],
    }),
  );
  await ok('vuln', 'db', 'import', osv, '--quiet');
  await ok(
    'vex',
    'set',
    'shop',
    '2.0',
    '--component',
    'pkg:npm/minimist',
    '--vulnerability',
    'CVE-2021-44906',
    '--state',
    'exploitable',
    '--response',
    'will_not_fix',
    '--author',
    'dave',
  );
  const list = await vigie(['vex', 'list', 'shop', '2.0', '--db', db]);
  assert.equal(list.code, 1);
  assert.match(
    list.stdout,
    /CONFLICT (GHSA-xvch-5gv4-984h|CVE-2021-44906) for pkg:npm\/minimist@1\.2\.6: #\d+ not_affected by carol vs #\d+ exploitable by dave/,
  );
  const exp = await vigie(['vex', 'export', 'shop', '2.0', '--format', 'openvex', '--db', db]);
  assert.equal(exp.code, 0, exp.stderr);
  assert.match(exp.stderr, /conflict, not exported/);
  assert.ok(!exp.stdout.includes('minimist'));
});

test('exports validate (OpenVEX schema, CycloneDX 1.6 with BOM-Links, CSAF through the BSI validator), and import back into another release', async () => {
  const openvex = JSON.parse(await ok('vex', 'export', 'shop', '1.0', '--format', 'openvex', '--author', 'Acme PSIRT'));
  assert.deepEqual(validateJsonSchema('openvex', '0.2.0', openvex), []);
  const cdx = JSON.parse(
    await ok(
      'vex',
      'export',
      'shop',
      '1.0',
      '--format',
      'cyclonedx-vex',
      '--sbom-serial',
      'urn:uuid:11111111-1111-4111-8111-111111111111',
    ),
  );
  assert.deepEqual(validateJsonSchema('cyclonedx-json', '1.6', cdx), []);
  assert.ok(
    cdx.vulnerabilities.every((v: { affects: { ref: string }[] }) =>
      v.affects.every((a) => a.ref.startsWith('urn:cdx:11111111-1111-4111-8111-111111111111/1#version-')),
    ),
  );
  const csafPath = join(dir, 'shop-1.0.csaf.json');
  await ok('vex', 'export', 'shop', '1.0', '--format', 'csaf', '--namespace', 'https://acme.example', '-o', csafPath);
  assert.deepEqual(await csafErrors(JSON.parse(readFileSync(csafPath, 'utf8'))), []);

  await ok('release', 'create', 'shop', '3.0');
  await ok('import', 'shop', '3.0', join(dir, 'v1.json'));
  const imported = JSON.parse(await ok('vex', 'import', csafPath, 'shop', '3.0', '--author', 'importer', '--json')) as {
    format: string;
    recorded: number;
    unmatched: unknown[];
  };
  assert.deepEqual([imported.format, imported.unmatched.length], ['csaf', 0]);
  const v3 = JSON.parse(await ok('vex', 'list', 'shop', '3.0', '--json')) as {
    statements: {
      vulnerability: { id: string };
      analysis: { state: string; justification?: string };
      record: { origin: string };
    }[];
  };
  const minimist = v3.statements.find((s) => s.vulnerability.id === 'CVE-2021-44906')!;
  assert.equal(minimist.analysis.state, 'exploitable');
  assert.match(minimist.record.origin, /^import csaf /);
});

test('bad triage input is one line and exit 2', async () => {
  for (const args of [
    [
      'vex',
      'set',
      'shop',
      '1.0',
      '--component',
      'pkg:npm/lodash',
      '--vulnerability',
      'CVE-2021-1',
      '--state',
      'not_affected',
      '--author',
      'x',
    ],
    [
      'vex',
      'set',
      'shop',
      '1.0',
      '--component',
      'pkg:npm/nope',
      '--vulnerability',
      'CVE-2021-1',
      '--state',
      'in_triage',
      '--author',
      'x',
    ],
    [
      'vex',
      'set',
      'shop',
      '1.0',
      '--component',
      'pkg:npm/lodash',
      '--vulnerability',
      'CVE-2021-1',
      '--state',
      'wontfix',
      '--author',
      'x',
    ],
    ['vex', 'import', join(dir, 'v1.json'), 'shop', '9.9', '--author', 'x'],
  ]) {
    const r = await vigie([...args, '--db', db]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('a standalone CycloneDX VEX naming components by BOM-Link into the imported SBOM is recorded for them', async () => {
  // The way CycloneDX's own VEX examples name products: urn:cdx:<serial>/<version>#<bom-ref> of the
  // SBOM the release was imported from. A link into another SBOM names nothing here.
  const statement = (serial: string, ref: string, id: string) => ({
    id,
    analysis: { state: 'not_affected', justification: 'code_not_reachable', detail: 'never called' },
    affects: [{ ref: `urn:cdx:${serial}/1#${ref}` }],
  });
  const vex = {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    vulnerabilities: [
      statement('11111111-1111-4111-8111-111111111111', 'minimist@1.2.5', 'CVE-2099-0001'),
      statement('11111111-1111-4111-8111-111111111111', encodeURIComponent('lodash@4.17.20'), 'CVE-2099-0002'),
      statement('33333333-3333-4333-8333-333333333333', 'minimist@1.2.5', 'CVE-2099-0003'),
    ],
  };
  const path = join(dir, 'linked.cdx-vex.json');
  writeFileSync(path, JSON.stringify(vex));
  await ok('release', 'create', 'shop', '4.0');
  await ok('import', 'shop', '4.0', join(dir, 'v1.json'));
  const imported = JSON.parse(await ok('vex', 'import', path, 'shop', '4.0', '--author', 'psirt', '--json')) as {
    recorded: number;
    unmatched: { vulnerability: string }[];
  };
  assert.equal(imported.recorded, 2);
  assert.deepEqual(
    imported.unmatched.map((u) => u.vulnerability),
    ['CVE-2099-0003'],
  );
  const listed = JSON.parse(await ok('vex', 'list', 'shop', '4.0', '--json')) as {
    statements: { vulnerability: { id: string }; product: { purl?: string } }[];
  };
  assert.deepEqual(
    listed.statements
      .filter((s) => s.vulnerability.id.startsWith('CVE-2099-'))
      .map((s) => [s.vulnerability.id, s.product.purl])
      .sort(),
    [
      ['CVE-2099-0001', 'pkg:npm/minimist@1.2.5'],
      ['CVE-2099-0002', 'pkg:npm/lodash@4.17.20'],
    ],
  );
});

test('a VEX product named without a version is recorded for every version of it in the release', async () => {
  // `pkg:npm/minimist` in an OpenVEX statement is about every version, as `vuln scan --vex` reads
  // it; recording it for the first version found left the others untriaged.
  writeFileSync(
    join(dir, 'v5.json'),
    sbom('urn:uuid:55555555-5555-4555-8555-555555555555', [
      ['minimist', '1.2.5'],
      ['minimist', '0.0.8'],
    ]),
  );
  const vex = {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': 'https://example.com/vex/minimist-all',
    author: 'Example PSIRT',
    timestamp: '2026-01-01T00:00:00Z',
    version: 1,
    statements: [
      {
        vulnerability: { name: 'CVE-2099-0005' },
        products: [{ '@id': 'pkg:npm/minimist' }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
      },
    ],
  };
  writeFileSync(join(dir, 'all.openvex.json'), JSON.stringify(vex));
  await ok('release', 'create', 'shop', '5.0');
  await ok('import', 'shop', '5.0', join(dir, 'v5.json'));
  await ok('vex', 'import', join(dir, 'all.openvex.json'), 'shop', '5.0', '--author', 'psirt');
  const listed = JSON.parse(await ok('vex', 'list', 'shop', '5.0', '--json')) as {
    statements: { vulnerability: { id: string }; product: { purl?: string } }[];
  };
  assert.deepEqual(
    listed.statements
      .filter((s) => s.vulnerability.id === 'CVE-2099-0005')
      .map((s) => s.product.purl)
      .sort(),
    ['pkg:npm/minimist@0.0.8', 'pkg:npm/minimist@1.2.5'],
  );
});

test('CycloneDX per-version statuses are recorded for the versions they name, and survive an export and re-import', async () => {
  // One statement about minimist: exploitable for 0.x, 1.2.6 listed unaffected. The release ships
  // three versions; 1.2.5 is in neither list and stays without analysis.
  writeFileSync(
    join(dir, 'v6.json'),
    sbom('urn:uuid:66666666-6666-4666-8666-666666666666', [
      ['minimist', '0.0.8'],
      ['minimist', '1.2.5'],
      ['minimist', '1.2.6'],
    ]),
  );
  const vex = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    vulnerabilities: [
      {
        id: 'CVE-2099-0006',
        analysis: { state: 'exploitable', response: ['update'], detail: 'options parsed from user input' },
        affects: [
          {
            ref: 'pkg:npm/minimist',
            versions: [
              { range: 'vers:npm/<1.0.0', status: 'affected' },
              { version: '1.2.6', status: 'unaffected' },
            ],
          },
        ],
      },
    ],
  };
  writeFileSync(join(dir, 'per-version.cdx.json'), JSON.stringify(vex));
  const states = async (release: string) => {
    const listed = JSON.parse(await ok('vex', 'list', 'shop', release, '--json')) as {
      statements: { vulnerability: { id: string }; product: { purl?: string }; analysis: { state: string } }[];
    };
    return listed.statements
      .filter((s) => s.vulnerability.id === 'CVE-2099-0006')
      .map((s) => [s.product.purl, s.analysis.state])
      .sort();
  };
  const expected = [
    ['pkg:npm/minimist@0.0.8', 'exploitable'],
    ['pkg:npm/minimist@1.2.6', 'not_affected'],
  ];
  for (const release of ['6.0', '6.1']) {
    await ok('release', 'create', 'shop', release);
    await ok('import', 'shop', release, join(dir, 'v6.json'));
  }
  await ok('vex', 'import', join(dir, 'per-version.cdx.json'), 'shop', '6.0', '--author', 'psirt');
  assert.deepEqual(await states('6.0'), expected);
  const exported = join(dir, 'v6-export.cdx.json');
  await ok('vex', 'export', 'shop', '6.0', '--format', 'cyclonedx-vex', '-o', exported);
  await ok('vex', 'import', exported, 'shop', '6.1', '--author', 'psirt');
  assert.deepEqual(await states('6.1'), expected);
});

test('vex import that records nothing does not pass: exit 1 when no statement is about the release, 2 when the document holds none', async () => {
  // Exit-code table: 1 is a finding about readable input (here: every statement names a product
  // the release does not ship), 2 is input that cannot be used at all (no statement to read).
  await ok('release', 'create', 'shop', '7.0');
  await ok('import', 'shop', '7.0', join(dir, 'v1.json'));
  const elsewhere = {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': 'https://example.com/vex/elsewhere',
    author: 'Example PSIRT',
    timestamp: '2026-01-01T00:00:00Z',
    version: 1,
    statements: [
      {
        vulnerability: { name: 'CVE-2099-0007' },
        products: [{ '@id': 'pkg:npm/left-pad@1.3.0' }],
        status: 'not_affected',
        justification: 'component_not_present',
      },
    ],
  };
  writeFileSync(join(dir, 'elsewhere.openvex.json'), JSON.stringify(elsewhere));
  const unmatched = await vigie([
    'vex',
    'import',
    join(dir, 'elsewhere.openvex.json'),
    'shop',
    '7.0',
    '--author',
    'psirt',
    '--db',
    db,
  ]);
  assert.equal(unmatched.code, 1, unmatched.stderr);
  assert.match(unmatched.stdout, /0 analyses recorded, 1 statements about products not in shop 7\.0/);
  assert.match(unmatched.stderr, /nothing recorded/);
  const json = await vigie([
    'vex',
    'import',
    join(dir, 'elsewhere.openvex.json'),
    'shop',
    '7.0',
    '--author',
    'psirt',
    '--json',
    '--db',
    db,
  ]);
  assert.equal(json.code, 1);
  assert.equal((JSON.parse(json.stdout) as { recorded: number }).recorded, 0);

  const empty = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    vulnerabilities: [{ id: 'CVE-2099-0008', affects: [{ ref: 'pkg:npm/lodash@4.17.20' }] }],
  };
  writeFileSync(join(dir, 'no-analysis.cdx.json'), JSON.stringify(empty));
  const none = await vigie([
    'vex',
    'import',
    join(dir, 'no-analysis.cdx.json'),
    'shop',
    '7.0',
    '--author',
    'psirt',
    '--db',
    db,
  ]);
  assert.equal(none.code, 2, none.stderr);
  assert.equal(none.stderr.trim().split('\n').length, 1, none.stderr);
  assert.match(none.stderr, /holds no VEX statement.*CVE-2099-0008: no analysis state/);
  assert.ok(!hasStackTrace(none.stderr));
  const listed = JSON.parse(await ok('vex', 'list', 'shop', '7.0', '--json')) as {
    statements: { vulnerability: { id: string } }[];
  };
  assert.ok(!listed.statements.some((s) => ['CVE-2099-0007', 'CVE-2099-0008'].includes(s.vulnerability.id)));
});
