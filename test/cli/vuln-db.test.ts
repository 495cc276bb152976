// `vigie vuln db import|update|status` on the corpus OSV data (Go vulndb, PyPA, RustSec), the CISA
// KEV catalogue, an EPSS CSV.gz, zip archives built here in the osv.dev layout, and a local HTTP
// server standing in for the OSV bucket.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { corpus, needsCorpora } from '../support/corpora.js';
import { zipArchive } from '../support/zip.js';
import { hasStackTrace, vigie } from './run-cli.js';

interface Report {
  origin: string;
  kind: string;
  read: number;
  imported: number;
  notNewer: number;
  invalid: number;
  invalidReasons: { reason: string; count: number; examples: string[] }[];
  repaired: Record<string, number>;
  ecosystems: Record<string, number>;
}

let dir: string;
const db = () => join(dir, 'vuln.db');
const reports = (stdout: string) => (JSON.parse(stdout) as { sources: Report[] }).sources;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-vulndb-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('vigie vuln db on the corpus', needsCorpora, () => {
  test('Go, PyPA and RustSec import completely; the 7 invalid PyPA records are skipped with their reason', async () => {
    const r = await vigie([
      'vuln',
      'db',
      'import',
      corpus('vulns/osv/go'),
      corpus('vulns/osv/pypa'),
      corpus('vulns/osv/rustsec'),
      '--db',
      db(),
      '--json',
      '--quiet',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const [go, pypa, rustsec] = reports(r.stdout);
    assert.deepEqual([go!.read, go!.imported, go!.invalid], [4291, 4291, 0]);
    assert.deepEqual(go!.ecosystems, { Go: 4291 });
    // SOURCES.md: 7 PYSEC records have GIT `fixed` values that are not full commit hashes.
    assert.deepEqual([pypa!.read, pypa!.imported, pypa!.invalid], [2661, 2654, 7]);
    assert.deepEqual(pypa!.invalidReasons.flatMap((x) => x.examples.map((e) => e.replace(/^.*\//, ''))).sort(), [
      'PYSEC-2017-27.yaml',
      'PYSEC-2019-155.yaml',
      'PYSEC-2021-371.yaml',
      'PYSEC-2021-424.yaml',
      'PYSEC-2021-425.yaml',
      'PYSEC-2021-436.yaml',
      'PYSEC-2023-80.yaml',
    ]);
    assert.ok(
      pypa!.invalidReasons.every((x) => /fixed/.test(x.reason)),
      JSON.stringify(pypa!.invalidReasons),
    );
    // RustSec writes schema_version null: repaired (read as absent) and counted, not rejected.
    assert.deepEqual([rustsec!.read, rustsec!.imported, rustsec!.invalid], [714, 714, 0]);
    assert.deepEqual(Object.values(rustsec!.repaired), [714]);
    assert.match(Object.keys(rustsec!.repaired)[0]!, /schema_version/);
  });

  test('importing again is incremental: nothing newer, nothing written', async () => {
    const r = await vigie(['vuln', 'db', 'import', corpus('vulns/osv/pypa'), '--db', db(), '--json', '--quiet']);
    const [pypa] = reports(r.stdout);
    assert.deepEqual([pypa!.imported, pypa!.notNewer, pypa!.invalid], [0, 2654, 7]);
  });

  test('the CISA KEV catalogue and an EPSS CSV.gz (FIRST layout) load; status tells sources and ecosystems with dates', async () => {
    const kev = await vigie([
      'vuln',
      'db',
      'import',
      corpus('vulns/kev/known_exploited_vulnerabilities.json'),
      '--db',
      db(),
      '--json',
    ]);
    assert.equal(kev.code, 0, kev.stderr);
    const catalogue = JSON.parse(readFileSync(corpus('vulns/kev/known_exploited_vulnerabilities.json'), 'utf8')) as {
      vulnerabilities: unknown[];
      dateReleased: string;
    };
    assert.equal(reports(kev.stdout)[0]!.imported, catalogue.vulnerabilities.length);
    const epssPath = join(dir, 'epss_scores-2026-12-01.csv.gz');
    writeFileSync(
      epssPath,
      gzipSync(
        '#model_version:v2025.03.14,score_date:2026-12-01T12:55:00Z\ncve,epss,percentile\nCVE-2021-44228,0.94358,0.99957\nCVE-2022-22965,0.94470,0.99980\nnot-a-cve,1,1\n',
      ),
    );
    const epss = await vigie(['vuln', 'db', 'import', epssPath, '--db', db(), '--json']);
    assert.equal(epss.code, 0, epss.stderr);
    assert.deepEqual([reports(epss.stdout)[0]!.imported, reports(epss.stdout)[0]!.invalid], [2, 1]);
    const status = await vigie(['vuln', 'db', 'status', '--db', db(), '--json']);
    const s = JSON.parse(status.stdout) as {
      ecosystems: { ecosystem: string; records: number }[];
      sources: { name: string; dataDate: string }[];
      kev: number;
      epss: number;
    };
    assert.deepEqual(
      s.ecosystems.map((e) => [e.ecosystem, e.records]),
      [
        ['crates.io', 714],
        ['Go', 4291],
        ['PyPI', 2654],
      ],
    );
    assert.equal(s.kev, catalogue.vulnerabilities.length);
    assert.equal(s.epss, 2);
    assert.equal(s.sources.find((x) => x.name === 'kev')!.dataDate, catalogue.dateReleased);
    assert.equal(s.sources.find((x) => x.name === 'epss')!.dataDate, '2026-12-01T12:55:00Z');
    const text = await vigie(['vuln', 'db', 'status', '--db', db()]);
    assert.match(text.stdout, /^PyPI\s+2654\s+10\s+2024-10-10T17:22:00\.587279Z$/m);
    assert.match(
      text.stdout,
      /osv:\S+pypa\s+2654\s+2024-10-10T17:22:00\.587279Z/,
      'a re-import that wrote nothing still shows what is loaded',
    );
  });
});

describe('vigie vuln db with zip archives (osv.dev layout)', needsCorpora, () => {
  const rustsec = () =>
    readdirSync(corpus('vulns/osv/rustsec'))
      .slice(0, 40)
      .map((name) => ({ name, content: readFileSync(corpus('vulns/osv/rustsec', name)) }));

  test('an archive streams in; a broken entry and a schema-invalid record are counted, not fatal', async () => {
    const path = join(dir, 'all.zip');
    const bad = {
      id: 'RUSTSEC-2099-0001',
      modified: '2099-01-01T00:00:00Z',
      affected: [{ package: { ecosystem: 'crates.io' } }],
    };
    writeFileSync(
      path,
      zipArchive([
        ...rustsec(),
        { name: 'broken.json', content: '{"id": "RUSTSEC-' },
        { name: 'RUSTSEC-2099-0001.json', content: JSON.stringify(bad) },
      ]),
    );
    const zdb = join(dir, 'zip.db');
    const r = await vigie(['vuln', 'db', 'import', path, '--db', zdb, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const [rep] = reports(r.stdout);
    assert.deepEqual([rep!.read, rep!.imported, rep!.invalid], [42, 40, 2]);
    assert.ok(
      rep!.invalidReasons.some(
        (x) => /not valid JSON/.test(x.reason) && x.examples[0]!.endsWith('all.zip!broken.json'),
      ),
      JSON.stringify(rep!.invalidReasons),
    );
    assert.ok(
      rep!.invalidReasons.some((x) => /affected\/0\/package.*name/.test(x.reason)),
      JSON.stringify(rep!.invalidReasons),
    );
    assert.match(r.stderr, /all\.zip: 42 read, 40 imported/, 'progress on stderr');

    // A truncated archive: one line, exit 2, and the database keeps what it had.
    const truncated = join(dir, 'truncated.zip');
    writeFileSync(truncated, readFileSync(path).subarray(0, 5000));
    const t = await vigie(['vuln', 'db', 'import', truncated, '--db', zdb]);
    assert.equal(t.code, 2);
    assert.ok(!hasStackTrace(t.stderr), t.stderr);
    assert.match(t.stderr, /truncated\.zip/);
    const status = JSON.parse((await vigie(['vuln', 'db', 'status', '--db', zdb, '--json'])).stdout) as {
      ecosystems: { records: number }[];
    };
    assert.equal(status.ecosystems[0]!.records, 40);
  });

  describe('update from a local HTTP server standing in for the OSV bucket', () => {
    let server: Server;
    let base: string;
    before(async () => {
      const archive = zipArchive(rustsec());
      server = createServer((req, res) => {
        if (req.url === '/osv/crates.io/all.zip') {
          res.writeHead(200, { 'content-type': 'application/zip', 'content-length': archive.length });
          res.end(archive);
        } else {
          res.writeHead(404).end('not found');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address() as { port: number };
      base = `http://127.0.0.1:${address.port}/osv`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test('downloads <source>/<Ecosystem>/all.zip and imports it; again, nothing is newer', async () => {
      const udb = join(dir, 'update.db');
      const r = await vigie([
        'vuln',
        'db',
        'update',
        '--source',
        base,
        '--ecosystem',
        'crates.io',
        '--db',
        udb,
        '--json',
        '--quiet',
      ]);
      assert.equal(r.code, 0, r.stderr);
      const [rep] = reports(r.stdout);
      assert.equal(rep!.origin, `${base}/crates.io/all.zip`);
      assert.equal(rep!.imported, 40);
      // Without --ecosystem: the ecosystems already loaded.
      const again = await vigie(['vuln', 'db', 'update', '--source', base, '--db', udb, '--json', '--quiet']);
      assert.deepEqual([reports(again.stdout)[0]!.imported, reports(again.stdout)[0]!.notNewer], [0, 40]);
      const status = JSON.parse((await vigie(['vuln', 'db', 'status', '--db', udb, '--json'])).stdout) as {
        sources: { name: string }[];
      };
      assert.deepEqual(
        status.sources.map((s) => s.name),
        [`osv:${base}/crates.io/all.zip`],
      );
    });

    test('a missing archive is one line and exit 2', async () => {
      const r = await vigie([
        'vuln',
        'db',
        'update',
        '--source',
        base,
        '--ecosystem',
        'npm',
        '--db',
        join(dir, 'missing.db'),
      ]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /HTTP 404/);
      assert.ok(!hasStackTrace(r.stderr));
    });
  });
});

test('vuln db import of something that is not vulnerability data says so', async () => {
  const d = mkdtempSync(join(tmpdir(), 'vigie-vulndb-bad-'));
  try {
    const path = join(d, 'x.json');
    writeFileSync(path, '{"bomFormat":"CycloneDX"}');
    const r = await vigie(['vuln', 'db', 'import', path, '--db', join(d, 'db.sqlite')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /neither an OSV record/);
    const missing = await vigie(['vuln', 'db', 'import', join(d, 'nope.zip'), '--db', join(d, 'db.sqlite')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.zip/);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('advisories that are all invalid are a broken input: exit 2 naming one, no source recorded, no clean scan', async () => {
  const d = mkdtempSync(join(tmpdir(), 'vigie-vulndb-invalid-'));
  try {
    const truncated = join(d, 'GHSA-trunc.json');
    writeFileSync(truncated, '{"id":"GHSA-xxxx-yyyy-zzzz","modified":"2024-01-01T00:00:00Z","affected":[');
    const folder = join(d, 'records');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.json'), JSON.stringify({ id: 'NOPE-1', modified: 'yesterday' }));
    writeFileSync(join(folder, 'b.json'), JSON.stringify({ id: 'NOPE-2', modified: 'today' }));
    const database = join(d, 'db.sqlite');
    for (const path of [truncated, folder]) {
      const r = await vigie(['vuln', 'db', 'import', path, '--db', database]);
      assert.equal(r.code, 2, r.stdout);
      assert.ok(!hasStackTrace(r.stderr), r.stderr);
      assert.match(r.stderr, /no valid OSV record/);
    }
    const status = await vigie(['vuln', 'db', 'status', '--json', '--db', database]);
    assert.deepEqual((JSON.parse(status.stdout) as { sources: unknown[] }).sources, []);
    const sbom = join(d, 'sbom.json');
    writeFileSync(
      sbom,
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        components: [{ type: 'library', name: 'left-pad', version: '1.0.0', purl: 'pkg:npm/left-pad@1.0.0' }],
      }),
    );
    const scan = await vigie(['vuln', 'scan', sbom, '--osv', truncated]);
    assert.equal(scan.code, 2, scan.stdout);
    assert.match(scan.stderr, /GHSA-trunc\.json: no valid OSV record \(1 invalid; first: .*not valid JSON/);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
