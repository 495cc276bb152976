import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './pixi-lock-extractor.js';
import { LockfileError } from '../core/lockfile-error.js';

// A pixi.lock version 6 as `pixi install` writes one: python and requests in the default environment on
// two platforms, pytest only in the test environment. Written for this test.
const LOCK = `version: 6
environments:
  default:
    channels:
    - url: https://conda.anaconda.org/conda-forge/
    indexes:
    - https://pypi.org/simple
    packages:
      linux-64:
      - conda: https://conda.anaconda.org/conda-forge/linux-64/python-3.12.3-hab00c5b_0_cpython.conda
      - conda: https://conda.anaconda.org/conda-forge/linux-64/libzlib-1.3.1-h4ab18f5_1.conda
      - pypi: https://files.pythonhosted.org/packages/f9/9b/requests-2.32.3-py3-none-any.whl
      - pypi: https://files.pythonhosted.org/packages/a2/73/idna-3.7-py3-none-any.whl
      osx-arm64:
      - conda: https://conda.anaconda.org/conda-forge/osx-arm64/python-3.12.3-h4a7b5fc_0_cpython.conda
  test:
    channels:
    - url: https://conda.anaconda.org/conda-forge/
    packages:
      linux-64:
      - conda: https://conda.anaconda.org/conda-forge/linux-64/python-3.12.3-hab00c5b_0_cpython.conda
      - conda: https://conda.anaconda.org/conda-forge/noarch/pytest-8.2.1-pyhd8ed1ab_0.conda
packages:
- conda: https://conda.anaconda.org/conda-forge/linux-64/libzlib-1.3.1-h4ab18f5_1.conda
  sha256: adf6096f98b537a11ae3729eaa642b0811478f0ea0402ca67b5108fe2cb0010d
  md5: 57d7dc60e9325e3de37ff8dffd18e814
  license: Zlib
  size: 61574
- conda: https://conda.anaconda.org/conda-forge/linux-64/python-3.12.3-hab00c5b_0_cpython.conda
  sha256: f9865bcbff69f15fd89a33a2da12ad616e98d65ce7c83c644b92e66e5016b227
  md5: 2540b74d304f71d3e89c81209db4db84
  depends:
  - libzlib >=1.2.13,<2.0.0a0
  license: Python-2.0
- conda: https://conda.anaconda.org/conda-forge/osx-arm64/python-3.12.3-h4a7b5fc_0_cpython.conda
  sha256: 0000000000000000000000000000000000000000000000000000000000000000
  license: Python-2.0
- conda: https://conda.anaconda.org/conda-forge/noarch/pytest-8.2.1-pyhd8ed1ab_0.conda
  depends:
  - python >=3.8
  license: MIT
- pypi: https://files.pythonhosted.org/packages/a2/73/idna-3.7-py3-none-any.whl
  name: idna
  version: '3.7'
  sha256: 82fee1fc78add43492d3a1898bfa6d8a904cc97d8427f683ed8e798d07761aa0
- pypi: https://files.pythonhosted.org/packages/f9/9b/requests-2.32.3-py3-none-any.whl
  name: requests
  version: 2.32.3
  sha256: 70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6
  requires_dist:
  - idna<4,>=2.5
  - PySocks!=1.5.7,>=1.5.6 ; extra == 'socks'
`;

test('pixi.lock: conda packages from their file names, PyPI ones, one per version across platforms, test-only ones dev', () => {
  const inventory = extract({ path: 'pixi.lock', text: LOCK });
  const byName = new Map(inventory.components.map((c) => [c.name, c]));
  assert.deepEqual([...byName.keys()].sort(), ['idna', 'libzlib', 'pytest', 'python', 'requests']);
  assert.equal(byName.get('python')?.purl, 'pkg:conda/python@3.12.3?channel=conda-forge');
  assert.equal(byName.get('python')?.licenses.declared?.raw, 'Python-2.0');
  assert.equal(byName.get('requests')?.purl, 'pkg:pypi/requests@2.32.3');
  assert.equal(byName.get('pytest')?.scope, 'excluded');
  assert.equal(byName.get('python')?.scope, 'required');
  const ref = (name: string) => byName.get(name)!.ref;
  const dependsOn = (name: string) => inventory.dependencies.find((d) => d.ref === ref(name))?.dependsOn ?? [];
  assert.deepEqual(dependsOn('python'), [ref('libzlib')]);
  assert.deepEqual(dependsOn('pytest'), [ref('python')]);
  assert.deepEqual(dependsOn('requests'), [ref('idna')]);
});

test('pixi.lock: an unknown version or a wrong shape is an error or a warning, never a crash', () => {
  assert.throws(() => extract({ path: 'pixi.lock', text: 'version: 2\npackages: []\n' }), LockfileError);
  assert.throws(() => extract({ path: 'pixi.lock', text: '- a\n- b\n' }), LockfileError);
  // A section of the wrong type is named with its line, not read as an empty lockfile.
  assert.throws(
    () => extract({ path: 'pixi.lock', text: 'version: 6\nenvironments: {}\npackages: x\n' }),
    (e: unknown) => e instanceof LockfileError && /`packages` is not a list/.test(e.message) && /:3/.test(e.message),
  );
  assert.throws(
    () => extract({ path: 'pixi.lock', text: 'version: 6\nenvironments: [1]\npackages: []\n' }),
    /`environments` is not a mapping/,
  );
  const inventory = extract({
    path: 'pixi.lock',
    text: 'version: 5\npackages:\n- kind: conda\n  name: zstd\n  version: 1.5.6\n  url: https://conda.anaconda.org/conda-forge/linux-64/zstd-1.5.6-ha6fb4c9_0.conda\n- 42\n',
  });
  assert.deepEqual(
    inventory.components.map((c) => c.purl),
    ['pkg:conda/zstd@1.5.6?channel=conda-forge'],
  );
  assert.deepEqual(
    inventory.issues.map((i) => i.code),
    ['invalid-entry'],
  );
});
