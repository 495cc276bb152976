import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasErrors, issue } from './issue.js';
import { licenseFromEntries } from './license-statement.js';

test('hasErrors only counts error severity', () => {
  assert.equal(hasErrors([issue('warning', 'x', 'w')]), false);
  assert.equal(hasErrors([issue('warning', 'x', 'w'), issue('error', 'y', 'e')]), true);
});

test('licenseFromEntries joins entries with AND and keeps SPDX only when every entry is SPDX', () => {
  const spdx = licenseFromEntries([{ id: 'MIT' }, { expression: 'Apache-2.0 OR GPL-2.0-only' }]);
  assert.equal(spdx?.expression, 'MIT AND (Apache-2.0 OR GPL-2.0-only)');
  const mixed = licenseFromEntries([{ id: 'MIT' }, { name: 'My Licence' }]);
  assert.equal(mixed?.raw, 'MIT AND My Licence');
  assert.equal(mixed?.expression, undefined);
  assert.equal(licenseFromEntries([]), undefined);
});
