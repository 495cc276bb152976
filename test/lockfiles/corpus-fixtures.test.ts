// Every lockfile fixture of the corpora (osv-scalibr, cdxgen, ORT) goes through its extractor: the
// valid ones are read without error and give well-formed inventories; the invalid ones give one
// LockfileError that names the file and the line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, relative } from 'node:path';
import { corpus, corpusFiles, needsCorpora } from '../support/corpora.js';
import { LockfileError } from '../../src/sbom/generators/core/lockfile-error.js';
import { generateInventory } from '../../src/services/generate-inventory.js';
import { mergeInventories } from '../../src/sbom/generators/core/merge-inventories.js';
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
  {
    folder: `${OSV}/javascript/packagelockjson`,
    extractor: 'npm-package-lock',
    invalid: /^(not-json\.txt|null\.v2\.jsontest)$/,
  },
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
  { folder: `${OSV}/java/pomxml`, extractor: 'maven-pom', invalid: /^(invalid-syntax\.xml|not-pom\.txt)$/ },
  { folder: `${OSV}/java/pomxml/parent`, extractor: 'maven-pom', invalid: /^$/ },
  { folder: `${OSV}/java/gradlelockfile`, extractor: 'gradle-lockfile', invalid: /^$/ },
  { folder: `${OSV}/php/composerlock`, extractor: 'composer-lock', invalid: /^(not-json\.txt|null\.jsontest)$/ },
  { folder: `${OSV}/ruby/gemfilelock`, extractor: 'gemfile-lock', invalid: /^invalid\.lock$/ },
  { folder: `${OSV}/dart/pubspec`, extractor: 'pubspec-lock', invalid: /^not-yaml\.txt$/ },
  { folder: `${OSV}/elixir/mixlock`, extractor: 'mix-lock', invalid: /^$/ },
  { folder: `${OSV}/erlang/mixlock`, extractor: 'mix-lock', invalid: /^$/ },
  { folder: `${OSV}/swift/packageresolved`, extractor: 'package-resolved', invalid: /^(empty|invalid)$/ },
  { folder: `${OSV}/swift/podfilelock`, extractor: 'podfile-lock', invalid: /^invalid$/ },
  { folder: `${OSV}/cpp/conanlock`, extractor: 'conan-lock', invalid: /^(not-json\.txt|null\.v2\.jsontest)$/ },
  { folder: `${OSV}/dotnet/packageslockjson/valid`, extractor: 'nuget-packages-lock', invalid: /^$/ },
  { folder: `${OSV}/dotnet/packageslockjson/invalid`, extractor: 'nuget-packages-lock', invalid: /^invalid$/ },
  { folder: `${OSV}/dotnet/projectassetsjson/valid`, extractor: 'nuget-project-assets', invalid: /^$/ },
  { folder: `${OSV}/dotnet/projectassetsjson/invalid`, extractor: 'nuget-project-assets', invalid: /^invalid$/ },
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
  [/Gemfile[^/]*\.lock$/, 'gemfile-lock'],
  [/composer[^/]*\.lock$/, 'composer-lock'],
  [/pubspec\.lock$/, 'pubspec-lock'],
  [/mix\.lock(\.\d+)?$/, 'mix-lock'],
  [/Package\.resolved$/, 'package-resolved'],
  [/Podfile\.lock$/, 'podfile-lock'],
  [/packages\.lock\.json$/, 'nuget-packages-lock'],
];

// ORT's Conan lockfiles carry other names (ORT is told the name): read with the conan extractor.
const ORT_RENAMED: [string, string][] = [
  ['lockfiles/ort-synthetic/conan/conan-py-lockfile/lockfile.lock', 'conan-lock'],
  ['lockfiles/ort-synthetic/conan/conan-py-lockfile/lockfile_conan2.lock', 'conan-lock'],
];

