// usageBlocker writes a usage's subject out by hand for speed (issue 13 item 5); it must stay exactly
// `{ ...subjectOf(state), ...finding }`, keys in the same order, or stored runs would change shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { subjectOf, usageBlocker, type UsageFinding, type UsageState } from './validation-context.js';

function state(versionPurl: string | null, componentPurl: string | null): UsageState {
  return {
    item: {
      usage: { id: 7, project: 'api', scope: 'runtime' },
      version: { number: '1.2.3', purl: versionPurl },
      component: { purl: componentPurl },
    },
    key: 'pkg:npm/left',
    label: 'left@1.2.3',
    exploitation: 'distribution',
  } as unknown as UsageState;
}

const finding: UsageFinding = {
  step: 5,
  rule: 'vigie/policy/never-allowed',
  kind: 'never-allowed',
  license: 'GPL-3.0-only',
  message: 'GPL-3.0-only is never allowed',
  decisions: [],
  fix: undefined,
} as unknown as UsageFinding;

test('usageBlocker equals the spread of subject and finding, key order included', () => {
  for (const s of [state('pkg:npm/left@1.2.3', 'pkg:npm/left'), state(null, 'pkg:npm/left'), state(null, null)]) {
    assert.equal(JSON.stringify(usageBlocker(s, finding)), JSON.stringify({ ...subjectOf(s), ...finding }));
    assert.deepEqual(Object.keys(usageBlocker(s, finding)), Object.keys({ ...subjectOf(s), ...finding }));
  }
});
