/**
 * Read results kept beside the store's change stamp (ADR 37): a value computed after reading stamp S
 * is served again only while the store still answers S, so a write through any door (this API, a
 * second API process on the same PostgreSQL, the CLI on the same SQLite file) is seen by the next
 * read. The stamp is read before computing, never after: a value can only be newer than its stamp.
 *
 * Whatever is cached here is shared by every caller that reaches the read, so callers cache only
 * what does not depend on who asks (the route's permission is checked before the handler runs).
 * Concurrent misses of one key under one stamp share one computation; failures are not kept.
 * Bounded by entry count and by a weight (response bytes), least recently used first; a new stamp
 * empties the cache at once (everything kept under the old one can no longer be served).
 */
import type { Store } from '../store/index.js';

export interface StampedCacheLimits {
  maxEntries: number;
  /** Total weight held (for response bodies: bytes); a single heavier value is not kept. */
  maxWeight: number;
}

interface Entry<V> {
  value: V;
  weight: number;
}

export class StampedCache<V> {
  private stamp: string | null = null;
  private readonly entries = new Map<string, Entry<V>>();
  private readonly pending = new Map<string, Promise<V>>();
  private weight = 0;

  constructor(
    private readonly limits: StampedCacheLimits,
    private readonly weigh: (value: V) => number,
  ) {}

  /** Held values (tests: the bounds hold). */
  get size(): number {
    return this.entries.size;
  }

  get heldWeight(): number {
    return this.weight;
  }

  /** The value of `key`: kept when the store has not changed since it was computed, else computed now. */
  async read(store: Store, key: string, compute: () => Promise<V>): Promise<V> {
    const stamp = await store.changeStamp();
    if (stamp === null) return compute();
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      this.entries.clear();
      this.pending.clear();
      this.weight = 0;
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const running = this.pending.get(key);
    if (running) return running;
    const computing = compute();
    this.pending.set(key, computing);
    try {
      const value = await computing;
      // Kept only if no newer stamp was seen meanwhile (else it may be older than what is current).
      if (this.stamp === stamp) this.keep(key, value);
      return value;
    } finally {
      if (this.pending.get(key) === computing) this.pending.delete(key);
    }
  }

  private keep(key: string, value: V): void {
    const weight = this.weigh(value);
    if (weight > this.limits.maxWeight) return;
    // Two computations of one key can both finish under one stamp (PostgreSQL stamps may arrive out
    // of order and reset `pending`): the second replaces the first, whose weight goes with it.
    const replaced = this.entries.get(key);
    if (replaced) {
      this.entries.delete(key);
      this.weight -= replaced.weight;
    }
    this.entries.set(key, { value, weight });
    this.weight += weight;
    while (this.entries.size > this.limits.maxEntries || this.weight > this.limits.maxWeight) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry<V>];
      this.entries.delete(oldestKey);
      this.weight -= oldest.weight;
    }
  }
}
