// Issue 8 item 9: Hermine's KISSBOM variant (a bare JSON list whose rows carry subproject, scope,
// linking and component_modified) is read with those fields (test/compliance/declared-usages.test.ts: each row is one usage).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../../test/support/corpora.js';
import { readSbom } from '../../read.js';
import { kissbom } from './index.js';

const text = readFileSync(join(REPO_ROOT, 'test/fixtures/kissbom/hermine-variant.kissbom.json'), 'utf8');

test("Hermine's bare list is identified as a KISSBOM and its usage fields are read", () => {
  assert.deepEqual(kissbom.identify(text), { format: 'kissbom', specVersion: 'json', supported: true });
  const { sbom, issues, format } = readSbom(text, 'hermine-variant.kissbom.json');
  assert.equal(format.id, 'kissbom');
  assert.deepEqual(
    sbom.components.map((c) => c.purl),
    ['pkg:npm/express@4.18.2', 'pkg:generic/zlib@1.3.1', 'pkg:npm/jest@29.7.0', 'pkg:npm/lodash@4.17.21'],
    'one component per package; rows for another subproject add a usage, a repeated row adds nothing',
  );
  const [express, zlib, jest, lodash] = sbom.components;
  assert.deepEqual(express!.usages, [
    { project: 'NPM::shop-api:1.0.0', scope: 'dependencies', linking: 'dynamic', modified: false },
    { project: 'NPM::shop-admin:1.0.0', scope: 'dependencies', linking: 'dynamic', modified: false },
  ]);
  assert.equal(express!.description, 'Fast, unopinionated, minimalist web framework');
  assert.deepEqual(express!.properties, [], 'usage fields and description are read, not kept as kissbom:* properties');
  assert.deepEqual(zlib!.usages, [
    { project: 'NPM::shop-api:1.0.0', scope: 'bundled', linking: 'static', modified: true },
  ]);
  // "Package" is a Hermine linking Vigie has no word for: left unrecorded and said.
  assert.deepEqual(jest!.usages, [{ project: 'NPM::shop-api:1.0.0', scope: 'devDependencies', modified: false }]);
  assert.deepEqual(
    issues.map((i) => [i.code, i.field]),
    [['unknown-linking', '[4].linking']],
  );
  assert.equal(jest!.licenses.declared?.raw, 'NOASSERTION');
  assert.equal(jest!.licenses.declared?.expression, undefined, 'NOASSERTION is no licence expression');
  assert.equal(lodash!.usages, undefined);
});

test('a row with an unreadable modification says where; the wrapped layout takes the same fields', () => {
  const wrapped = JSON.stringify({
    packages: [
      { purl: 'pkg:npm/a@1.0.0', scope: 'dev', component_modified: 'perhaps' },
      { purl: 'pkg:npm/a@1.0.0', scope: 'prod' },
      { purl: 'pkg:npm/b@1.0.0' },
      { purl: 'pkg:npm/b@1.0.0' },
    ],
  });
  const { sbom, issues } = kissbom.decode({ text: wrapped });
  assert.deepEqual(sbom.components[0]!.usages, [{ scope: 'dev' }, { scope: 'prod' }]);
  assert.deepEqual(
    issues.map((i) => [i.code, i.field]),
    [
      ['unknown-modification', 'packages[0].component_modified'],
      ['duplicate-ref', 'packages[3]'],
    ],
  );
});

test('writing a KISSBOM back says the declared usages are not written', () => {
  const { sbom } = readSbom(text);
  const { text: written, issues } = kissbom.encode!(sbom, 'json');
  assert.ok(issues.some((i) => i.code === 'lossy-encode' && /usages components declare/.test(i.message)));
  assert.equal(kissbom.decode({ text: written }).sbom.components.length, 4);
});
