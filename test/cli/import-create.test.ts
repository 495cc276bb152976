// `vigie import <product> <release> <source> --create` (issue 8 item 16): without --create a missing
// product or release is refused and the message says to add --create; with it, the product and/or
// release are created in the import's transaction (an unreadable document creates nothing); a
// project folder works the same; --create does not go with --background.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasStackTrace, vigie } from './run-cli.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';

test('import --create makes the product and release it names, and only then', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-import-create-'));
  try {
    const db = ['--db', join(dir, 'v.db')];
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, deepGraphCycloneDx({ components: 12, depth: 3 }));
    writeFileSync(join(dir, 'not-an-sbom.json'), '{"hello":"world"}');
    const products = async () =>
      (JSON.parse((await vigie(['product', 'list', '--json', ...db])).stdout) as Array<{ name: string }>).map(
        (p) => p.name,
      );

    const refused = await vigie(['import', 'Portal', '1.0', bom, ...db]);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /not-found: product "Portal" not found \(add --create to create it with the import\)/);
    assert.ok(!hasStackTrace(refused.stderr));

    const unreadable = await vigie(['import', 'Portal', '1.0', join(dir, 'not-an-sbom.json'), '--create', ...db]);
    assert.notEqual(unreadable.code, 0);
    assert.match(unreadable.stderr, /unsupported-format/);
    assert.deepEqual(await products(), [], 'an unreadable document creates nothing');

    const blank = await vigie(['import', ' ', '1.0', bom, '--create', ...db]);
    assert.notEqual(blank.code, 0);
    assert.match(blank.stderr, /product name must not be empty/);

    const background = await vigie(['import', 'Portal', '1.0', bom, '--create', '--background', ...db]);
    assert.equal(background.code, 2);
    assert.match(background.stderr, /--create imports directly/);

    const created = await vigie(['import', 'Portal', '1.0', bom, '--create', ...db]);
    assert.equal(created.code, 0, created.stderr);
    assert.match(
      created.stdout,
      /^created product Portal\ncreated release Portal 1\.0\nimported bom\.json \(cyclonedx-json\) into Portal 1\.0: 12 usages/,
    );
    const shown = await vigie(['release', 'show', 'Portal', '1.0', '--json', ...db]);
    assert.equal(shown.code, 0, shown.stderr);

    // Another release of the same product: only the release is new; --json says so.
    const second = await vigie(['import', 'Portal', '2.0', bom, '--create', '--json', ...db]);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual((JSON.parse(second.stdout) as { created: unknown }).created, { product: false, release: true });
    const missingRelease = await vigie(['import', 'Portal', '3.0', bom, ...db]);
    assert.match(missingRelease.stderr, /release 3\.0 of "Portal" not found \(add --create/);

    // A project folder (its lockfiles) creates its release the same way.
    const project = join(dir, 'app');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { left: '1.0.0' } }),
    );
    writeFileSync(
      join(project, 'package-lock.json'),
      JSON.stringify({
        name: 'app',
        version: '1.0.0',
        lockfileVersion: 3,
        packages: {
          '': { name: 'app', version: '1.0.0', dependencies: { left: '1.0.0' } },
          'node_modules/left': { version: '1.0.0', license: 'MIT' },
        },
      }),
    );
    const folder = await vigie(['import', 'Tools', 'main', project, '--create', ...db]);
    assert.equal(folder.code, 0, folder.stderr);
    assert.match(
      folder.stdout,
      /created product Tools\ncreated release Tools main\nimported .* into Tools main: 1 usages/,
    );
    assert.deepEqual((await products()).sort(), ['Portal', 'Tools']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
