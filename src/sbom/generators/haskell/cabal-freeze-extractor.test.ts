import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './cabal-freeze-extractor.js';
import { LockfileError } from '../core/lockfile-error.js';

// What `cabal freeze` writes, with a flag line, a GHC-installed library, a Setup-script pin and a
// comment. Written for this test.
const FREEZE = `active-repositories: hackage.haskell.org:merge
constraints: any.aeson ==2.2.3.0,
             aeson +ordered-keymap,
             any.base installed,
             any.text ==2.1.1,  -- pinned for GHC 9.8
             setup.Cabal ==3.10.3.0,
             vector ==0.13.1.0
index-state: hackage.haskell.org 2024-11-02T10:00:00Z
`;

test('cabal.project.freeze: pinned constraints are packages, Setup ones dev; flags and installed ones are not', () => {
  const inv = extract({ path: 'cabal.project.freeze', text: FREEZE });
  assert.deepEqual(
    inv.components.map((c) => `${c.purl} ${c.scope}`),
    [
      'pkg:hackage/Cabal@3.10.3.0 excluded',
      'pkg:hackage/aeson@2.2.3.0 required',
      'pkg:hackage/text@2.1.1 required',
      'pkg:hackage/vector@0.13.1.0 required',
    ],
  );
  assert.deepEqual(
    inv.issues.map((i) => `${i.severity} ${i.code}`),
    ['info installed-constraint'],
  );
});

test('cabal.project.freeze: a file without a constraints field is refused, saying so', () => {
  assert.throws(
    () => extract({ path: 'cabal.project.freeze', text: 'index-state: hackage.haskell.org 2024-11-02T10:00:00Z\n' }),
    (e: unknown) => e instanceof LockfileError && /no "constraints:" field/.test(e.message),
  );
});
