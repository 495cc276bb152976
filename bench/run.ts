// `npm run bench [filter]`: runs every bench/*.bench.ts case in its own process and prints time (wall,
// and CPU of the timed work) and peak RSS beside the baseline of the same group, measured in the same run. Results also go to
// .bench/latest.json. Benchmarks are measurements, never pass/fail tests.
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
  for (let i = 0; i < cases.length; i++) {
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=8192', '--expose-gc', '--import', 'tsx', join(here, 'child.ts'), path, String(i)],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const last = child.stdout.trim().split('\n').pop() ?? '';
    let r: BenchResult;
    try {
      r = JSON.parse(last) as BenchResult;
    } catch {
      r = {
        group: cases[i].group,
        name: cases[i].name,
        baseline: !!cases[i].baseline,
        seconds: 0,
        peakRssMb: 0,
        error: (child.stderr || 'no output').trim().split('\n').slice(-1)[0],
      };
    }
    results.push(r);
    printRow(r, results);
  }
}

function printRow(r: BenchResult, all: BenchResult[]): void {
  const base = all.find((b) => b.group === r.group && b.baseline);
  const ratio = base && !r.baseline && base.seconds > 0 ? ` ${(r.seconds / base.seconds).toFixed(2)}× baseline` : '';
  const cpuRatio =
    base?.cpuSeconds && r.cpuSeconds !== undefined && !r.baseline
      ? ` (cpu ${(r.cpuSeconds / base.cpuSeconds).toFixed(2)}×)`
      : '';
  const cpu = r.cpuSeconds !== undefined ? ` cpu ${r.cpuSeconds.toFixed(3)} s` : '';
  const rate = r.items ? ` ${Math.round(r.items / r.seconds).toLocaleString('en')} items/s` : '';
  const line = r.error
    ? `${r.group.padEnd(34)} ${r.name.padEnd(34)} ERROR ${r.error}`
    : `${r.group.padEnd(34)} ${(r.baseline ? '[baseline] ' : '') + r.name}`.padEnd(70) +
      ` ${r.seconds.toFixed(3).padStart(8)} s${cpu}  ${r.peakRssMb.toFixed(0).padStart(6)} MB peak RSS${rate}${ratio}${cpuRatio}${r.note ? `  (${r.note})` : ''}`;
  console.log(line);
}

mkdirSync(join(here, '..', '.bench'), { recursive: true });
writeFileSync(join(here, '..', '.bench', 'latest.json'), JSON.stringify(results, null, 2));
console.log(`\n${results.length} cases; results in .bench/latest.json`);
