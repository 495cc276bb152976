import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkProject } from './project-walk.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-walk-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const GO_MOD = 'module example.com/app\n\ngo 1.22\n\nrequire github.com/pkg/errors v0.9.1\n';
const GO_SUM = 'github.com/pkg/errors v0.9.1 h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=\n';

test('finds supported files, skips installed and ignored folders, honours .gitignore, reads companions', () => {
  const dir = tree({
    'go.mod': GO_MOD,
    'go.sum': GO_SUM,
    'web/yarn.lock': '# yarn lockfile v1\n',
    'web/package.json': '{"name":"web"}',
    'web/node_modules/x/package-lock.json': '{}',
    'vendor/poetry.lock': '',
    'generated/Cargo.lock': '',
    'api/requirements.txt': 'flask==3.0.0\n',
    'api/README.md': 'no',
    '.gitignore': 'generated/\n',
  });
  try {
    const walk = walkProject(dir);
    assert.deepEqual(
      walk.files.map((f) => `${f.input.path} ${f.extractor.id}`),
      ['api/requirements.txt pip-requirements', 'go.mod go-mod', 'web/yarn.lock yarn-lock'],
    );
    assert.equal(
      walk.files.find((f) => f.extractor.id === 'yarn-lock')!.input.readRelated!('package.json'),
      '{"name":"web"}',
    );
    // Companions outside the walked folder are never read, nor folders outside it listed.
    assert.equal(walk.files[0]!.input.readRelated!('../../../etc/passwd'), undefined);
    const yarn = walk.files.find((f) => f.extractor.id === 'yarn-lock')!.input;
    assert.deepEqual(yarn.listRelated!('node_modules'), ['x']);
    assert.deepEqual(yarn.listRelated!('..'), ['api', 'generated', 'vendor', 'web']);
    assert.deepEqual(yarn.listRelated!('../..'), []);
    const all = walkProject(dir, { all: true, gitignore: false });
    assert.deepEqual(all.files.map((f) => f.input.path).sort(), [
      'api/requirements.txt',
      'generated/Cargo.lock',
      'go.mod',
      'vendor/poetry.lock',
      'web/node_modules/x/package-lock.json',
      'web/yarn.lock',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('go.sum alone is read; one file can be named directly; symbolic links are not followed', () => {
  const dir = tree({ 'lib/go.sum': GO_SUM, 'x/Pipfile.lock': '{}' });
  try {
    symlinkSync(join(dir, 'x'), join(dir, 'loop'));
    assert.deepEqual(
      walkProject(dir).files.map((f) => f.input.path),
      ['lib/go.sum', 'x/Pipfile.lock'],
    );
    const one = walkProject(join(dir, 'x', 'Pipfile.lock'));
    assert.deepEqual(
      one.files.map((f) => f.input.path),
      ['Pipfile.lock'],
    );
    assert.throws(() => walkProject(join(dir, 'nope')), /does not exist/);
    writeFileSync(join(dir, 'notes.txt'), 'x');
    assert.throws(() => walkProject(join(dir, 'notes.txt')), /is not a lockfile or package database Vigie reads/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a binary file under a lockfile name is reported and the walk goes on', () => {
  const dir = tree({ 'a/Cargo.lock': '', 'b/uv.lock': 'version = 1\n' });
  try {
    writeFileSync(join(dir, 'a/Cargo.lock'), Buffer.from([0, 1, 2, 3]));
    const walk = walkProject(dir);
    assert.deepEqual(
      walk.files.map((f) => f.input.path),
      ['b/uv.lock'],
    );
    assert.equal(walk.failures.length, 1);
    assert.match(walk.failures[0]!.message, /a\/Cargo\.lock is binary data/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("bun's binary lockfile is named with the way out, unless its text lockfile is beside it", () => {
  const dir = tree({
    'app/bun.lockb': '#!/usr/bin/env bun\nbun-lockfile-format-v0\n\u0000\u0001',
    'app/package.json': '{"name":"app"}',
    'both/bun.lockb': '\u0000',
    'both/bun.lock': '{"lockfileVersion": 1, "workspaces": {"": {"name": "both"}}, "packages": {}}',
  });
  try {
    const walked = walkProject(dir);
    assert.deepEqual(
      walked.files.map((f) => f.input.path),
      ['both/bun.lock'],
    );
    assert.deepEqual(
      walked.failures.map((f) => [f.code, f.field]),
      [['unreadable-lockfile', 'app/bun.lockb']],
    );
    assert.match(walked.failures[0]!.message, /bun install --save-text-lockfile/);
    assert.throws(() => walkProject(join(dir, 'app', 'bun.lockb')), /binary lockfile.*--save-text-lockfile/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