describe('osv-scalibr fixtures', needsCorpora, () => {
  for (const set of SETS) {
    test(`${set.folder.slice(OSV.length + 1)} with ${set.extractor}`, async () => {
      const files = corpusFiles(
        set.folder,
        (p) => !p.slice(corpus(set.folder).length + 1).includes('/') && (!set.only || set.only.test(p)),
      );
      assert.ok(files.length > 0);
      for (const file of files) {
        const name = basename(file);
        if (set.invalid.test(name)) {
          await assert.rejects(
            () => extractFile(set.extractor, file),
            (err: unknown) => {
              assert.ok(err instanceof LockfileError, `${name}: ${String(err)}`);
              assert.match(
                err.message,
                new RegExp(`^${relative(corpus('lockfiles'), file).replace(/[.]/g, '\\.')}:\\d+: \\S`),
                name,
              );
              assert.ok(err.line && err.line >= 1);
              return true;
            },
          );
        } else assertWellFormed(await extractFile(set.extractor, file), name);
      }
    });
  }
});

describe('cdxgen fixtures', needsCorpora, () => {
  test('every lockfile of the cdxgen set is read', async () => {
    let read = 0;
    for (const file of corpusFiles('lockfiles/cdxgen')) {
      const id = CDXGEN.find(([pattern]) => pattern.test(file))?.[1];
      if (!id) continue;
      assertWellFormed(await extractFile(id, file), file);
      read++;
    }
    assert.ok(read >= 60, `read ${read}`);
  });

  test('a lockfile merged alone gives what the full merge gives (ADR 69)', async () => {
    let kept = 0;
    for (const file of corpusFiles('lockfiles/cdxgen')) {
      const id = CDXGEN.find(([pattern]) => pattern.test(file))?.[1];
      if (!id) continue;
      const inventory = await extractFile(id, file);
      // Reversed lists are out of order, so they go through the full merge.
      const reversed = {
        ...inventory,
        components: [...inventory.components].reverse(),
        dependencies: [...inventory.dependencies].reverse(),
      };
      const alone = mergeInventories([inventory], { folder: 'p' }).sbom;
      if (alone.components === inventory.components) kept++;
      assert.deepEqual(alone, mergeInventories([reversed], { folder: 'p' }).sbom, file);
    }
    assert.ok(kept >= 50, `kept ${kept}`);
  });

  test('ORT lockfiles under other names', async () => {
    for (const [file, id] of ORT_RENAMED) assert.ok((await extractFile(id, corpus(file))).components.length > 0, file);
  });
});

describe('unsupported versions are clear errors', needsCorpora, () => {
  test('Package.resolved version 4 (ORT fixture)', async () => {
    await assert.rejects(
      () =>
        extractFile('package-resolved', corpus('lockfiles/ort-synthetic/swiftpm/only-lockfile-v4/Package.resolved')),
      /Package\.resolved:2: Package\.resolved version 4 is not one this reader knows \(1–3\)/,
    );
  });
});

describe('walks over whole corpus sets', needsCorpora, () => {
  // The one failure expected: ORT's Package.resolved v4 fixture (a version no tool knows yet).
  const EXPECTED_FAILURES: Record<string, string[]> = {
    'lockfiles/cdxgen': [],
    'lockfiles/ort-synthetic': ['swiftpm/only-lockfile-v4/Package.resolved'],
  };
  for (const set of ['lockfiles/cdxgen', 'lockfiles/ort-synthetic']) {
    test(`${set}: every file found is read, no failure`, async () => {
      const result = await generateInventory(corpus(set));
      assert.deepEqual(result.failed, EXPECTED_FAILURES[set]);
      assert.ok(result.files.length >= 20, `${result.files.length} files`);
      const refs = new Set(result.sbom.components.map((c) => c.ref));
      assert.equal(refs.size, result.sbom.components.length);
      for (const d of result.sbom.dependencies)
        for (const r of d.dependsOn)
          assert.ok(refs.has(r) || result.sbom.metadata.component!.components!.some((p) => p.ref === r), r);
    });
  }
});
