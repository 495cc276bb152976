// What a user waits for: whole `vigie` processes, start-up included, beside bare `node -e 0` run the
// same number of times in the same run (issue 13: --version within 3×, licence normalise within 4×),
// and the npm inventory of the Theia lockfile of the corpora beside cdxgen 12.8.4 with its network
// lookups off (goal ≥ 20× faster with ≥ 98% of cdxgen's name@version set). Each figure is one case
// process spawning the commands; the peak RSS column is that harness's, the spawned process's own
// peak (from /usr/bin/time when present) is in the note.
// Every process, the baselines' too, starts without NODE_EXTRA_CA_CERTS (process-env.ts).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './case.js';
import { benchEnv, CA_NOTE } from './process-env.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPORA = process.env.CORPORA_DIR ?? resolve(REPO, '..', 'shared', 'corpora');
const THEIA = join(CORPORA, 'lockfiles', 'cdxgen', 'data', 'package-json', 'theia');
const OUT = join(REPO, '.bench');
const ROUNDS = 20;
/**
 * Processes per side in the Theia comparison: one run of each (0.2 s against 4 s) let a single slow
 * start on either side move the ratio by a tenth; the figure is their total.
 */
const THEIA_ROUNDS = 3;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Spawned {
  stdout: string;
  peakMb?: number;
}

/** Runs one process to completion; a failure throws, so a broken command never reports a time. */
function spawn(command: string, args: string[], env: NodeJS.ProcessEnv = benchEnv()): Spawned {
  const argv = TIME ? ['-f', 'vigie-bench-peak-kb=%M', command, ...args] : args;
  const r = spawnSync(TIME ?? command, argv, { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  const peak = /vigie-bench-peak-kb=(\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 && !(r.status === 1 && args.includes('normalize'))) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-1)[0]}`,
    );
  }
  return { stdout: r.stdout, peakMb: peak ? Number(peak[1]) / 1024 : undefined };
}

const peakNote = (s: Spawned | undefined) => (s?.peakMb ? `process peak ${s.peakMb.toFixed(0)} MB` : '');

/** The bin runs dist/ only when it is fresh (ADR 6): build before timing, as `npm ci` would have. */
function ensureBuilt(): void {
  spawn(process.execPath, [join(REPO, 'scripts', 'build.mjs'), '--quiet']);
}

function repeated(
  group: string,
  name: string,
  args: string[],
  check: (stdout: string) => void,
  baseline = false,
): BenchCase {
  let last: Spawned | undefined;
  return {
    group,
    name,
    baseline,
    setup: baseline ? undefined : ensureBuilt,
    run: () => {
      for (let i = 0; i < ROUNDS; i++) last = spawn(process.execPath, args);
    },
    after: () => {
      check(last!.stdout);
      return [`${ROUNDS} runs`, peakNote(last), CA_NOTE].filter(Boolean).join(', ');
    },
  };
}

const bin = join(REPO, 'bin', 'vigie.js');

/** name@version of every component, the way both tools write npm scopes in `group`. */
function nameVersions(path: string): Set<string> {
  const bom = JSON.parse(readFileSync(path, 'utf8')) as {
    components?: { group?: string; name: string; version?: string }[];
  };
  return new Set((bom.components ?? []).map((c) => `${c.group ? `${c.group}/` : ''}${c.name}@${c.version ?? ''}`));
}

export function cases(): BenchCase[] {
  const startUp = 'cli start-up (20 processes)';
  const list: BenchCase[] = [
    repeated(startUp, 'node -e 0', ['-e', '0'], () => {}, true),
    repeated(startUp, 'vigie --version', [bin, '--version'], (out) => {
      if (!/^\d+\.\d+\.\d+/.test(out)) throw new Error(`--version printed "${out}"`);
    }),
    repeated(
      startUp,
      'vigie license normalize "Apache 2" --json',
      [bin, 'license', 'normalize', 'Apache 2', '--json'],
      (out) => {
        if ((JSON.parse(out) as { expression: string }).expression !== 'Apache-2.0')
          throw new Error(`normalize printed ${out}`);
      },
    ),
  ];
  if (!existsSync(join(THEIA, 'package-lock.json'))) return list;

  const theia = `npm inventory: Theia lockfile (${THEIA_ROUNDS} processes each)`;
  const cdxgenOut = join(OUT, 'theia.cdxgen.json');
  const vigieOut = join(OUT, 'theia.vigie.json');
  let cdxgen: Spawned | undefined;
  let vigie: Spawned | undefined;
  list.push(
    {
      group: theia,
      name: 'cdxgen 12.8.4 -t js, no install, no remote metadata',
      baseline: true,
      setup: () => mkdirSync(OUT, { recursive: true }),
      run: () => {
        for (let i = 0; i < THEIA_ROUNDS; i++)
          cdxgen = spawn(
            process.execPath,
            [
              join(REPO, 'node_modules', '@cyclonedx', 'cdxgen', 'bin', 'cdxgen.js'),
              '-t',
              'js',
              '--no-install-deps',
              '--spec-version',
              '1.6',
              '-o',
              cdxgenOut,
              THEIA,
            ],
            benchEnv({ FETCH_LICENSE: 'false', CDXGEN_FETCH_PKG_METADATA: 'false', CDXGEN_DEBUG_MODE: '' }),
          );
      },
      after: () =>
        [`${nameVersions(cdxgenOut).size} name@version`, peakNote(cdxgen), CA_NOTE].filter(Boolean).join('; '),
    },
    {
      group: theia,
      name: 'vigie sbom generate',
      setup: () => {
        mkdirSync(OUT, { recursive: true });
        ensureBuilt();
      },
      run: () => {
        for (let i = 0; i < THEIA_ROUNDS; i++)
          vigie = spawn(process.execPath, [bin, 'sbom', 'generate', THEIA, '--quiet', '-o', vigieOut]);
      },
      after: () => {
        const ours = nameVersions(vigieOut);
        if (!existsSync(cdxgenOut)) return `${ours.size} name@version (no cdxgen output to compare)`;
        const theirs = nameVersions(cdxgenOut);
        const shared = [...theirs].filter((k) => ours.has(k)).length;
        const coverage = `${ours.size} name@version, ${((100 * shared) / theirs.size).toFixed(1)}% of cdxgen's ${theirs.size}`;
        return [coverage, peakNote(vigie), CA_NOTE].filter(Boolean).join('; ');
      },
    },
  );
  return list;
}
