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
