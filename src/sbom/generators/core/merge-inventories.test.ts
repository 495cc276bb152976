import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InventoryBuilder } from './inventory-builder.js';
import { mergeInventories } from './merge-inventories.js';

const inventoryAt = (path: string, project: { name?: string } = {}) => {
  const builder = new InventoryBuilder('gem', 'Ruby', path);
  builder.add({ key: 'rack', name: 'rack', version: '2.2.3', purl: { name: 'rack', version: '2.2.3' } });
  builder.direct('rack');
  return builder.build(project, 'complete');
};

test('one lockfile at the top that names no project: the primary component is named after the folder', () => {
  const { sbom } = mergeInventories([inventoryAt('Gemfile.lock')], { folder: 'billing' });
  assert.equal(sbom.metadata.component?.name, 'billing');
  assert.equal(sbom.metadata.component?.ref, 'project:Gemfile.lock');
});

test('a project the lockfile names, or a lockfile in a sub-folder, keeps its own name', () => {
  assert.equal(
    mergeInventories([inventoryAt('Gemfile.lock', { name: 'shop' })], { folder: 'billing' }).sbom.metadata.component
      ?.name,
    'shop',
  );
  assert.equal(
    mergeInventories([inventoryAt('api/Gemfile.lock')], { folder: 'billing' }).sbom.metadata.component?.name,
    'api',
  );
  // Several projects: the root-level one stays `.` inside the primary named after the folder.
  const both = mergeInventories([inventoryAt('Gemfile.lock'), inventoryAt('api/Gemfile.lock')], { folder: 'billing' });
  assert.equal(both.sbom.metadata.component?.name, 'billing');
  assert.deepEqual(both.sbom.metadata.component?.components?.map((c) => c.name).sort(), ['.', 'api']);
});

test('one inventory already in order is kept as it is, and gives what the full merge gives', () => {
  const builder = new InventoryBuilder('npm', 'JavaScript', 'package-lock.json');
  for (const name of ['zeta', 'alpha', 'mid', 'beta']) {
    builder.add({ key: name, name, version: '1.0.0', purl: { name, version: '1.0.0' } });
  }
  builder.direct('zeta');
  builder.direct('alpha', 'dev');
  builder.edge('zeta', 'mid');
  builder.edge('zeta', 'beta');
  builder.edge('alpha', 'mid');
  const inventory = builder.build({ name: 'app' }, 'complete');
  const kept = mergeInventories([inventory], { folder: 'app' }).sbom;
  assert.equal(kept.components, inventory.components, 'the ordered list is reused, not copied');
  // The same content out of order goes through the full merge.
  const reversed = {
    ...inventory,
    components: [...inventory.components].reverse(),
    dependencies: inventory.dependencies.map((d) => ({ ...d, dependsOn: [...d.dependsOn].reverse() })).reverse(),
  };
  const merged = mergeInventories([reversed], { folder: 'app' }).sbom;
  assert.notEqual(merged.components, reversed.components);
  assert.deepEqual(kept, merged);
  assert.equal(kept.dependencies[0]?.ref, inventory.project.ref);
  // A ref listed twice is merged, not kept.
  const twice = { ...inventory, components: [...inventory.components, inventory.components.at(-1)!] };
  assert.equal(mergeInventories([twice], { folder: 'app' }).sbom.components.length, inventory.components.length);
});
