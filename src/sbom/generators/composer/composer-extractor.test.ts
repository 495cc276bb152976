import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './composer-extractor.js';

// A composer.lock met without its composer.json (a vendored copy, a lockfile handed over alone);
// one package reaches another through the name it replaces. Written for this test.
const LOCK = JSON.stringify({
  packages: [
    { name: 'acme/queue', version: '3.1.0', require: { php: '>=7', 'old/ids': '~2.0' } },
    { name: 'acme/ids', version: '2.4.0', replace: { 'old/ids': 'self.version' }, require: { 'acme/bytes': '^1' } },
    { name: 'acme/bytes', version: 'v1.0.2' },
  ],
  'packages-dev': [{ name: 'acme/checker', version: '9.0.0', require: { 'acme/bytes': '^1' } }],
});

test('composer.lock without composer.json: the packages nothing requires are the direct ones, in their section', () => {
  const inv = extract({ path: 'composer.lock', text: LOCK });
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['project:composer.lock'], [
    'pkg:composer/acme/checker@9.0.0',
    'pkg:composer/acme/queue@3.1.0',
  ]);
  assert.deepEqual(edges['pkg:composer/acme/queue@3.1.0'], ['pkg:composer/acme/ids@2.4.0']);
  const scopes = Object.fromEntries(inv.components.map((c) => [c.name, c.dependencyScope]));
  assert.deepEqual(scopes, { bytes: 'prod', checker: 'dev', ids: 'prod', queue: 'prod' });
  // The roots are a guess from the lockfile alone: the graph does not claim to be complete.
  assert.equal(inv.completeness, 'incomplete');
});

test("composer.json's licence list is a choice for the project too, as for its packages", () => {
  const inv = extract({
    path: 'composer.lock',
    text: LOCK,
    readRelated: (p) =>
      p === 'composer.json'
        ? JSON.stringify({ name: 'acme/shop', license: ['MIT', 'Apache-2.0'], require: { 'acme/queue': '^3.1' } })
        : undefined,
  });
  assert.equal(inv.project.licenses.declared?.expression, '(MIT OR Apache-2.0)');
});
