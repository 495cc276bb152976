import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './flake-lock-extractor.js';
import { LockfileError } from '../core/lockfile-error.js';

// A flake.lock (version 7) as `nix flake lock` writes one: nixpkgs and flake-utils from GitHub,
// home-manager following the root's nixpkgs, a git input, a tarball and a local path. Written for this test.
const LOCK = JSON.stringify({
  nodes: {
    'flake-utils': {
      inputs: { systems: 'systems' },
      locked: {
        lastModified: 1710146030,
        narHash: 'sha256-SZ5L6eA7HJ/nmkzGG7/ISclqe6oZdOZTNoesiInkXPQ=',
        owner: 'numtide',
        repo: 'flake-utils',
        rev: 'b1d9ab70662946ef0850d488da1c9019f3a9752a',
        type: 'github',
      },
      original: { owner: 'numtide', repo: 'flake-utils', type: 'github' },
    },
    'home-manager': {
      inputs: { nixpkgs: ['nixpkgs'] },
      locked: {
        lastModified: 1717000000,
        narHash: 'sha256-AAAA',
        owner: 'nix-community',
        repo: 'home-manager',
        rev: '1c43dcfac48a2d622797f7ab741670fdbcf8f609',
        type: 'github',
      },
      original: { owner: 'nix-community', ref: 'release-24.05', repo: 'home-manager', type: 'github' },
    },
    nixpkgs: {
      locked: {
        lastModified: 1716948383,
        narHash: 'sha256-SzDKxseEcHR5KzPXLwsemyTR/kaM9whxeiJohbL04rs=',
        owner: 'NixOS',
        repo: 'nixpkgs',
        rev: 'ad57eef4ef0659193044870c731987a6df5cf56b',
        type: 'github',
      },
      original: { owner: 'NixOS', ref: 'nixos-unstable', repo: 'nixpkgs', type: 'github' },
    },
    tools: {
      flake: false,
      locked: {
        narHash: 'sha256-BBBB',
        ref: 'refs/heads/main',
        rev: '0123456789abcdef0123456789abcdef01234567',
        type: 'git',
        url: 'https://git.example.org/tools.git',
      },
      original: { type: 'git', url: 'https://git.example.org/tools.git' },
    },
    assets: {
      flake: false,
      locked: { narHash: 'sha256-CCCC', type: 'tarball', url: 'https://example.org/assets-1.2.tar.gz' },
      original: { type: 'tarball', url: 'https://example.org/assets-1.2.tar.gz' },
    },
    local: { locked: { path: './vendor/local', type: 'path' }, original: { path: './vendor/local', type: 'path' } },
    root: {
      inputs: {
        'flake-utils': 'flake-utils',
        'home-manager': 'home-manager',
        nixpkgs: 'nixpkgs',
        tools: 'tools',
        assets: 'assets',
        local: 'local',
      },
    },
    systems: {
      locked: {
        narHash: 'sha256-DDDD',
        owner: 'nix-systems',
        repo: 'default',
        rev: 'da67096a3b9bf56a91d16901293e51ba5b49a27e',
        type: 'github',
      },
      original: { owner: 'nix-systems', repo: 'default', type: 'github' },
    },
  },
  root: 'root',
  version: 7,
});

test('flake.lock: forge inputs at their commit, git and tarball inputs by URL, follows resolved', () => {
  const inventory = extract({ path: 'flake.lock', text: LOCK });
  const byName = new Map(inventory.components.map((c) => [c.name, c]));
  assert.deepEqual([...byName.keys()].sort(), [
    'assets',
    'default',
    'flake-utils',
    'home-manager',
    'local',
    'nixpkgs',
    'tools',
  ]);
  assert.equal(byName.get('nixpkgs')?.purl, 'pkg:github/nixos/nixpkgs@ad57eef4ef0659193044870c731987a6df5cf56b');
  assert.equal(byName.get('nixpkgs')?.version, 'ad57eef4ef0659193044870c731987a6df5cf56b');
  assert.ok(byName.get('nixpkgs')?.properties.some((p) => p.name === 'vigie:nix:ref' && p.value === 'nixos-unstable'));
  assert.match(
    byName.get('tools')?.purl ?? '',
    /^pkg:generic\/tools@0123456789abcdef0123456789abcdef01234567\?vcs_url=git%2Bhttps:/,
  );
  assert.equal(
    byName.get('assets')?.purl,
    'pkg:generic/assets?download_url=https:%2F%2Fexample.org%2Fassets-1.2.tar.gz',
  );
  assert.equal(byName.get('local')?.purl, undefined);
  const ref = (name: string) => byName.get(name)!.ref;
  const dependsOn = (name: string) => inventory.dependencies.find((d) => d.ref === name)?.dependsOn ?? [];
  // home-manager follows the root's nixpkgs: one nixpkgs, reached from both.
  assert.deepEqual(dependsOn(ref('home-manager')), [ref('nixpkgs')]);
  assert.deepEqual(dependsOn(ref('flake-utils')), [ref('default')]);
  assert.equal(dependsOn(inventory.project.ref).length, 6);
  assert.equal(inventory.completeness, 'complete');
  assert.deepEqual(inventory.issues, []);
});

test('flake.lock: broken follows and wrong types are warnings or errors, never a hang or a crash', () => {
  assert.throws(() => extract({ path: 'flake.lock', text: '{"nodes": []}' }), LockfileError);
  assert.throws(() => extract({ path: 'flake.lock', text: '{"nodes": {"a": {}}, "root": "root"}' }), LockfileError);
  // A follows path that names itself, and one that names nothing.
  const cyclic = JSON.stringify({
    nodes: {
      a: { inputs: { x: ['a', 'x'] }, locked: { type: 'github', owner: 'o', repo: 'a', rev: 'r1' } },
      root: { inputs: { a: 'a', b: ['missing'] } },
    },
    root: 'root',
    version: 7,
  });
  const inventory = extract({ path: 'flake.lock', text: cyclic });
  assert.deepEqual(
    inventory.components.map((c) => c.name),
    ['a'],
  );
  assert.deepEqual(
    inventory.issues.map((i) => i.code),
    ['unresolved-input', 'unresolved-input'],
  );
});
