/**
 * A benchmark case. Each case runs in a fresh Node process so that its peak RSS is its own.
 * `group` puts a case beside its baseline (e.g. "cyclonedx-json 300k": bare JSON.parse vs Vigie decode).
 */
export interface BenchCase {
  group: string;
  name: string;
  /** True for the reference measured in the same run (bare JSON.parse, a peer library…). */
  baseline?: boolean;
  /** Work done once before timing (building inputs); not timed, but its memory counts in peak RSS. */
  setup?: () => Promise<unknown> | unknown;
  /** The timed work; returns how many items it processed (for throughput), if that means something. */
  run: (prepared: unknown) => Promise<number | void> | number | void;
  /**
   * Not timed, after `run`: checks what the run produced (throw when it is wrong, so a broken case
   * never reports a figure) and returns a short note printed beside it (e.g. agreement with a peer).
   */
  after?: (prepared: unknown) => Promise<string | void> | string | void;
  /**
   * When `run` did its work in a child process (a CLI command measured as a user runs it): that
   * process's peak RSS in MB, reported instead of this process's. Read after `run`, before `after`.
   */
  childPeakRssMb?: (prepared: unknown) => number | undefined;
  /**
   * Rounds to run (default 1). The cases of a group run round by round, each in every round, so a
   * spell of load on a shared machine falls on all of them; each reports its median round.
   */
  rounds?: number;
}

export interface BenchResult {
  group: string;
  name: string;
  baseline: boolean;
  seconds: number;
  /**
   * CPU time of the timed work in this process (user + system, every thread): on a shared machine
   * the wall time swings with the load, this much less. Absent when the work ran in a child process.
   */
  cpuSeconds?: number;
  items?: number;
  peakRssMb: number;
  note?: string;
  error?: string;
  /** Wall times of every round, in the order run, when the case ran more than one. */
  roundSeconds?: number[];
}
