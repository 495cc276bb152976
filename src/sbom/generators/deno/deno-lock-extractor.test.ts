import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './deno-lock-extractor.js';
import { LockfileError } from '../core/lockfile-error.js';

// A version-5 lock: a JSR package depending on another by its short form, npm packages with a peer
// suffix and an alias, a remote module from deno.land/std and one from an arbitrary host. Written
// for this test in Deno's layout.
const LOCK = JSON.stringify({
  version: '5',
  specifiers: {
    'jsr:@std/yaml@^1.0.5': '1.0.5',
    'npm:@preact/signals@^2.0.4': '2.2.0_preact@10.22.1',
    'npm:preact@10': '10.22.1',
  },
  jsr: {
    '@std/yaml@1.0.5': { integrity: 'a'.repeat(64), dependencies: ['jsr:@std/collections'] },
    '@std/collections@1.0.10': { integrity: 'b'.repeat(64) },
  },
  npm: {
    '@preact/signals@2.2.0_preact@10.22.1': { integrity: 'sha512-AAAA', dependencies: ['preact@10.22.1'] },
    'preact@10.22.1': { integrity: 'sha512-BBBB' },
    '@isaacs/cliui@8.0.2': { integrity: 'sha512-CCCC', dependencies: ['string-width-cjs@npm:string-width@4.2.3'] },
    'string-width@4.2.3': { integrity: 'sha512-DDDD' },
  },
  remote: {
    'https://deno.land/std@0.140.0/fmt/colors.ts': 'c'.repeat(64),
    'https://deno.land/std@0.140.0/path/mod.ts': 'd'.repeat(64),
    'https://example.com/lib/helpers.ts': 'e'.repeat(64),
  },
  workspace: { dependencies: ['jsr:@std/yaml@^1.0.5', 'npm:@preact/signals@^2.0.4', 'npm:preact@10'] },
});

test('deno.lock: npm, JSR (by its npm-compatible name) and versioned remote packages, with their edges', () => {
  const inv = extract({ path: 'deno.lock', text: LOCK });
  assert.deepEqual(inv.components.map((c) => c.purl).sort(), [
    'pkg:generic/std@0.140.0?download_url=https:%2F%2Fdeno.land%2Fstd%400.140.0',
    'pkg:npm/%40isaacs/cliui@8.0.2',
    'pkg:npm/%40jsr/std__collections@1.0.10?repository_url=https:%2F%2Fnpm.jsr.io',
    'pkg:npm/%40jsr/std__yaml@1.0.5?repository_url=https:%2F%2Fnpm.jsr.io',
    'pkg:npm/%40preact/signals@2.2.0',
    'pkg:npm/preact@10.22.1',
    'pkg:npm/string-width@4.2.3',
  ]);
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['pkg:npm/%40jsr/std__yaml@1.0.5?repository_url=https:%2F%2Fnpm.jsr.io'], [
    'pkg:npm/%40jsr/std__collections@1.0.10?repository_url=https:%2F%2Fnpm.jsr.io',
  ]);
  assert.deepEqual(edges['pkg:npm/%40isaacs/cliui@8.0.2'], ['pkg:npm/string-width@4.2.3']);
  assert.deepEqual(edges['pkg:npm/%40preact/signals@2.2.0'], ['pkg:npm/preact@10.22.1']);
  assert.deepEqual(
    inv.issues.map((i) => `${i.severity} ${i.code}`),
    ['info remote-module-without-version'],
  );
});

test('deno.lock: an unknown version is refused, naming it', () => {
  assert.throws(
    () => extract({ path: 'deno.lock', text: '{"version": "9"}' }),
    (e: unknown) => e instanceof LockfileError && /version 9 is not one this reader knows/.test(e.message),
  );
});
