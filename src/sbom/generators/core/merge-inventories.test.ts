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
