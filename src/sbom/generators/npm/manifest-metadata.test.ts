import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repositoryUrl } from './manifest-metadata.js';

test('repository URLs: shorthands expand, scp-like SSH becomes git+ssh, others stay as written', () => {
  assert.equal(repositoryUrl('github:user/repo'), 'https://github.com/user/repo');
  assert.equal(repositoryUrl('user/repo'), 'https://github.com/user/repo');
  assert.equal(
    repositoryUrl({ type: 'git', url: 'git@github.com:isaacs/node-glob.git' }),
    'git+ssh://git@github.com/isaacs/node-glob.git',
  );
  assert.equal(repositoryUrl('git+https://github.com/a/b.git'), 'git+https://github.com/a/b.git');
  assert.equal(repositoryUrl(undefined), undefined);
});
