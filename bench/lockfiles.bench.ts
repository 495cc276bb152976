// Lockfile inventories of every ecosystem beside cdxgen 12.8.4 (network lookups off, no install):
// one process per lockfile on each side, start-up included (issue 9: ≥ 5× faster, ≥ 98% of cdxgen's
// name@version set where cdxgen reads the file without a build tool; docs/lockfile-coverage.md
// explains every difference). Then one walk over a folder of 20 projects of 8 ecosystems built from
// corpus files (goal: under 2 s and 300 MB). The Theia npm case is in cli-start-up.bench.ts. Every
// process starts without NODE_EXTRA_CA_CERTS (process-env.ts).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './case.js';
import { benchEnv } from './process-env.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LOCKFILES = join(process.env.CORPORA_DIR ?? resolve(REPO, '..', 'shared', 'corpora'), 'lockfiles');
const OUT = join(REPO, '.bench', 'lockfiles');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const CDXGEN = join(REPO, 'node_modules', '@cyclonedx', 'cdxgen', 'bin', 'cdxgen.js');
const bin = join(REPO, 'bin', 'vigie.js');
// cdxgen without network: no registry or licence lookups, no package-manager installs.
const CDXGEN_ENV = benchEnv({
  FETCH_LICENSE: 'false',
  CDXGEN_FETCH_PKG_METADATA: 'false',
  CDXGEN_DEBUG_MODE: '',
  PYTHON_CMD: 'false',
  CDXGEN_NO_INSTALL: 'true',
});

interface Ecosystem {
  id: string;
  /** cdxgen project type. */
  type: string;
  /** Corpus files copied into one project folder, under the names the tools look for. */
  files: [from: string, to: string][];
}

const ECOSYSTEMS: Ecosystem[] = [
  { id: 'yarn v1', type: 'js', files: [['cdxgen/data/yarn_locks/yarn.lock', 'yarn.lock']] },
  { id: 'yarn berry', type: 'js', files: [['cdxgen/data/yarn_locks/yarnv4.1.lock', 'yarn.lock']] },
  { id: 'pnpm 9', type: 'js', files: [['cdxgen/data/pnpm-lock9a.yaml', 'pnpm-lock.yaml']] },
  { id: 'poetry', type: 'python', files: [['cdxgen/data/poetry.lock', 'poetry.lock']] },
  { id: 'Pipfile.lock', type: 'python', files: [['cdxgen/data/Pipfile.lock', 'Pipfile.lock']] },
  { id: 'uv', type: 'python', files: [['cdxgen/data/uv.lock', 'uv.lock']] },
  { id: 'pdm', type: 'python', files: [['cdxgen/data/pdm.lock', 'pdm.lock']] },
  {
    id: 'requirements (pip-compile)',
    type: 'python',
    files: [['cdxgen/data/requirements-lock.linux_py3.txt', 'requirements.txt']],
  },
  {
    id: 'go.mod + go.sum',
    type: 'go',
    files: [
      ['ort-synthetic/go/gomod/project-with-tests/go.mod', 'go.mod'],
      ['ort-synthetic/go/gomod/project-with-tests/go.sum', 'go.sum'],
    ],
  },
  {
    id: 'Cargo.lock',
    type: 'rust',
    files: [
      ['ort-synthetic/cargo/cargo/Cargo.lock', 'Cargo.lock'],
      ['ort-synthetic/cargo/cargo/Cargo.toml', 'Cargo.toml'],
    ],
  },
  { id: 'composer.lock', type: 'php', files: [['cdxgen/data/composer.lock', 'composer.lock']] },
  { id: 'Gemfile.lock', type: 'ruby', files: [['cdxgen/data/Gemfile.lock', 'Gemfile.lock']] },
  { id: 'pubspec.lock', type: 'dart', files: [['cdxgen/data/pubspec.lock', 'pubspec.lock']] },
  { id: 'mix.lock', type: 'elixir', files: [['cdxgen/data/mix.lock', 'mix.lock']] },
  { id: 'Package.resolved', type: 'swift', files: [['cdxgen/data/Package.resolved', 'Package.resolved']] },
  { id: 'Podfile.lock', type: 'cocoa', files: [['cdxgen/Podfile.lock', 'Podfile.lock']] },
  { id: 'packages.lock.json', type: 'dotnet', files: [['cdxgen/data/packages.lock.json', 'packages.lock.json']] },
];

