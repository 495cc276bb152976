import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './packages-lock-extractor.js';

// A project built for two target frameworks, where central package management locks another patch
// version of one package for the newer one. Written for this test.
const LOCK = JSON.stringify({
  version: 2,
  dependencies: {
    'net6.0': {
      'Acme.Logging': {
        type: 'Direct',
        requested: '[3.1.1, )',
        resolved: '3.1.1',
        dependencies: { 'Acme.Json': '8.0.4' },
      },
      'Acme.Json': { type: 'CentralTransitive', requested: '[8.0.4, )', resolved: '8.0.4' },
    },
    'net8.0': {
      'Acme.Logging': {
        type: 'Direct',
        requested: '[3.1.1, )',
        resolved: '3.1.1',
        dependencies: { 'Acme.Json': '8.0.5' },
      },
      'Acme.Json': { type: 'CentralTransitive', requested: '[8.0.4, )', resolved: '8.0.5' },
    },
  },
});

test('packages.lock.json: a package locked at other versions per target framework keeps each version', () => {
  const inv = extract({ path: 'packages.lock.json', text: LOCK });
  const frameworks = Object.fromEntries(
    inv.components.map((c) => [c.purl, c.properties.find((p) => p.name === 'vigie:nuget:framework')?.value]),
  );
  assert.deepEqual(frameworks, {
    'pkg:nuget/Acme.Json@8.0.4': 'net6.0',
    'pkg:nuget/Acme.Json@8.0.5': 'net8.0',
    'pkg:nuget/Acme.Logging@3.1.1': 'net6.0,net8.0',
  });
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['pkg:nuget/Acme.Logging@3.1.1'], ['pkg:nuget/Acme.Json@8.0.4', 'pkg:nuget/Acme.Json@8.0.5']);
});
