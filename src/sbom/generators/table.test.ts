import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractorFor } from './table.js';

test('table: the locks of a second Gemfile and of Appraisal variants are read as Gemfile.lock', () => {
  for (const path of [
    'Gemfile.lock',
    'Gemfile.next.lock',
    'api/Gemfile_rails7.lock',
    'gemfiles/rails_7.1.gemfile.lock',
    'gems.locked',
  ])
    assert.equal(extractorFor(path)?.id, 'gemfile-lock', path);
  for (const path of ['Gemfile', 'gemfiles/rails_7.1.gemfile', 'Gemfile.lock.bak'])
    assert.equal(extractorFor(path), undefined, path);
});
