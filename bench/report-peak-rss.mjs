// Preloaded (`node --import`) into a process a bench runs as a child: at exit, writes the process's
// peak RSS in kilobytes to the file named by VIGIE_PEAK_RSS_FILE, so the bench reports the memory of
// the command it measures (`vigie vuln db import …`), not its own. On Linux it is VmHWM, the high-water
// mark of this program's own memory: getrusage's maxRSS also counts what the parent held when it
// forked (it survives exec), which would charge the bench's own memory to the command.
import { readFileSync, writeFileSync } from 'node:fs';

export function peakKb() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // not Linux: getrusage is the best there is
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env.VIGIE_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(peakKb())));
