import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './pipfile-extractor.js';

// A Pipfile.lock holds direct and indirect packages alike; the Pipfile beside it names the direct
// ones. Written for this test.
const LOCK = JSON.stringify({
  _meta: { 'pipfile-spec': 6 },
  default: {
    Flask: { version: '==3.0.3' },
    werkzeug: { version: '==3.0.2' },
  },
  develop: { pytest: { version: '==8.1.1' }, pluggy: { version: '==1.5.0' } },
});
const PIPFILE = '[packages]\nflask = "*"\n\n[dev-packages]\npytest = "*"\n';

test('Pipfile.lock: the Pipfile names the direct dependencies; without it, every package stands in for one', () => {
  const direct = (readRelated?: (p: string) => string | undefined) =>
    extract({ path: 'Pipfile.lock', text: LOCK, ...(readRelated && { readRelated }) }).dependencies.find(
      (d) => d.ref === 'project:Pipfile.lock',
    )?.dependsOn;
  assert.deepEqual(
    direct((p) => (p === 'Pipfile' ? PIPFILE : undefined)),
    ['pkg:pypi/flask@3.0.3', 'pkg:pypi/pytest@8.1.1'],
  );
  assert.deepEqual(direct(), [
    'pkg:pypi/flask@3.0.3',
    'pkg:pypi/pluggy@1.5.0',
    'pkg:pypi/pytest@8.1.1',
    'pkg:pypi/werkzeug@3.0.2',
  ]);
});
