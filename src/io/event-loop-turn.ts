/**
 * A turn of the event loop between two long pieces of synchronous work: timers and sockets are
 * served (the server's /health, other requests' reads) before the work goes on. A promise settled
 * with `await` alone is not enough: it runs before any I/O callback.
 */
export function eventLoopTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/** Work written in steps (model/work-in-steps.ts), with a turn of the event loop after each step. */
export async function runWithTurns<T>(work: Generator<void, T, void>): Promise<T> {
  for (;;) {
    const next = work.next();
    if (next.done) return next.value;
    await eventLoopTurn();
  }
}
