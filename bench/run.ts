// `npm run bench [filter]`: runs every bench/*.bench.ts case in its own process and prints time (wall,
// and CPU of the timed work) and peak RSS beside the baseline of the same group, measured in the same run. Results also go to
// .bench/latest.json. Benchmarks are measurements, never pass/fail tests. A case may run several rounds
// (BenchCase.rounds): its group then runs round by round and each case reports its median round.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase, BenchResult } from './case.js';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

const results: BenchResult[] = [];
for (const f of files) {
  const path = join(here, f);
  const mod = (await import(pathToFileURL(path).href)) as { cases: () => Promise<BenchCase[]> | BenchCase[] };
  const cases = await mod.cases();
  // Consecutive cases of one group run round by round (BenchCase.rounds).
  for (let start = 0; start < cases.length;) {
    let end = start + 1;
    while (end < cases.length && cases[end]!.group === cases[start]!.group) end++;
    const block = cases.slice(start, end).map((c, k) => ({ c, index: start + k, runs: [] as BenchResult[] }));
    const rounds = Math.max(...block.map((b) => b.c.rounds ?? 1));
    for (let round = 0; round < rounds; round++)
      for (const b of block) if (round < (b.c.rounds ?? 1)) b.runs.push(runCase(path, b.c, b.index));
    for (const b of block) {
      const r = medianRound(b.runs);
      results.push(r);
      printRow(r, results);
    }
    start = end;
  }
}

/** One case in a fresh process. */
function runCase(path: string, c: BenchCase, index: number): BenchResult {
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=8192', '--expose-gc', '--import', 'tsx', join(here, 'child.ts'), path, String(index)],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const last = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as BenchResult;
  } catch {
    return {
      group: c.group,
      name: c.name,
      baseline: !!c.baseline,
      seconds: 0,
      peakRssMb: 0,
      error: (child.stderr || 'no output').trim().split('\n').slice(-1)[0],
    };
  }
}

/**
 * A case's result over its rounds: the round of median wall time (its CPU time and note with it),
 * the largest peak RSS of any round, and every round's time. A round that failed fails the case.
 */
function medianRound(runs: BenchResult[]): BenchResult {
  if (runs.length === 1) return runs[0]!;
  const failed = runs.find((r) => r.error);
  if (failed) return failed;
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return {
    ...median,
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    roundSeconds: runs.map((r) => r.seconds),
  };
}

function printRow(r: BenchResult, all: BenchResult[]): void {
  const base = all.find((b) => b.group === r.group && b.baseline);
  const ratio = base && !r.baseline && base.seconds > 0 ? ` ${(r.seconds / base.seconds).toFixed(2)}× baseline` : '';
  const cpuRatio =
    base?.cpuSeconds && r.cpuSeconds !== undefined && !r.baseline
      ? ` (cpu ${(r.cpuSeconds / base.cpuSeconds).toFixed(2)}×)`
      : '';
  const cpu = r.cpuSeconds !== undefined ? ` cpu ${r.cpuSeconds.toFixed(3)} s` : '';
  const rounds = r.roundSeconds
    ? `  [median of ${r.roundSeconds.length} rounds: ${r.roundSeconds.map((t) => t.toFixed(2)).join(' / ')} s]`
    : '';
  const rate = r.items ? ` ${Math.round(r.items / r.seconds).toLocaleString('en')} items/s` : '';
  const line = r.error
    ? `${r.group.padEnd(34)} ${r.name.padEnd(34)} ERROR ${r.error}`
    : `${r.group.padEnd(34)} ${(r.baseline ? '[baseline] ' : '') + r.name}`.padEnd(70) +
      ` ${r.seconds.toFixed(3).padStart(8)} s${cpu}  ${r.peakRssMb.toFixed(0).padStart(6)} MB peak RSS${rate}${ratio}${cpuRatio}${rounds}${r.note ? `  (${r.note})` : ''}`;
  console.log(line);
}

mkdirSync(join(here, '..', '.bench'), { recursive: true });
writeFileSync(join(here, '..', '.bench', 'latest.json'), JSON.stringify(results, null, 2));
console.log(`\n${results.length} cases; results in .bench/latest.json`);
