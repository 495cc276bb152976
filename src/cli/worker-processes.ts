/**
 * The `vigie worker` processes `vigie serve` starts beside the API, so that jobs run out of the
 * server's process: a 50k-component import decodes and writes there, never on the API's event loop.
 * A worker that exits unexpectedly is started again after a pause; stop() ends them with SIGTERM
 * (each finishes its current job) and waits for them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../io/package-root.js';

/** The package's own bin: it runs dist/ when built and fresh, else the sources through tsx (ADR 6). */
function workerCommand(): { args: string[]; cwd: string } {
  const root = packageRoot();
  return { args: [join(root, 'bin', 'vigie.js')], cwd: root };
}

export interface WorkerProcesses {
  stop(): Promise<void>;
}

const RESTART_PAUSE_MS = 2_000;

export function startWorkerProcesses(count: number, db: string, log: (line: string) => void): WorkerProcesses {
  let stopping = false;
  const running = new Set<ChildProcess>();
  const exits = new Set<Promise<void>>();
  const start = (slot: number) => {
    const { args, cwd } = workerCommand();
    const child = spawn(process.execPath, [...args, 'worker', '--db', db], {
      cwd,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    running.add(child);
    const exited = new Promise<void>((resolve) =>
      child.once('exit', (code, signal) => {
        running.delete(child);
        if (!stopping) {
          log(`vigie worker ${slot} stopped (${signal ?? `exit ${code}`}); starting it again\n`);
          setTimeout(() => !stopping && start(slot), RESTART_PAUSE_MS).unref();
        }
        resolve();
      }),
    );
    exits.add(exited);
    void exited.then(() => exits.delete(exited));
  };
  for (let slot = 1; slot <= count; slot++) start(slot);
  return {
    async stop() {
      stopping = true;
      for (const child of running) child.kill('SIGTERM');
      await Promise.all([...exits]);
    },
  };
}
