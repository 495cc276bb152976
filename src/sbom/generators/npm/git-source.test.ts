import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gitSourceOf } from './git-source.js';

const SHA = '82ae8802978da40d7f1be5ad5943c9e550ab2c89';

test('git sources as npm writes them: the repository as vcs_url and the locked commit', () => {
  assert.deepEqual(gitSourceOf(`git+ssh://git@github.com/jonschlinkert/is-number.git#${SHA}`), {
    url: 'git+ssh://git@github.com/jonschlinkert/is-number.git',
    commit: SHA,
  });
  assert.deepEqual(gitSourceOf(`github:jonschlinkert/is-number#${SHA}`), {
    url: 'git+https://github.com/jonschlinkert/is-number',
    commit: SHA,
  });
  assert.deepEqual(gitSourceOf(`gitlab:kornelski/babel-preset-php#${SHA}`), {
    url: 'git+https://gitlab.com/kornelski/babel-preset-php',
    commit: SHA,
  });
  assert.deepEqual(
    gitSourceOf(`jonschlinkert/is-number#${SHA}`)?.url,
    'git+https://github.com/jonschlinkert/is-number',
  );
  assert.deepEqual(
    gitSourceOf(`git://github.com/brianfryer/slick.git#${SHA}`)?.url,
    'git://github.com/brianfryer/slick.git',
  );
});

test('a token in an https git URL is not copied into the SBOM; a branch is no commit', () => {
  assert.deepEqual(gitSourceOf(`git+https://dummy-token@github.com/jonschlinkert/is-number.git#${SHA}`), {
    url: 'git+https://github.com/jonschlinkert/is-number.git',
    commit: SHA,
  });
  assert.deepEqual(gitSourceOf('git+https://github.com/a/b.git#main'), { url: 'git+https://github.com/a/b.git' });
});

test('registry tarballs and local folders are not git sources', () => {
  assert.equal(gitSourceOf('https://registry.npmjs.org/asap/-/asap-2.0.6.tgz'), undefined);
  assert.equal(gitSourceOf('file:../local'), undefined);
  assert.equal(gitSourceOf(undefined), undefined);
});
