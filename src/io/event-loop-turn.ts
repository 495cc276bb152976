/**
 * A turn of the event loop between two long pieces of synchronous work: timers and sockets are
 * served (the server's /health, other requests' reads) before the work goes on. A promise settled
 * with `await` alone is not enough: it runs before any I/O callback.
 */
export function eventLoopTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
