import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptySbom, licenseFromExpression, type Component, type Sbom } from '../../model/index.js';
import { corpus, needsCorpora } from '../../../test/support/corpora.js';
import { readFileSync } from 'node:fs';
import { sbomFromCycloneDxJson } from './cyclonedx-fixture.test-helper.js';
import { diffSboms, renderDiffText } from './index.js';

function component(ref: string, name: string, version: string | undefined, extra: Partial<Component> = {}): Component {
  return {
    ref,
    type: 'library',
    name,
    version,
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
    ...extra,
  };
}

function sbom(format: string, components: Component[], edges: [string, string][] = []): Sbom {
  const s = emptySbom({ id: format, specVersion: '1' });
  s.components = components;
  s.dependencies = edges.map(([ref, to]) => ({ ref, dependsOn: [to] }));
  return s;
}

test('components pair by identity across formats, whatever their refs', () => {
  const a = sbom(
    'cyclonedx-json',
    [
      component('a1', 'left-pad', '1.0.0', { purl: 'pkg:npm/left-pad@1.0.0' }),
      component('a2', 'gone', '2.0.0', { purl: 'pkg:npm/gone@2.0.0' }),
      component('a3', 'nopurl', '1', { group: 'acme' }),
    ],
    [['a1', 'a3']],
  );
  const b = sbom(
    'spdx-json',
    [
      component('SPDXRef-1', 'left-pad', '1.1.0', { purl: 'pkg:NPM/left-pad@1.1.0' }),
      component('SPDXRef-2', 'new', '0.1.0', { purl: 'pkg:npm/new@0.1.0' }),
      component('SPDXRef-3', 'nopurl', '1', { group: 'acme' }),
    ],
    [
      ['SPDXRef-1', 'SPDXRef-3'],
      ['SPDXRef-2', 'SPDXRef-3'],
    ],
  );
  const d = diffSboms(a, b);
  assert.deepEqual(d.added, [{ identity: 'pkg:npm/new', name: 'new', version: '0.1.0', purl: 'pkg:npm/new@0.1.0' }]);
  assert.deepEqual(d.removed, [
    { identity: 'pkg:npm/gone', name: 'gone', version: '2.0.0', purl: 'pkg:npm/gone@2.0.0' },
  ]);
  assert.deepEqual(d.versionChanged, [{ identity: 'pkg:npm/left-pad', name: 'left-pad', from: '1.0.0', to: '1.1.0' }]);
  assert.deepEqual(d.dependenciesAdded, [{ from: 'pkg:npm/new', to: 'library:acme/nopurl' }]);
  assert.deepEqual(d.dependenciesRemoved, []);
  assert.equal(d.hasDifferences, true);
});

test('several versions of one package pair equal versions first, then in version order', () => {
  const a = sbom('x', [
    component('1', 'lodash', '4.17.20', { purl: 'pkg:npm/lodash@4.17.20' }),
    component('2', 'lodash', '3.10.1', { purl: 'pkg:npm/lodash@3.10.1' }),
  ]);
  const b = sbom('x', [
    component('1', 'lodash', '3.10.1', { purl: 'pkg:npm/lodash@3.10.1' }),
    component('2', 'lodash', '4.17.21', { purl: 'pkg:npm/lodash@4.17.21' }),
    component('3', 'lodash', '2.4.2', { purl: 'pkg:npm/lodash@2.4.2' }),
  ]);
  const d = diffSboms(a, b);
  assert.deepEqual(
    d.versionChanged.map((v) => [v.from, v.to]),
    [['4.17.20', '4.17.21']],
  );
  assert.deepEqual(
    d.added.map((c) => c.version),
    ['2.4.2'],
  );
  assert.deepEqual(d.removed, []);
});

test('licence changes compare expressions when both sides have one, else raw text', () => {
  const lic = (expression: string) => ({ declared: licenseFromExpression(expression) });
  const raw = (text: string) => ({ concluded: { raw: text, entries: [] } });
  const a = sbom('x', [
    component('1', 'a', '1', { purl: 'pkg:npm/a@1', licenses: lic('MIT or Apache-2.0') }),
    component('2', 'b', '1', { purl: 'pkg:npm/b@1', licenses: lic('MIT') }),
    component('3', 'c', '1', { purl: 'pkg:npm/c@1', licenses: raw('BSD style') }),
  ]);
  const b = sbom('x', [
    component('1', 'a', '1', { purl: 'pkg:npm/a@1', licenses: lic('MIT  OR Apache-2.0') }),
    component('2', 'b', '2', { purl: 'pkg:npm/b@2', licenses: lic('GPL-2.0-only') }),
    component('3', 'c', '1', { purl: 'pkg:npm/c@1', licenses: raw('BSD style') }),
  ]);
  const d = diffSboms(a, b);
  assert.deepEqual(d.licenseChanged, [
    { identity: 'pkg:npm/b', name: 'b', version: '2', role: 'declared', from: 'MIT', to: 'GPL-2.0-only' },
  ]);
  const text = renderDiffText(d);
  assert.match(text, /~ pkg:npm\/b 1 -> 2/);
  assert.match(text, /~ pkg:npm\/b@2 declared licence: MIT -> GPL-2.0-only/);
});

