// `vigie sbom generate <dir>` over a folder of several ecosystems built from corpus files: one SBOM
// with a sub-component per project, scopes kept (and --omit dev), a broken lockfile named with its
// line while the rest is still inventoried, and an output file written whole or not at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { corpus, needsCorpora } from '../support/corpora.js';
import { hasStackTrace, vigie } from './run-cli.js';

let dir: string;
const FILES: [string, string][] = [
  ['lockfiles/ort-synthetic/node/yarn/project-with-lockfile/yarn.lock', 'web/yarn.lock'],
  ['lockfiles/ort-synthetic/node/yarn/project-with-lockfile/package.json', 'web/package.json'],
  ['lockfiles/ort-synthetic/cargo/cargo/Cargo.lock', 'native/Cargo.lock'],
  ['lockfiles/ort-synthetic/cargo/cargo/Cargo.toml', 'native/Cargo.toml'],
  ['lockfiles/cdxgen/data/poetry.lock', 'api/poetry.lock'],
  ['lockfiles/osv-scalibr/golang/gomod/indirect-1.23.mod', 'svc/go.mod'],
];

before(() => {
  if (needsCorpora.skip) return;
  dir = mkdtempSync(join(tmpdir(), 'vigie-gen-walk-'));
  for (const [from, to] of FILES) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    copyFileSync(corpus(from), join(dir, to));
  }
});
after(() => dir && rmSync(dir, { recursive: true, force: true }));

const purlsOf = (bom: { components: { purl?: string }[] }) => bom.components.map((c) => c.purl ?? '');

test('one SBOM for the folder: a sub-component per project, every ecosystem, scopes kept', needsCorpora, async () => {
  const r = await vigie(['sbom', 'generate', dir, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  const bom = JSON.parse(r.stdout);
  const projects = bom.metadata.component.components.map((c: { name: string }) => c.name).sort();
  assert.equal(projects.length, 4);
  for (const type of ['npm', 'cargo', 'pypi', 'golang'])
    assert.ok(
      purlsOf(bom).some((p) => p.startsWith(`pkg:${type}/`)),
      type,
    );
  assert.ok(purlsOf(bom).includes('pkg:golang/github.com/sirupsen/logrus@v1.9.3'));
  // The yarn project's devDependency cson is dev (CycloneDX scope excluded).
  const cson = bom.components.find((c: { purl?: string }) => c.purl === 'pkg:npm/cson@4.1.0');
  assert.equal(cson.scope, 'excluded');
  assert.equal(
    bom.compositions[0].aggregate,
    'incomplete',
    'go.mod and a poetry.lock without pyproject give partial graphs',
  );

  const omitted = JSON.parse((await vigie(['sbom', 'generate', dir, '--quiet', '--omit', 'dev'])).stdout);
  assert.ok(!purlsOf(omitted).includes('pkg:npm/cson@4.1.0'));
  assert.ok(omitted.components.length < bom.components.length);
  assert.ok(omitted.components.every((c: { scope?: string }) => c.scope !== 'excluded'));
});

test('a broken lockfile is named with its line; the rest is still inventoried', needsCorpora, async () => {
  const broken = join(dir, 'broken');
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies: [\n");
  try {
    const out = join(dir, 'out.cdx.json');
    const r = await vigie(['sbom', 'generate', dir, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /broken\/pnpm-lock\.yaml:\d+: not valid YAML/);
    assert.match(r.stderr, /1 file\(s\) could not be read/);
    assert.ok(!hasStackTrace(r.stderr));
    assert.ok(JSON.parse(readFileSync(out, 'utf8')).components.length > 50);
  } finally {
    rmSync(broken, { recursive: true, force: true });
  }
});

test('nothing to read: exit 2, one line, no output file written', needsCorpora, async () => {
  const empty = mkdtempSync(join(tmpdir(), 'vigie-gen-empty-'));
  try {
    writeFileSync(join(empty, 'Cargo.lock'), 'version = 99\n');
    const out = join(empty, 'out.json');
    const r = await vigie(['sbom', 'generate', empty, '-o', out]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Cargo\.lock:1: Cargo\.lock version 99 is not one this reader knows/);
    assert.ok(!existsSync(out));
    const unknown = await vigie(['sbom', 'generate', dir, '--omit', 'prod']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--omit: "prod" is not one of/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('vigie import <dir> takes the same walk into a release (SQLite)', needsCorpora, async () => {
  const db = join(dir, 'vigie.db');
  const ok = async (...args: string[]) => {
    const r = await vigie([...args, '--db', db]);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  await ok('product', 'create', 'mixed');
  await ok('release', 'create', 'mixed', '1.0');
  const outcome = JSON.parse(await ok('import', 'mixed', '1.0', dir, '--json'));
  assert.equal(outcome.import.format, 'lockfile-walk');
  assert.equal(outcome.import.fileName, '4 lockfiles');
  const generated = JSON.parse((await vigie(['sbom', 'generate', dir, '--quiet'])).stdout);
  assert.equal(outcome.counts.versions, generated.components.filter((c: { version?: string }) => c.version).length);
});

test(
  'sbom generate <dir>, then import: one usage per project, the project recorded per usage (issue 9)',
  needsCorpora,
  async () => {
    const db = join(dir, 'projects.db');
    const ok = async (...args: string[]) => {
      const r = await vigie([...args, '--db', db]);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    const sbomFile = join(dir, 'repo.cdx.json');
    assert.equal((await vigie(['sbom', 'generate', dir, '-o', sbomFile, '--quiet'])).code, 0);
    const generated = JSON.parse(readFileSync(sbomFile, 'utf8'));
    const projectNames = generated.metadata.component.components.map((c: { name: string }) => c.name).sort();
    assert.deepEqual(projectNames, ['api', 'lib', 'test', 'yarn-package-with-lockfile']);
    // The project each ecosystem's packages belong to: the name its manifest gives.
    const expected: Record<string, string> = {
      npm: 'yarn-package-with-lockfile',
      cargo: 'lib',
      pypi: 'api',
      golang: 'test',
    };

    await ok('product', 'create', 'repo');
    const rows = async (release: string, source: string) => {
      await ok('release', 'create', 'repo', release);
      await ok('import', 'repo', release, source);
      const [header, ...lines] = (await ok('release', 'export', 'repo', release, '--format', 'csv')).trim().split('\n');
      const column = header!.split(',');
      return lines.map((line) => {
        const cells = line.split(',');
        return {
          purl: cells[column.indexOf('purl')]!,
          project: cells[column.indexOf('project')]!,
          scope: cells[column.indexOf('scope')]!,
        };
      });
    };
    const fromFile = await rows('file', sbomFile);
    assert.equal(fromFile.length, generated.components.length, 'one usage per package: no package is shared here');
    for (const row of fromFile) {
      const type = /^pkg:([^/]+)\//.exec(row.purl)?.[1] ?? '';
      assert.equal(row.project, expected[type], `${row.purl} (${row.scope})`);
    }
    // vigie import <dir> takes the same walk: the same usages, in the same projects.
    const fromDir = await rows('dir', dir);
    const key = (r: { purl: string; project: string; scope: string }) => `${r.purl} ${r.project} ${r.scope}`;
    assert.deepEqual(fromDir.map(key).sort(), fromFile.map(key).sort());
  },
);
