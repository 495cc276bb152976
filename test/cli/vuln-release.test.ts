// `vigie vuln findings|rescan|affected|diff` on a real SQLite store: an import scans the release,
// `vuln db import` re-scans every release, the stored findings print with their triage, `affected`
// answers for any alias, and bad input is one line with exit 2.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasStackTrace, vigie } from './run-cli.js';

let dir: string;
let db: string;

async function ok(...args: string[]): Promise<string> {
  const r = await vigie([...args, '--db', db]);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const sbom = (version: string) =>
  JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'application', name: 'shop', 'bom-ref': 'shop' } },
    components: [{ type: 'library', 'bom-ref': 'm', name: 'minimist', version, purl: `pkg:npm/minimist@${version}` }],
    dependencies: [{ ref: 'shop', dependsOn: ['m'] }],
  });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-vuln-release-'));
  db = join(dir, 'vigie.db');
  writeFileSync(join(dir, 'v1.json'), sbom('1.2.5'));
  writeFileSync(join(dir, 'v2.json'), sbom('1.2.6'));
  writeFileSync(
    join(dir, 'osv.json'),
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
  await ok('product', 'create', 'shop');
  await ok('release', 'create', 'shop', '1.0');
  await ok('release', 'create', 'shop', '2.0');
  await ok('import', 'shop', '1.0', join(dir, 'v1.json'));
  await ok('import', 'shop', '2.0', join(dir, 'v2.json'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('vuln db import re-scans the releases; findings, affected and diff read the stored scans', async () => {
  const before = JSON.parse(await ok('vuln', 'findings', 'shop', '1.0', '--json'));
  assert.deepEqual([before.scan.reason, before.findings.length], ['import', 0]);
  const imported = await vigie(['vuln', 'db', 'import', join(dir, 'osv.json'), '--db', db]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stderr, /2 releases re-scanned: 1 findings stored/);
  const text = await ok('vuln', 'findings', 'shop', '1.0');
  assert.match(text, /shop 1\.0: 1 findings, 1 open .*scanned .* \(database\)/);
  assert.match(text, /CVE-2021-44906 +unknown +pkg:npm\/minimist@1\.2\.5 +fixed: 1\.2\.6 +untriaged/);
  await ok(
    'vex',
    'set',
    'shop',
    '1.0',
    '--component',
    'pkg:npm/minimist@1.2.5',
    '--vulnerability',
    'GHSA-xvch-5gv4-984h',
    '--state',
    'exploitable',
    '--response',
    'update',
    '--author',
    'bob',
  );
  assert.match(await ok('vuln', 'findings', 'shop', '1.0'), /minimist@1\.2\.5 +fixed: 1\.2\.6 +exploitable/);
  assert.match(
    await ok('vuln', 'affected', 'GHSA-xvch-5gv4-984h'),
    /^CVE-2021-44906 \/ GHSA-xvch-5gv4-984h: 1 releases\nshop 1\.0 \(in-development\) +pkg:npm\/minimist@1\.2\.5 +fixed: 1\.2\.6 +exploitable\n$/,
  );
  // Typed in another case, the same flaw: never a "no release ships it".
  assert.match(await ok('vuln', 'affected', 'cve-2021-44906'), /^CVE-2021-44906 \/ GHSA-xvch-5gv4-984h: 1 releases\n/);
  assert.match(
    await ok('vuln', 'diff', 'shop', '1.0', '2.0'),
    /- CVE-2021-44906 unknown pkg:npm\/minimist@1\.2\.5\n0 introduced, 1 fixed, 0 unchanged/,
  );
  assert.match(await ok('vuln', 'rescan'), /2 releases scanned, 1 findings stored/);
});

test('bad input: one line, exit 2, no stack trace', async () => {
  for (const args of [
    ['vuln', 'affected', "x' OR 1=1"],
    ['vuln', 'findings', 'shop', '9.9'],
    ['vuln', 'findings', 'nope', '1.0'],
  ]) {
    const r = await vigie([...args, '--db', db]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('stored findings of distribution advisories take the analysis of their upstream CVE only when it is their one CVE', async () => {
  // RHSA-2099:0001 derives from one CVE, DSA-9999-1 from two, both named only in `upstream`.
  writeFileSync(
    join(dir, 'distro.json'),
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { component: { type: 'application', name: 'appliance', 'bom-ref': 'appliance' } },
      components: [
        { type: 'library', 'bom-ref': 't', name: 'tool', version: '1.0-1.el9', purl: 'pkg:rpm/redhat/tool@1.0-1.el9' },
        {
          type: 'library',
          'bom-ref': 'l',
          name: 'lib',
          version: '1.0-1',
          purl: 'pkg:deb/debian/lib@1.0-1?distro=debian-12',
        },
      ],
      dependencies: [{ ref: 'appliance', dependsOn: ['t', 'l'] }],
    }),
  );
  const advisory = (id: string, upstream: string[], ecosystem: string, name: string, fixed: string) => ({
    schema_version: '1.6.0',
    id,
    modified: '2024-01-01T00:00:00Z',
    upstream,
    affected: [
      { package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] },
    ],
  });
  mkdirSync(join(dir, 'distro-osv'));
  writeFileSync(
    join(dir, 'distro-osv', 'RHSA-2099_0001.json'),
    JSON.stringify(advisory('RHSA-2099:0001', ['CVE-2099-4001'], 'Red Hat', 'tool', '1.1-1.el9')),
  );
  writeFileSync(
    join(dir, 'distro-osv', 'DSA-9999-1.json'),
    JSON.stringify(advisory('DSA-9999-1', ['CVE-2099-4002', 'CVE-2099-4003'], 'Debian:12', 'lib', '1.0-2')),
  );
  await ok('product', 'create', 'appliance');
  await ok('release', 'create', 'appliance', '1.0');
  await ok('import', 'appliance', '1.0', join(dir, 'distro.json'));
  await ok('vuln', 'db', 'import', join(dir, 'distro-osv'));
  const set = (component: string, cve: string) =>
    ok(
      'vex',
      'set',
      'appliance',
      '1.0',
      '--component',
      component,
      '--vulnerability',
      cve,
      '--state',
      'not_affected',
      '--justification',
      'code_not_reachable',
      '--author',
      'psirt',
    );
  await set('pkg:rpm/redhat/tool', 'CVE-2099-4001');
  await set('pkg:deb/debian/lib', 'CVE-2099-4002');
  const text = await ok('vuln', 'findings', 'appliance', '1.0');
  assert.match(text, /RHSA-2099:0001 .*not_affected/);
  assert.match(text, /DSA-9999-1 .*untriaged/);
  assert.match(
    text,
    /VEX about CVE-2099-4002 not applied: DSA-9999-1 also covers CVE-2099-4003, which no analysis covers/,
  );
  await set('pkg:deb/debian/lib', 'CVE-2099-4003');
  assert.match(await ok('vuln', 'findings', 'appliance', '1.0'), /DSA-9999-1 .*not_affected/);
});
