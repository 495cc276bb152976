import { recordIds, type OsvRecord } from '../osv/record.js';

/**
 * Alias groups: every id that names the same flaw (a record's id and its `aliases`, joined
 * transitively across records: GO-… ↔ CVE-… ↔ GHSA-… ↔ PYSEC-…) is one group, so a user never
 * sees the same flaw twice. `related` ids are distinct flaws and do not join groups.
 */
export class AliasGroups {
  private readonly parent = new Map<string, string>();
  private groups: Map<string, string[]> | undefined;
  private shown = new Map<string, { ids: string[]; id: string }>();

  add(record: Pick<OsvRecord, 'id' | 'aliases'>): void {
    this.groups = undefined;
    if (this.shown.size > 0) this.shown = new Map();
    const ids = recordIds(record);
    for (const id of ids) if (!this.parent.has(id)) this.parent.set(id, id);
    for (const id of ids.slice(1)) this.union(ids[0]!, id);
  }

  private find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root) ?? root;
    let cur = id;
    while (cur !== root) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }

  /** A stable key for the group holding `id`. */
  groupKey(id: string): string {
    return this.parent.has(id) ? this.find(id) : id;
  }

  /** Every id of the group holding `id`, sorted. */
  members(id: string): string[] {
    if (!this.groups) {
      this.groups = new Map();
      for (const other of this.parent.keys()) {
        const root = this.find(other);
        const list = this.groups.get(root);
        if (list) list.push(other);
        else this.groups.set(root, [other]);
      }
      for (const list of this.groups.values()) list.sort();
    }
    return this.groups.get(this.groupKey(id)) ?? [id];
  }

  /** The group holding `id`: its ids and the id it is shown under (computed once per group). */
  group(id: string): AliasGroup {
    const key = this.groupKey(id);
    let g = this.shown.get(key);
    if (!g) {
      const ids = this.members(id);
      g = { ids, id: displayId(ids) };
      this.shown.set(key, g);
    }
    return g;
  }
}

export interface AliasGroup {
  /** Every id of the group, sorted. */
  ids: string[];
  /** The id the group is shown under. */
  id: string;
}

/** The id a group is shown under: its first CVE id when it has one, else its first id. */
export function displayId(ids: readonly string[]): string {
  const sorted = [...ids].sort();
  return sorted.find((i) => i.startsWith('CVE-')) ?? sorted[0]!;
}
