/**
 * Long synchronous work written as a generator that pauses (yields) between steps: run to its end
 * at once by a caller that has nothing else to do (the CLI), or a step per turn of the event loop by
 * one that must keep answering (the server; `runWithTurns` in io/event-loop-turn.ts).
 */
export type WorkInSteps<T> = Generator<void, T, void>;

/** The work's result, every step run at once. */
export function runToEnd<T>(work: WorkInSteps<T>): T {
  for (;;) {
    const next = work.next();
    if (next.done) return next.value;
  }
}
