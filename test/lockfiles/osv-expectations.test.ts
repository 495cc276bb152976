// osv-scalibr ships no expected outputs with its fixtures: these are ours, written by reading each
// fixture by hand (name@version, purl, scope and what the file says beyond that).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus, needsCorpora } from '../support/corpora.js';
import { propertyOf } from '../../src/model/index.js';
import { readerOf, label } from './support.js';

const OSV = 'lockfiles/osv-scalibr';
// Extractors load asynchronously (ADR 40): the ones these tests use, loaded once up front.
const IDS = ['yarn-lock', 'pnpm-lock', 'bun-lock', 'poetry-lock', 'pipfile-lock', 'pdm-lock', 'uv-lock'];
const readers = new Map(
  await Promise.all(
    [...IDS, 'pip-requirements', 'go-mod', 'cargo-lock'].map(async (id) => [id, await readerOf(id)] as const),
  ),
);
const run = (id: string, file: string) => readers.get(id)!(corpus(OSV, file));
/** `name@version scope` of every component, sorted. */
const summary = (id: string, file: string) =>
  run(id, file)
    .components.map((c) => `${label(c)} ${c.dependencyScope ?? '-'}`)
    .sort();

describe('osv-scalibr fixtures, expected packages', needsCorpora, () => {
  test('yarn aliases (v1 and Berry) name the real package', () => {
    for (const file of ['javascript/yarnlock/with-aliases.v1.lock', 'javascript/yarnlock/with-aliases.v2.lock']) {
      const inv = run('yarn-lock', file);
      assert.deepEqual(
        inv.components.map((c) => c.purl).sort(),
        [
          'pkg:npm/%40babel/helper-validator-identifier@7.22.20',
          'pkg:npm/ansi-regex@5.0.1',
          'pkg:npm/ansi-regex@6.0.1',
        ],
        file,
      );
    }
  });

  test('pnpm: v9 dev importer, v6 scoped key, v5 peer suffix', () => {
    assert.deepEqual(summary('pnpm-lock', 'javascript/pnpmlock/one-package-dev.v9.yaml'), ['acorn@8.11.3 dev']);
    assert.deepEqual(summary('pnpm-lock', 'javascript/pnpmlock/scoped-packages-v6-lockfile.yaml'), [
      '@typescript-eslint/types@5.57.1 prod',
    ]);
    const peer = run('pnpm-lock', 'javascript/pnpmlock/peer-dependencies.yaml');
    assert.deepEqual(peer.components.map(label).sort(), ['acorn-jsx@5.3.2', 'acorn@8.7.0']);
    const jsx = peer.components.find((c) => c.name === 'acorn-jsx')!;
    assert.deepEqual(
      peer.dependencies.find((d) => d.ref === jsx.ref)?.dependsOn,
      ['pkg:npm/acorn@8.7.0'],
      'the peer suffix _acorn@8.7.0 is an edge',
    );
  });

  test('bun: nested copies resolve like node_modules; dev scope follows the graph', () => {
    assert.deepEqual(summary('bun-lock', 'javascript/bunlock/nested-dependencies.json5'), [
      'ansi-styles@4.3.0 dev',
      'chalk@4.1.2 dev',
      'color-convert@2.0.1 dev',
      'color-name@1.1.4 dev',
      'has-flag@2.0.0 prod',
      'has-flag@3.0.0 prod',
      'has-flag@4.0.0 dev',
      'supports-color@5.5.0 prod',
      'supports-color@7.2.0 dev',
    ]);
  });

  test('Python: poetry optional, Pipfile develop, pdm groups, uv extras', () => {
    assert.deepEqual(summary('poetry-lock', 'python/poetrylock/optional-package.lock'), ['numpy@1.23.3 optional']);
    const pipfile = run('pipfile-lock', 'python/pipfilelock/one-package-dev.json').components[0]!;
    assert.equal(`${label(pipfile)} ${pipfile.dependencyScope}`, 'markupsafe@2.1.1 dev');
    assert.equal(propertyOf(pipfile, 'vigie:python:markers'), "python_version >= '3.7'");
    assert.deepEqual(summary('pdm-lock', 'python/pdmlock/dev-dependency.toml'), [
      'pyroute2@0.7.11 dev',
      'toml@0.10.2 prod',
      'win-inet-pton@1.1.0 dev',
    ]);
    const uv = summary('uv-lock', 'python/uvlock/grouped-packages.lock');
    assert.ok(uv.includes('emoji@2.14.0 prod'));
    assert.ok(
      uv.includes('black@24.10.0 optional') && uv.includes('click@8.1.7 optional'),
      'extras of the project are optional',
    );
  });

  test('requirements: pins with hashes, extras and markers kept; unpinned lines reported, not invented', () => {
    const inv = run('pip-requirements', 'python/requirements/per_req_options.txt');
    const byName = new Map(inv.components.map((c) => [c.name, c]));
    assert.equal(propertyOf(byName.get('foo8')!, 'vigie:python:artifact-hashes'), 'sha256:123 sha256:456');
    assert.equal(
      propertyOf(byName.get('foo9')!, 'vigie:python:artifact-hashes'),
      'sha256:123 sha256:456',
      'continued line',
    );
    assert.equal(propertyOf(byName.get('foo5')!, 'vigie:python:markers'), 'python_version < "2.7"');
    assert.equal(byName.get('foo16-Client')!.purl, 'pkg:pypi/foo16-client@1.0');
    assert.ok(
      !byName.has('foo10') && !byName.has('foo15') && !byName.has('foo7'),
      'foo10== and foo15== name no version; foo7 has junk after its pin',
    );
    assert.deepEqual(
      inv.issues.map((i) => i.line).sort((a, b) => a! - b!),
      [13, 20, 30],
    );
    const extras = run('pip-requirements', 'python/requirements/extras.txt').components;
    assert.deepEqual(extras.map((c) => `${label(c)} ${propertyOf(c, 'vigie:python:extras')}`).sort(), [
      'celery@4.4.7 redis,pytest',
      'pyjwt@2.1.0 crypto',
    ]);
    const loop = run('pip-requirements', 'python/requirements/loop.txt');
    assert.deepEqual(loop.components, [], 'an include loop ends');
  });

  test('go.mod: replacements are what gets built; a local replacement has no purl', () => {
    const different = run('go-mod', 'golang/gomod/replace-different.mod').components;
    assert.deepEqual(
      different.map((c) => [c.purl, propertyOf(c, 'vigie:go:replaces')]),
      [['pkg:golang/example.com/fork/foe@v1.4.5', 'golang.org/x/net@v1.2.3']],
    );
    const local = run('go-mod', 'golang/gomod/replace-local.mod').components;
    const net = local.find((c) => c.name === 'net')!;
    assert.equal(net.purl, undefined);
    assert.equal(propertyOf(net, 'vigie:go:local-path'), './fork/net');
    const indirect = run('go-mod', 'golang/gomod/indirect-1.23.mod');
    assert.equal(
      propertyOf(
        indirect.components.find((c) => c.name === 'sys')!,
        'vigie:go:indirect',
      ),
      'true',
    );
    assert.deepEqual(
      indirect.dependencies[0]!.dependsOn,
      ['pkg:golang/github.com/sirupsen/logrus@v1.9.3'],
      'only the direct module is an edge of the project',
    );
  });

  test('Cargo.lock: a workspace member has no purl; registry crates keep their checksum', () => {
    const inv = run('cargo-lock', 'rust/cargolock/two-packages-with-local.lock');
    const local = inv.components.find((c) => c.name === 'local-rust-pkg')!;
    assert.equal(local.purl, undefined);
    const addr = inv.components.find((c) => c.name === 'addr2line')!;
    assert.equal(addr.purl, 'pkg:cargo/addr2line@0.15.2');
    assert.equal(addr.hashes[0]?.alg, 'SHA-256');
  });
});
