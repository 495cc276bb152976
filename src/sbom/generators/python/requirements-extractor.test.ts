import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './requirements-extractor.js';

// Ranges in requirements.txt, exact versions in a constraints file: what pip installs. Written
// for this test.
const FILES: Record<string, string> = {
  'requirements.txt': 'flask>=3.0\nclick\n-c constraints/prod.txt\nitsdangerous==2.1.2\nnot-constrained>=1\n',
  'constraints/prod.txt':
    '# pinned by the release job\nFlask==3.0.3\nclick==8.1.7 ; python_version >= "3.8"\nitsdangerous==2.2.0\n',
};

test('requirements.txt: an unpinned requirement takes the version a -c constraints file pins', () => {
  const inv = extract({
    path: 'requirements.txt',
    text: FILES['requirements.txt']!,
    readRelated: (p) => FILES[p],
  });
  assert.deepEqual(inv.components.map((c) => c.purl).sort(), [
    'pkg:pypi/click@8.1.7',
    'pkg:pypi/flask@3.0.3',
    // An exact pin in the requirements file itself stays as written.
    'pkg:pypi/itsdangerous@2.1.2',
  ]);
  const flask = inv.components.find((c) => c.name === 'flask')!;
  assert.deepEqual(
    flask.properties.find((p) => p.name === 'vigie:python:pinned-by'),
    { name: 'vigie:python:pinned-by', value: 'constraints/prod.txt' },
  );
  assert.deepEqual(
    inv.issues.map((i) => i.code),
    ['unpinned-requirement'],
  );
});

// Direct references to one file: a wheel on PyPI's file host, a wheel of a local build with an
// encoded `+`, an sdist, a wheel of another distribution than the line names, and a repository.
// Written for this test.
const DIRECT = `httpx @ https://files.pythonhosted.org/packages/56/95/httpx-0.27.2-py3-none-any.whl
torch @ https://download.pytorch.org/whl/cpu/torch-2.4.1%2Bcpu-cp312-cp312-linux_x86_64.whl
python-dateutil @ https://example.com/dists/python_dateutil-2.9.0.post0.tar.gz
attrs @ https://example.com/wheels/cattrs-24.1.2-py3-none-any.whl
flask @ git+https://github.com/pallets/flask.git@3.0.3
`;

test('requirements.txt: a direct reference to a wheel or an sdist pins the version its file name carries', () => {
  const inv = extract({ path: 'requirements.txt', text: DIRECT });
  assert.deepEqual(inv.components.map((c) => c.purl).sort(), [
    'pkg:pypi/httpx@0.27.2',
    'pkg:pypi/python-dateutil@2.9.0.post0?download_url=https:%2F%2Fexample.com%2Fdists%2Fpython_dateutil-2.9.0.post0.tar.gz',
    'pkg:pypi/torch@2.4.1%2Bcpu?download_url=https:%2F%2Fdownload.pytorch.org%2Fwhl%2Fcpu%2Ftorch-2.4.1%252Bcpu-cp312-cp312-linux_x86_64.whl',
  ]);
  // The wheel of another distribution and the repository stay reported, not guessed.
  assert.deepEqual(
    inv.issues.filter((i) => i.code === 'unpinned-requirement').map((i) => i.message.split(' ')[1]),
    ['attrs', 'flask'],
  );
});
