// The build bundles the CLI (ADR 20): the bundle finds the package's files from its chunks (version,
// shipped schemas), writes and validates SBOMs like the sources do, and an npm-only inventory loads none of the parsing
// stacks it does not need (TOML, YAML, XML, the schema validator, the SQLite driver) nor the SBOM
// formats it does not write.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { REPO_ROOT } from '../support/corpora.js';

const cache = join(REPO_ROOT, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(join(cache, 'vigie-bundle-test-'));
const work = mkdtempSync(join(tmpdir(), 'vigie-bundle-work-'));
after(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const built = spawnSync(
  process.execPath,
  [join(REPO_ROOT, 'scripts', 'build.mjs'), '--quiet', '--outdir', relative(process.cwd(), out)],
  { encoding: 'utf8' },
);

function run(args: string[], nodeArgs: string[] = []) {
  return spawnSync(process.execPath, [...nodeArgs, join(out, 'cli', 'main.js'), ...args], {
    encoding: 'utf8',
    cwd: work,
  });
}

// A two-package npm project, written here so the test runs without the corpora.
writeFileSync(
  join(work, 'package-lock.json'),
  JSON.stringify({
    name: 'app',
    version: '1.0.0',
    lockfileVersion: 3,
    packages: {
      '': { name: 'app', version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } },
      'node_modules/left-pad': {
        version: '1.3.0',
        license: 'WTFPL',
        resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
      },
    },
  }),
);

test('the build succeeds', () => {
  assert.equal(built.status, 0, built.stderr);
});

test('the bundle finds its package root from a chunk: the version comes from package.json', () => {
  const version = run(['--version']);
  assert.equal(version.status, 0, version.stderr);
  assert.equal(
    version.stdout.trim(),
    (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version,
  );
});

test('the bundle generates an SBOM and validates it against the shipped XML schema', () => {
  const gen = run(['sbom', 'generate', '.', '--to', 'cyclonedx-xml@1.6', '-o', 'bom.xml', '--quiet']);
  assert.equal(gen.status, 0, gen.stderr);
  assert.match(readFileSync(join(work, 'bom.xml'), 'utf8'), /<name>left-pad<\/name>/);
  const valid = run(['sbom', 'validate', 'bom.xml']);
  assert.equal(valid.status, 0, valid.stdout + valid.stderr);
  assert.match(valid.stdout, /CycloneDX XML 1\.6: valid \(0 schema violations/);
});

test('an npm-only inventory loads none of the parsing stacks it does not use', () => {
  const hooks = join(work, 'hooks.mjs');
  const log = join(work, 'loaded.txt');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`,
  );
  const register = join(work, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify('file://' + hooks)});\n`);
  writeFileSync(log, '');
  const gen = run(['sbom', 'generate', '.', '-o', 'bom.json', '--quiet'], ['--import', register]);
  assert.equal(gen.status, 0, gen.stderr);
  const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  assert.ok(
    loaded.some((u) => u.includes('/cli/main.js')),
    'the hook saw the bundle load',
  );
  const packages = new Set(loaded.flatMap((u) => /node_modules\/((?:@[^/.]+\/)?[^/.][^/]*)\//.exec(u)?.[1] ?? []));
  for (const heavy of [
    'ajv',
    'ajv-formats',
    'yaml',
    'js-yaml',
    'smol-toml',
    'fast-xml-parser',
    'better-sqlite3',
    'xmllint-wasm',
    'fastify',
    'kysely',
  ]) {
    assert.ok(!packages.has(heavy), `${heavy} was loaded: ${[...packages].join(', ')}`);
  }
  assert.ok(loaded.length < 40, `${loaded.length} modules loaded`);
  // ADR 51: each SBOM format is a chunk of its own, loaded when chosen; the CycloneDX JSON writer
  // loads without any reader.
  const formats = new Set(
    loaded.flatMap((u) => /\/chunks\/((?:cyclonedx|spdx|ort|kissbom)[a-z0-9-]*)-[A-Z0-9]+\.js$/.exec(u)?.[1] ?? []),
  );
  assert.deepEqual([...formats], []);
  const code = loaded.filter((u) => u.includes('/chunks/')).map((u) => readFileSync(new URL(u), 'utf8'));
  assert.ok(
    code.some((text) => text.includes('function encodeCycloneDxJson(')),
    'the writer loaded',
  );
  for (const reader of ['decodeCycloneDxJson', 'decodeBom', 'decodeSpdx2Document', 'decodeSpdx3', 'decodeOrt'])
    assert.ok(!code.some((text) => text.includes(`function ${reader}(`)), `${reader} was loaded`);
});

test('commander in the bundle does not load child_process (and with it dgram) before it is used', () => {
  const probe = join(work, 'builtins.mjs');
  const log = join(work, 'builtins.txt');
  writeFileSync(
    probe,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(log)}, process.moduleLoadList.join('\\n')));\n`,
  );
  for (const args of [['--version'], ['sbom', 'generate', '.', '-o', 'bom.json', '--quiet']]) {
    const r = run(args, ['--import', probe]);
    assert.equal(r.status, 0, r.stderr);
    const builtins = readFileSync(log, 'utf8').split('\n');
    assert.ok(builtins.includes('NativeModule fs'), 'the probe saw the builtins');
    // net may load all the same: a piped stdout is a socket.
    for (const name of ['child_process', 'dgram'])
      assert.ok(!builtins.includes(`NativeModule ${name}`), `${args.join(' ')}: ${name} was loaded`);
  }
  const help = run(['--help']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: vigie/);
});
