// Every lockfile fixture of the corpora (osv-scalibr, cdxgen, ORT) goes through its extractor: the
// valid ones are read without error and give well-formed inventories; the invalid ones give one
// LockfileError that names the file and the line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, relative } from 'node:path';
import { corpus, corpusFiles, needsCorpora } from '../support/corpora.js';
import { LockfileError } from '../../src/sbom/generators/core/lockfile-error.js';
import { generateInventory } from '../../src/services/generate-inventory.js';
import { assertWellFormed, extractFile } from './support.js';

interface FixtureSet {
  folder: string;
  extractor: string;
  /** Files in the folder that this extractor reads (default: all). */
  only?: RegExp;
  /** Fixtures that are broken on purpose. */
  invalid: RegExp;
}

const OSV = 'lockfiles/osv-scalibr';
const SETS: FixtureSet[] = [
  { folder: `${OSV}/javascript/packagelockjson`, extractor: 'npm-package-lock', invalid: /^(not-json\.txt|null\.v2\.jsontest)$/ },
  { folder: `${OSV}/javascript/yarnlock`, extractor: 'yarn-lock', invalid: /^$/ },
  { folder: `${OSV}/javascript/pnpmlock`, extractor: 'pnpm-lock', invalid: /^not-yaml\.txt$/ },
  { folder: `${OSV}/javascript/bunlock`, extractor: 'bun-lock', invalid: /^not-json\.txt$/ },
  { folder: `${OSV}/python/poetrylock`, extractor: 'poetry-lock', invalid: /^not-toml\.txt$/ },
  { folder: `${OSV}/python/pipfilelock`, extractor: 'pipfile-lock', invalid: /^(not-json\.txt|empty-file)$/ },
  { folder: `${OSV}/python/uvlock`, extractor: 'uv-lock', invalid: /^not-toml\.txt$/ },
  { folder: `${OSV}/python/pdmlock`, extractor: 'pdm-lock', invalid: /^not-toml\.txt$/ },
  { folder: `${OSV}/python/requirements`, extractor: 'pip-requirements', invalid: /^$/ },
  { folder: `${OSV}/golang/gomod`, extractor: 'go-mod', only: /\.mod$/, invalid: /^not-go-mod\.mod$/ },
  { folder: `${OSV}/golang/gomod`, extractor: 'go-sum', only: /\.sum$/, invalid: /^indirect-1\.23\.sum$/ },
  { folder: `${OSV}/rust/cargolock`, extractor: 'cargo-lock', invalid: /^not-toml\.txt$/ },
];

// cdxgen's fixtures carry numbered names (pnpm-lock6a.yaml, poetry1.lock): the extractor by pattern.
const CDXGEN: [RegExp, string][] = [
  [/package-lock[^/]*\.json$/, 'npm-package-lock'],
  [/yarn[^/]*\.lock$/, 'yarn-lock'],
  [/pnpm-lock[^/]*\.yaml$/, 'pnpm-lock'],
  [/poetry[^/]*\.lock$/, 'poetry-lock'],
  [/Pipfile\.lock$/, 'pipfile-lock'],
  [/uv\.lock$/, 'uv-lock'],
  [/pdm\.lock$/, 'pdm-lock'],
  [/requirements[^/]*\.txt$/, 'pip-requirements'],
  [/go\.sum$/, 'go-sum'],
  [/Cargo\.lock$/, 'cargo-lock'],
];

describe('osv-scalibr fixtures', needsCorpora, () => {
  for (const set of SETS) {
    test(`${set.folder.slice(OSV.length + 1)} with ${set.extractor}`, () => {
      const files = corpusFiles(set.folder, (p) => !p.slice(corpus(set.folder).length + 1).includes('/') && (!set.only || set.only.test(p)));
      assert.ok(files.length > 0);
      for (const file of files) {
        const name = basename(file);
        if (set.invalid.test(name)) {
          assert.throws(() => extractFile(set.extractor, file), (err: unknown) => {
            assert.ok(err instanceof LockfileError, `${name}: ${String(err)}`);
            assert.match(err.message, new RegExp(`^${relative(corpus('lockfiles'), file).replace(/[.]/g, '\\.')}:\\d+: \\S`), name);
            assert.ok(err.line && err.line >= 1);
            return true;
          });
        } else assertWellFormed(extractFile(set.extractor, file), name);
      }
    });
  }
});

describe('cdxgen fixtures', needsCorpora, () => {
  test('every lockfile of the cdxgen set is read', () => {
    let read = 0;
    for (const file of corpusFiles('lockfiles/cdxgen')) {
      const id = CDXGEN.find(([pattern]) => pattern.test(file))?.[1];
      if (!id) continue;
      assertWellFormed(extractFile(id, file), file);
      read++;
    }
    assert.ok(read >= 45, `read ${read}`);
  });
});

describe('walks over whole corpus sets', needsCorpora, () => {
  for (const set of ['lockfiles/cdxgen', 'lockfiles/ort-synthetic']) {
    test(`${set}: every file found is read, no failure`, () => {
      const result = generateInventory(corpus(set));
      assert.deepEqual(result.failed, []);
      assert.ok(result.files.length >= 20, `${result.files.length} files`);
      const refs = new Set(result.sbom.components.map((c) => c.ref));
      assert.equal(refs.size, result.sbom.components.length);
      for (const d of result.sbom.dependencies) for (const r of d.dependsOn) assert.ok(refs.has(r) || result.sbom.metadata.component!.components!.some((p) => p.ref === r), r);
    });
  }
});
