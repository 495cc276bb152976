/**
 * Counts failed authentications per client address in fixed windows and says when an address must
 * wait. Memory is bounded: at most `maxClients` addresses are tracked; when full, the entry that was
 * touched least recently goes first (a Map keeps insertion order, and each touch re-inserts).
 */
export interface FailedAuthLimits {
  /** Failures allowed per address and window before it is refused. */
  maxFailures: number;
  windowMs: number;
  maxClients: number;
}

export const DEFAULT_FAILED_AUTH_LIMITS: FailedAuthLimits = { maxFailures: 20, windowMs: 60_000, maxClients: 10_000 };

interface Window {
  startedAt: number;
  failures: number;
}

export class FailedAuthLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limits: FailedAuthLimits = DEFAULT_FAILED_AUTH_LIMITS) {}

  /** Milliseconds the address must still wait, or 0 when it may try. */
  retryAfterMs(address: string, now: number): number {
    const w = this.current(address, now);
    if (!w || w.failures < this.limits.maxFailures) return 0;
    return w.startedAt + this.limits.windowMs - now;
  }

  recordFailure(address: string, now: number): void {
    const w = this.current(address, now) ?? { startedAt: now, failures: 0 };
    w.failures++;
    this.windows.delete(address);
    this.windows.set(address, w);
    while (this.windows.size > this.limits.maxClients) {
      const oldest = this.windows.keys().next().value as string;
      this.windows.delete(oldest);
    }
  }

  /** How many addresses are tracked (tests: memory stays bounded). */
  get size(): number {
    return this.windows.size;
  }

  private current(address: string, now: number): Window | undefined {
    const w = this.windows.get(address);
    if (w && now - w.startedAt >= this.limits.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return w;
  }
}
