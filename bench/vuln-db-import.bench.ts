// Importing a synthetic 300k-record osv.dev-style zip into a SQLite store with the real command,
// `vigie vuln db import <zip> --db <file>`, run as a process of its own so that its peak RSS is
// the command's (issue 11 must-show: under 1 GB; the archive is read entry by entry and written in
// batches, so memory must not grow with the archive). Baseline, in the same run and the same way: a
// process that only reads and parses every entry of the archive (no schema check, no store).
// Set VIGIE_BENCH_OSV_RECORDS for another size. The archive is made once and kept in .bench/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './case.js';
import { writeSyntheticOsvZip } from './synthetic-osv-zip.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const COUNT = Number(process.env.VIGIE_BENCH_OSV_RECORDS ?? 300_000);
const GOAL_MB = 1024;

interface Prepared {
  zip: string;
  dir: string;
  peakRssMb?: number;
  stdout?: string;
}

function archive(): string {
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const zip = join(dir, `synthetic-osv-${COUNT}-v1.zip`);
  if (!existsSync(zip)) {
    writeSyntheticOsvZip(`${zip}.part`, COUNT);
    renameSync(`${zip}.part`, zip);
  }
  return zip;
}

/** Runs node with the peak-RSS reporter preloaded; returns stdout and the child's peak RSS in MB. */
function runMeasured(p: Prepared, args: string[]): void {
  const rssFile = join(p.dir, 'peak-rss');
  const child = spawnSync(process.execPath, ['--import', join(here, 'report-peak-rss.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, VIGIE_PEAK_RSS_FILE: rssFile },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0)
    throw new Error(
      `${args.join(' ')} exited ${child.status}: ${(child.stderr || '').trim().split('\n').slice(-1)[0]}`,
    );
  p.stdout = child.stdout;
  p.peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
}

const prepare = (): Prepared => ({ zip: archive(), dir: mkdtempSync(join(tmpdir(), 'vigie-bench-osvzip-')) });
const dispose = (p: Prepared) => rmSync(p.dir, { recursive: true, force: true });

export function cases(): BenchCase[] {
  const group = `vuln db import ${COUNT.toLocaleString('en')}-record OSV zip (child process)`;
  return [
    {
      group,
      name: 'read and parse every entry (no schema, no store)',
      baseline: true,
      setup: prepare,
      run: (prepared) => {
        const p = prepared as Prepared;
        const script = `import { readOsvSources } from './src/io/osv-files.ts'; let n = 0; for await (const item of readOsvSources([${JSON.stringify(p.zip)}], '.')) if ('value' in item) n++; console.log(n);`;
        runMeasured(p, ['--import', 'tsx', '--input-type=module', '-e', script]);
        return COUNT;
      },
      after: (prepared) => {
        const p = prepared as Prepared;
        dispose(p);
        if (Number(p.stdout!.trim()) !== COUNT) throw new Error(`read ${p.stdout!.trim()} records, expected ${COUNT}`);
        return 'peak RSS of the child process';
      },
      childPeakRssMb: (prepared) => (prepared as Prepared).peakRssMb,
    },
    {
      group,
      name: 'vigie vuln db import <zip> --db <sqlite>',
      setup: prepare,
      run: (prepared) => {
        const p = prepared as Prepared;
        runMeasured(p, ['bin/vigie.js', 'vuln', 'db', 'import', p.zip, '--db', join(p.dir, 'vigie.db'), '--quiet']);
        return COUNT;
      },
      after: (prepared) => {
        const p = prepared as Prepared;
        dispose(p);
        const imported = /(\d+) imported/.exec(p.stdout ?? '')?.[1];
        if (Number(imported) !== COUNT)
          throw new Error(`imported ${imported ?? 'nothing'}, expected ${COUNT}: ${p.stdout}`);
        const rss = p.peakRssMb!;
        return `peak RSS of the command, ${rss < GOAL_MB ? 'under' : 'OVER'} the 1 GB goal`;
      },
      childPeakRssMb: (prepared) => (prepared as Prepared).peakRssMb,
    },
  ];
}
