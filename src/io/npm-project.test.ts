import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, REPO_ROOT, needsCorpora } from '../../test/support/corpora.js';
import { generateNpmSbom } from '../sbom/generators/npm/index.js';
import { jsonErrorOffset } from '../sbom/json-text.js';
import { NpmProjectError, readNpmProject } from './npm-project.js';

function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-npm-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('JSON errors are located by line', () => {
  assert.equal(jsonErrorOffset('{"a": [1, 2,]}'), 12);
  assert.equal(jsonErrorOffset('{"a": {"b": tru}}'), 12);
  assert.equal(jsonErrorOffset('[1] x'), 4);
  assert.equal(jsonErrorOffset('{"a": "b"}'), undefined);
});

test(
  'a folder without a lockfile, a lockfile that is not JSON, or not npm`s, is a one-line error',
  needsCorpora,
  async () => {
    const empty = tempProject({ 'package.json': '{"name":"x"}' });
    const broken = tempProject({ 'package-lock.json': '{\n  "lockfileVersion": 3,\n  "packages": {,}\n}' });
    try {
      await assert.rejects(
        readNpmProject(empty),
        (err: unknown) =>
          err instanceof NpmProjectError &&
          /has no npm lockfile \(npm-shrinkwrap\.json or package-lock\.json\)/.test(err.message),
      );
      await assert.rejects(
        readNpmProject(broken),
        (err: unknown) =>
          err instanceof NpmProjectError &&
          /package-lock\.json is not valid JSON at line 3/.test(err.message) &&
          !err.message.includes('\n'),
      );
      await assert.rejects(
        readNpmProject(corpus('lockfiles/osv-scalibr/javascript/packagelockjson/not-json.txt')),
        /is not valid JSON at line 1/,
      );
      await assert.rejects(
        readNpmProject(corpus('lockfiles/osv-scalibr/javascript/packagelockjson/null.v2.jsontest')),
        /is not an npm lockfile: the top-level value is not an object/,
      );
      await assert.rejects(readNpmProject(join(empty, 'nope')), /does not exist/);
    } finally {
      rmSync(empty, { recursive: true });
      rmSync(broken, { recursive: true });
    }
  },
);

test('the shrinkwrap wins over package-lock.json, as in npm', needsCorpora, async () => {
  const input = await readNpmProject(corpus('lockfiles/osv-scalibr/javascript/packagelockjson/both'));
  assert.equal(input.lockfileName, 'npm-shrinkwrap.json');
});

test('installed manifests are read from node_modules, never from outside the project', async () => {
  const dir = tempProject({ 'package-lock.json': '{"lockfileVersion":3,"packages":{}}' });
  try {
    const input = await readNpmProject(dir);
    assert.equal(input.installedManifest!('../../etc'), undefined);
    const own = await readNpmProject(REPO_ROOT);
    assert.equal((own.installedManifest!('node_modules/yaml') as { name?: string })?.name, 'yaml');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

// Cross-check against @cyclonedx/cyclonedx-npm, which asks `npm ls` (npm's own arborist) for the
// tree of this very repository's package-lock.json. `--package-lock-only` because node_modules here
// is shared by engineers working in parallel and may hold packages the lockfile does not list yet
// (a lockfile inventory cannot see those; that drift is not what this test is about). Its `--omit dev` keeps what a production install has: prod, optional and peer
// packages, and devOptional ones (a dev dependency that is also an optional dependency of a
// production package), which is exactly what our non-dev scopes hold (devOptional maps to optional).
test('the production inventory of this repository matches cyclonedx-npm --omit dev', async () => {
  const output = execFileSync(
    join(REPO_ROOT, 'node_modules/.bin/cyclonedx-npm'),
    [
      '--output-format',
      'JSON',
      '--omit',
      'dev',
      '--flatten-components',
      '--short-PURLs',
      '--ignore-npm-errors',
      '--package-lock-only',
      '--output-file',
      '-',
    ],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 120_000,
    },
  );
  const theirs = new Set((JSON.parse(output).components as { purl: string }[]).map((c) => c.purl));
  const { sbom } = generateNpmSbom(await readNpmProject(REPO_ROOT));
  const ours = new Set(sbom.components.filter((c) => c.dependencyScope !== 'dev').map((c) => c.purl!));
  assert.ok(theirs.size > 5);
  assert.deepEqual([...ours].filter((p) => !theirs.has(p)).sort(), [], 'only in ours');
  assert.deepEqual([...theirs].filter((p) => !ours.has(p)).sort(), [], 'only in cyclonedx-npm');
  assert.deepEqual(sbom.metadata.lifecycles, ['build'], 'node_modules is installed here');
});
