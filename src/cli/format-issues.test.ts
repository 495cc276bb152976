import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIssue } from './format-issues.js';

test('a field is named once even when the message already opens with it', () => {
  const line = formatIssue('bom.json', {
    severity: 'error',
    code: 'invalid-type',
    field: 'components[1].version',
    message: 'components[1].version: expected a string, found a number; left out',
  });
  assert.equal(
    line,
    'bom.json: error [invalid-type] components[1].version: expected a string, found a number; left out',
  );
  // A message naming another place keeps it.
  const other = formatIssue('bom.json', {
    severity: 'warning',
    code: 'x',
    component: 'a',
    field: 'licenses',
    message: 'licenses[0]: odd',
  });
  assert.equal(other, 'bom.json: warning [x] a licenses: licenses[0]: odd');
});

test('a line is named once even when the message already opens with it', () => {
  const line = formatIssue('doc.spdx', {
    severity: 'error',
    code: 'unterminated-text',
    line: 17,
    field: 'ReviewComment',
    message: 'line 17: ReviewComment opens <text> that never closes',
  });
  assert.equal(
    line,
    'doc.spdx: error [unterminated-text] line 17 ReviewComment: ReviewComment opens <text> that never closes',
  );
});