test('laravel 7.12.0 as CycloneDX 1.2 and 1.3 describes the same software: no differences', needsCorpora, () => {
  const dir = 'sboms/cyclonedx/bom-examples/SBOM/laravel-7.12.0';
  const a = readCycloneDxJson(corpus(dir, 'bom.1.2.json'));
  const b = readCycloneDxJson(corpus(dir, 'bom.1.3.json'));
  assert.equal(a.components.length, 62);
  const d = diffSboms(a, b);
  assert.equal(d.hasDifferences, false, renderDiffText(d));
  assert.equal(renderDiffText(d), 'No differences.\n');
});

test('laravel with one package bumped and one dropped shows exactly that', needsCorpora, () => {
  const dir = 'sboms/cyclonedx/bom-examples/SBOM/laravel-7.12.0';
  const a = readCycloneDxJson(corpus(dir, 'bom.1.3.json'));
  const b = readCycloneDxJson(corpus(dir, 'bom.1.3.json'));
  const cors = b.components.find((c) => c.name === 'stack-cors')!;
  cors.version = '1.4.0';
  cors.purl = 'pkg:composer/asm89/stack-cors@1.4.0';
  b.components = b.components.filter((c) => c.name !== 'tinker');
  const d = diffSboms(a, b);
  assert.deepEqual(d.versionChanged, [
    { identity: 'pkg:composer/asm89/stack-cors', name: 'stack-cors', group: 'asm89', from: '1.3.0', to: '1.4.0' },
  ]);
  assert.deepEqual(
    d.removed.map((c) => c.identity),
    ['pkg:composer/laravel/tinker'],
  );
  assert.deepEqual(d.added, []);
});

test('proton-bridge v1.6.3 → v1.8.0: the real upgrade', needsCorpora, () => {
  const dir = 'sboms/cyclonedx/bom-examples/SBOM/proton-bridge';
  const d = diffSboms(
    readCycloneDxJson(corpus(dir, 'proton-bridge-v1.6.3.bom.json')),
    readCycloneDxJson(corpus(dir, 'proton-bridge-v1.8.0.bom.json')),
  );
  // Checked independently: 7 modules and the primary application changed version, none added or
  // removed, no licence changed, three edges appeared and three went.
  assert.equal(d.versionChanged.length, 8);
  assert.ok(
    d.versionChanged.some(
      (v) => v.identity === 'pkg:golang/github.com/miekg/dns' && v.from === 'v1.1.30' && v.to === 'v1.1.41',
    ),
  );
  assert.ok(
    d.versionChanged.some((v) => v.identity === 'pkg:golang/github.com/ProtonMail/proton-bridge' && v.to === 'v1.8.0'),
  );
  assert.deepEqual([d.added.length, d.removed.length, d.licenseChanged.length], [0, 0, 0]);
  assert.deepEqual(d.dependenciesAdded, [
    { from: 'pkg:golang/github.com/go-resty/resty/v2', to: 'pkg:golang/golang.org/x/net' },
    { from: 'pkg:golang/github.com/miekg/dns', to: 'pkg:golang/golang.org/x/sync' },
    { from: 'pkg:golang/golang.org/x/net', to: 'pkg:golang/golang.org/x/term' },
  ]);
  assert.deepEqual(d.dependenciesRemoved, [
    { from: 'pkg:golang/github.com/ProtonMail/go-crypto', to: 'pkg:golang/golang.org/x/term' },
    { from: 'pkg:golang/github.com/kataras/neffos', to: 'pkg:golang/golang.org/x/sync' },
    { from: 'pkg:golang/golang.org/x/net', to: 'pkg:golang/github.com/ProtonMail/crypto' },
  ]);
  // Deterministic: the same inputs render the same text.
  assert.equal(
    renderDiffText(d),
    renderDiffText(
      diffSboms(
        readCycloneDxJson(corpus(dir, 'proton-bridge-v1.6.3.bom.json')),
        readCycloneDxJson(corpus(dir, 'proton-bridge-v1.8.0.bom.json')),
      ),
    ),
  );
});

function readCycloneDxJson(path: string): Sbom {
  return sbomFromCycloneDxJson(JSON.parse(readFileSync(path, 'utf8')));
}
