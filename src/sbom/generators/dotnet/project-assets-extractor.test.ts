import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './project-assets-extractor.js';

// A restore for two target frameworks that resolved another version of one package for each.
// Written for this test in NuGet's project.assets.json layout.
const ASSETS = JSON.stringify({
  version: 3,
  targets: {
    'net6.0': {
      'Acme.Logging/3.1.1': { type: 'package', dependencies: { 'Acme.Json': '8.0.4' } },
      'Acme.Json/8.0.4': { type: 'package' },
    },
    'net8.0': {
      'Acme.Logging/3.1.1': { type: 'package', dependencies: { 'Acme.Json': '8.0.5' } },
      'Acme.Json/8.0.5': { type: 'package' },
    },
  },
  libraries: {
    'Acme.Logging/3.1.1': { type: 'package' },
    'Acme.Json/8.0.4': { type: 'package' },
    'Acme.Json/8.0.5': { type: 'package' },
  },
  project: {
    version: '1.0.0',
    restore: { projectName: 'Shop' },
    frameworks: {
      'net6.0': { dependencies: { 'Acme.Logging': { target: 'Package', version: '[3.1.1, )' } } },
      'net8.0': { dependencies: { 'Acme.Logging': { target: 'Package', version: '[3.1.1, )' } } },
    },
  },
});

test('project.assets.json: a package resolved at other versions per target keeps each version and its edges', () => {
  const inv = extract({ path: 'obj/project.assets.json', text: ASSETS });
  assert.deepEqual(inv.components.map((c) => c.purl).sort(), [
    'pkg:nuget/Acme.Json@8.0.4',
    'pkg:nuget/Acme.Json@8.0.5',
    'pkg:nuget/Acme.Logging@3.1.1',
  ]);
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['pkg:nuget/Acme.Logging@3.1.1'], ['pkg:nuget/Acme.Json@8.0.4', 'pkg:nuget/Acme.Json@8.0.5']);
  assert.deepEqual(edges['project:obj/project.assets.json'], ['pkg:nuget/Acme.Logging@3.1.1']);
  const json = inv.components.find((c) => c.version === '8.0.5')!;
  assert.equal(json.properties.find((p) => p.name === 'vigie:nuget:framework')?.value, 'net8.0');
  assert.equal(json.dependencyScope, 'prod');
});
