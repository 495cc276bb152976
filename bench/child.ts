// Runs one case of one bench file and prints its result as JSON on the last stdout line.
import { pathToFileURL } from 'node:url';
import type { BenchCase, BenchResult } from './case.js';
import { peakKb } from './report-peak-rss.mjs';

const [file, index] = process.argv.slice(2);
const mod = (await import(pathToFileURL(file).href)) as { cases: () => Promise<BenchCase[]> | BenchCase[] };
const cases = await mod.cases();
const c = cases[Number(index)];
let result: BenchResult;
try {
  const prepared = c.setup ? await c.setup() : undefined;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const items = await c.run(prepared);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const childRss = c.childPeakRssMb?.(prepared);
  const note = c.after ? await c.after(prepared) : undefined;
  result = {
    group: c.group,
    name: c.name,
    baseline: !!c.baseline,
    seconds,
    ...(c.childPeakRssMb ? {} : { cpuSeconds: (cpu.user + cpu.system) / 1e6 }),
    items: typeof items === 'number' ? items : undefined,
    peakRssMb: childRss ?? peakKb() / 1024,
    note: note || undefined,
  };
} catch (err) {
  result = {
    group: c.group,
    name: c.name,
    baseline: !!c.baseline,
    seconds: 0,
    peakRssMb: peakKb() / 1024,
    error: err instanceof Error ? err.message : String(err),
  };
}
process.stdout.write('\n' + JSON.stringify(result) + '\n');
