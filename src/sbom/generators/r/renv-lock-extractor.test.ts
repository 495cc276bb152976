import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './renv-lock-extractor.js';
import { LockfileError } from '../core/lockfile-error.js';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora } from '../../../../test/support/corpora.js';

// A renv 1.0 lockfile with a CRAN package, one from Posit's package manager, one from Bioconductor and
// one installed from GitHub. Written for this test in the shape `renv::snapshot()` writes.
const LOCK = JSON.stringify(
  {
    R: { Version: '4.3.2', Repositories: [{ Name: 'CRAN', URL: 'https://cloud.r-project.org' }] },
    Bioconductor: { Version: '3.18' },
    Packages: {
      R6: {
        Package: 'R6',
        Version: '2.5.1',
        Source: 'Repository',
        Repository: 'CRAN',
        Requirements: ['R'],
        Hash: '470851b6d5d0ac559e9d01bb352b4021',
      },
      jsonlite: {
        Package: 'jsonlite',
        Version: '1.8.8',
        Source: 'Repository',
        Repository: 'RSPM',
        Requirements: ['methods'],
        Hash: 'e1b9c55281c5adc4dd113652d9e26768',
        License: 'MIT + file LICENSE',
      },
      Biobase: {
        Package: 'Biobase',
        Version: '2.62.0',
        Source: 'Bioconductor',
        Repository: 'Bioconductor 3.18',
        Requirements: ['R', 'methods', 'utils'],
        Hash: '38f8a5a6a0b5e7d1b0b6c9c4e6e6a1f0',
      },
      tidyplot: {
        Package: 'tidyplot',
        Version: '0.3.0.9000',
        Source: 'GitHub',
        RemoteType: 'github',
        RemoteHost: 'api.github.com',
        RemoteUsername: 'jbengler',
        RemoteRepo: 'tidyplots',
        RemoteRef: 'main',
        RemoteSha: '4f2d9c1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e',
        Requirements: ['R6', 'jsonlite', 'stats'],
        Hash: 'ab12cd34ef56ab12cd34ef56ab12cd34',
      },
    },
  },
  null,
  2,
);

test('renv.lock: CRAN and package-manager packages are pkg:cran, Bioconductor its own, a GitHub install its commit', () => {
  const inventory = extract({ path: 'renv.lock', text: LOCK });
  const byName = new Map(inventory.components.map((c) => [c.name, c]));
  assert.deepEqual([...byName.keys()].sort(), ['Biobase', 'R6', 'jsonlite', 'tidyplot']);
  assert.equal(byName.get('R6')?.purl, 'pkg:cran/R6@2.5.1');
  assert.equal(byName.get('jsonlite')?.purl, 'pkg:cran/jsonlite@1.8.8');
  assert.equal(byName.get('Biobase')?.purl, 'pkg:bioconductor/Biobase@2.62.0');
  assert.equal(
    byName.get('tidyplot')?.purl,
    'pkg:cran/tidyplot@0.3.0.9000?vcs_url=git%2Bhttps:%2F%2Fgithub.com%2Fjbengler%2Ftidyplots%404f2d9c1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e',
  );
  assert.deepEqual(byName.get('tidyplot')?.externalReferences, [
    { type: 'vcs', url: 'https://github.com/jbengler/tidyplots#4f2d9c1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e' },
  ]);
  assert.equal(byName.get('jsonlite')?.licenses.declared?.raw, 'MIT + file LICENSE');
  assert.deepEqual(byName.get('R6')?.hashes, [{ alg: 'MD5', content: '470851b6d5d0ac559e9d01bb352b4021' }]);
  // Requirements between library packages are edges; base R's (R, methods, stats, utils) are not.
  const refOf = (name: string) => byName.get(name)!.ref;
  const edges = inventory.dependencies.find((d) => d.ref === refOf('tidyplot'))?.dependsOn ?? [];
  assert.deepEqual([...edges].sort(), [refOf('R6'), refOf('jsonlite')].sort());
  assert.equal(inventory.completeness, 'incomplete');
  assert.ok(inventory.project.properties.some((p) => p.name === 'vigie:renv:r-version' && p.value === '4.3.2'));
});

test('renv.lock: wrong types are errors or warnings at their place, never a crash', () => {
  assert.throws(() => extract({ path: 'renv.lock', text: '{"Packages": ["R6"]}' }), LockfileError);
  assert.throws(() => extract({ path: 'renv.lock', text: '{"Packages": {' }), LockfileError);
  const inventory = extract({
    path: 'renv.lock',
    text: JSON.stringify({
      Packages: { odd: 'x', R6: { Package: 'R6', Version: '2.5.1', Source: 'Repository', Requirements: 'R' } },
    }),
  });
  assert.deepEqual(
    inventory.components.map((c) => c.purl),
    ['pkg:cran/R6@2.5.1'],
  );
  assert.deepEqual(
    inventory.issues.map((i) => i.code),
    ['invalid-entry', 'invalid-entry'],
  );
});

test("renv.lock: osv-scalibr's renvlock corpus reads, bad files are a LockfileError", needsCorpora, () => {
  const read = (name: string) => {
    const file = corpus('lockfiles/osv-scalibr/r/renvlock', name);
    return extract({ path: file, text: readFileSync(file, 'utf8') });
  };
  const purls = (name: string) =>
    read(name)
      .components.map((c) => c.purl ?? c.name)
      .sort();
  assert.deepEqual(purls('one-package.lock'), ['pkg:cran/morning@0.1.0']);
  assert.equal(purls('two-packages.lock').length, 2);
  assert.ok(purls('with-bioconductor.lock').some((p) => p.startsWith('pkg:bioconductor/')));
  const mixed = read('with-mixed-sources.lock').components;
  const mime = mixed.find((c) => c.name === 'mime');
  assert.ok(mime?.externalReferences.some((r) => r.type === 'vcs' && r.url.includes('github.com/yihui/mime')));
  assert.ok(read('without-repository.lock').components.some((c) => c.name === 'morning'));
  assert.deepEqual(read('empty.lock').components, []);
  assert.throws(() => read('not-json.txt'), LockfileError);
  // Early renv (0.x) wrote the repository as Source.
  const early = extract({
    path: 'renv.lock',
    text: '{"Packages": {"R6": {"Package": "R6", "Version": "2.4.0", "Source": "CRAN"}}}',
  });
  assert.equal(early.components[0]?.purl, 'pkg:cran/R6@2.4.0');
});