interface Spawned {
  peakMb?: number;
}

function spawn(args: string[], env: NodeJS.ProcessEnv = benchEnv(), cwd?: string): Spawned {
  const argv = TIME ? ['-f', 'vigie-bench-peak-kb=%M', process.execPath, ...args] : args;
  const r = spawnSync(TIME ?? process.execPath, argv, {
    encoding: 'utf8',
    env,
    cwd,
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  if (r.status !== 0)
    throw new Error(
      `${args.slice(0, 3).join(' ')} exited ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-1)[0]}`,
    );
  const peak = /vigie-bench-peak-kb=(\d+)/.exec(r.stderr ?? '');
  return { peakMb: peak ? Number(peak[1]) / 1024 : undefined };
}

const note = (s: Spawned | undefined) => (s?.peakMb ? `process peak ${s.peakMb.toFixed(0)} MB` : '');

/** name@version of every component (npm scope or group in front), as both tools write them. */
export function nameVersions(path: string): Set<string> {
  const bom = JSON.parse(readFileSync(path, 'utf8')) as {
    components?: { group?: string; name: string; version?: string; purl?: string }[];
  };
  const out = new Set<string>();
  const visit = (list: typeof bom.components) => {
    for (const c of list ?? []) {
      if (!c.version) continue;
      // cdxgen writes an npm scope as group "@babel", Vigie as "babel" (the CycloneDX convention).
      out.add(`${c.group ? `${c.group.replace(/^@/, '')}/` : ''}${c.name}@${c.version}`.toLowerCase());
    }
  };
  visit(bom.components);
  return out;
}

function projectFolder(e: Ecosystem): string {
  const dir = join(OUT, e.id.replace(/[^\w.-]+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [from, to] of e.files) copyFileSync(join(LOCKFILES, from), join(dir, to));
  return dir;
}

function build(): void {
  spawn([join(REPO, 'scripts', 'build.mjs'), '--quiet']);
}

/** The 20-project, 8-ecosystem folder of the walk case. */
const WALK: [string, string][] = [
  ['ort-synthetic/node/yarn/babel/yarn.lock', 'web/yarn.lock'],
  ['ort-synthetic/node/yarn/babel/package.json', 'web/package.json'],
  ['ort-synthetic/node/pnpm/babel/pnpm-lock.yaml', 'admin/pnpm-lock.yaml'],
  ['ort-synthetic/node/pnpm/babel/package.json', 'admin/package.json'],
  ['cdxgen/data/package-json/v3/package-lock.json', 'api/package-lock.json'],
  ['ort-synthetic/node/bun/project-with-lockfile/bun.lock', 'edge/bun.lock'],
  ['cdxgen/data/poetry.lock', 'ml/poetry.lock'],
  ['cdxgen/data/uv.lock', 'tools/uv.lock'],
  ['cdxgen/data/Pipfile.lock', 'scripts/Pipfile.lock'],
  ['cdxgen/data/requirements-lock.linux_py3.txt', 'jobs/requirements.txt'],
  ['ort-synthetic/go/gomod/project-with-tests/go.mod', 'gateway/go.mod'],
  ['ort-synthetic/go/gomod/project-with-tests/go.sum', 'gateway/go.sum'],
  ['ort-synthetic/go/gomod/submodules/app/go.mod', 'agent/go.mod'],
  ['cdxgen/Cargo.lock', 'native/Cargo.lock'],
  ['ort-synthetic/cargo/cargo-subcrate/Cargo.lock', 'crypto/Cargo.lock'],
  ['cdxgen/data/composer.lock', 'cms/composer.lock'],
  ['cdxgen/data/Gemfile.lock', 'docs/Gemfile.lock'],
  ['cdxgen/data/packages.lock.json', 'desktop/packages.lock.json'],
  ['osv-scalibr/java/gradlelockfile/5-pkg', 'android/gradle.lockfile'],
  ['osv-scalibr/java/pomxml/with-dependency-management.xml', 'backend/pom.xml'],
  ['cdxgen/data/pubspec.lock', 'mobile/pubspec.lock'],
  ['cdxgen/data/mix.lock', 'realtime/mix.lock'],
  ['ort-synthetic/node/yarn2/project-with-lockfile/yarn.lock', 'portal/yarn.lock'],
];

export function cases(): BenchCase[] {
  if (!existsSync(LOCKFILES)) return [];
  const list: BenchCase[] = [];
  for (const e of ECOSYSTEMS) {
    const group = `lockfile ${e.id} (1 process each)`;
    const dir = join(OUT, e.id.replace(/[^\w.-]+/g, '-'));
    const cdxgenOut = join(OUT, `${e.id.replace(/[^\w.-]+/g, '-')}.cdxgen.json`);
    const vigieOut = join(OUT, `${e.id.replace(/[^\w.-]+/g, '-')}.vigie.json`);
    let theirs: Spawned | undefined;
    let ours: Spawned | undefined;
    list.push(
      {
        group,
        name: `cdxgen 12.8.4 -t ${e.type}, offline`,
        baseline: true,
        setup: () => projectFolder(e),
        run: () => {
          theirs = spawn(
            [CDXGEN, '-t', e.type, '--no-install-deps', '--spec-version', '1.6', '-o', cdxgenOut, dir],
            CDXGEN_ENV,
            dir,
          );
        },
        after: () => `${nameVersions(cdxgenOut).size} name@version; ${note(theirs)}`,
      },
      {
        group,
        name: 'vigie sbom generate',
        setup: () => {
          if (!existsSync(dir)) projectFolder(e);
          build();
        },
        run: () => {
          ours = spawn([bin, 'sbom', 'generate', dir, '--quiet', '-o', vigieOut]);
        },
        after: () => {
          const mine = nameVersions(vigieOut);
          if (!existsSync(cdxgenOut)) return `${mine.size} name@version (no cdxgen output to compare)`;
          const peer = nameVersions(cdxgenOut);
          const missing = [...peer].filter((k) => !mine.has(k));
          const extra = [...mine].filter((k) => !peer.has(k));
          writeFileSync(
            join(OUT, `${e.id.replace(/[^\w.-]+/g, '-')}.diff.json`),
            JSON.stringify({ missing, extra }, null, 2),
          );
          const share = peer.size ? ((100 * (peer.size - missing.length)) / peer.size).toFixed(1) : '100.0';
          return `${mine.size} name@version, ${share}% of cdxgen's ${peer.size} (${missing.length} missing, ${extra.length} only ours); ${note(ours)}`;
        },
      },
    );
  }
  const walkDir = join(OUT, 'walk-20-projects');
  let walk: Spawned | undefined;
  list.push({
    group: 'walk: 20 projects, 8 ecosystems',
    name: 'vigie sbom generate <folder>',
    setup: () => {
      rmSync(walkDir, { recursive: true, force: true });
      for (const [from, to] of WALK) {
        mkdirSync(dirname(join(walkDir, to)), { recursive: true });
        copyFileSync(join(LOCKFILES, from), join(walkDir, to));
      }
      build();
    },
    run: () => {
      walk = spawn([bin, 'sbom', 'generate', walkDir, '--quiet', '-o', join(OUT, 'walk.vigie.json')]);
    },
    after: () => {
      const bom = JSON.parse(readFileSync(join(OUT, 'walk.vigie.json'), 'utf8')) as {
        metadata: { component: { components: unknown[] } };
        components: unknown[];
      };
      return `${bom.metadata.component.components.length} projects, ${bom.components.length} components; ${note(walk)}`;
    },
  });
  return list;
}
