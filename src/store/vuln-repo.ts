/**
 * The vulnerability database over Kysely. Alias groups are kept as (id → group key) rows; a record
 * that links two groups merges them (the smallest id names the group), so CVE ↔ GHSA ↔ PYSEC …
 * read as one flaw whichever record brought the link.
 */
import type { StoreContext } from './context.js';
import { chunks, fromJson, rowsPerStatement, toJson } from './context.js';
import type { VulnerabilityStore } from './vuln-store.js';
import { packageKey, splitEcosystem } from '../vulns/osv/ecosystem.js';

const IN_CHUNK = 500;

export function vulnerabilityRepository(ctx: StoreContext): VulnerabilityStore {
  const { db } = ctx;

  async function groupsOf(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks([...new Set(ids)], IN_CHUNK)) {
      const rows = await db
        .selectFrom('vuln_aliases')
        .select(['vuln_id', 'group_key'])
        .where('vuln_id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.vuln_id, r.group_key);
    }
    return out;
  }

  async function membersOf(keys: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const part of chunks([...new Set(keys)], IN_CHUNK)) {
      const rows = await db
        .selectFrom('vuln_aliases')
        .select(['vuln_id', 'group_key'])
        .where('group_key', 'in', part)
        .execute();
      for (const r of rows) out.set(r.group_key, [...(out.get(r.group_key) ?? []), r.vuln_id]);
    }
    return out;
  }

  async function aliasGroup(ids: string[]): Promise<string[]> {
    const groups = await groupsOf(ids);
    const members = await membersOf([...groups.values()]);
    return [...new Set([...ids, ...[...members.values()].flat()])].sort();
  }

  return {
    async vulnRecordsModified(ids) {
      const out = new Map<string, string>();
      for (const part of chunks([...new Set(ids)], IN_CHUNK)) {
        const rows = await db
          .selectFrom('vuln_records')
          .select(['record_id', 'modified'])
          .where('record_id', 'in', part)
          .execute();
        for (const r of rows) out.set(r.record_id, r.modified);
      }
      return out;
    },

    async putVulnRecords(records, importedAt) {
      if (records.length === 0) return;
      const ids = records.map((r) => r.id);
      for (const part of chunks(ids, IN_CHUNK))
        await db.deleteFrom('vuln_records').where('record_id', 'in', part).execute();
      for (const part of chunks(records, rowsPerStatement(8))) {
        await db
          .insertInto('vuln_records')
          .values(
            part.map((r) => ({
              record_id: r.id,
              source: r.source,
              modified: r.modified,
              published: r.published,
              withdrawn: r.withdrawn,
              summary: r.summary,
              record: r.json,
              imported_at: importedAt,
            })),
          )
          .execute();
      }
      const packages = records.flatMap((r) =>
        [...new Map(r.packages.map((p) => [`${p.ecosystem}\u0000${p.name}`, p])).values()].map((p) => ({
          record_id: r.id,
          ecosystem: p.ecosystem,
          name: p.name,
          name_key: packageKey(splitEcosystem(p.ecosystem).base, p.name),
        })),
      );
      for (const part of chunks(packages, rowsPerStatement(4)))
        await db.insertInto('vuln_packages').values(part).execute();
      await mergeAliasGroups(records.map((r) => r.ids));
    },

    async linkVulnAliases(idSets) {
      await mergeAliasGroups(idSets.filter((ids) => ids.length > 1));
    },

    async replaceKev(entries) {
      await db.deleteFrom('vuln_kev').execute();
      for (const part of chunks(entries, rowsPerStatement(5))) {
        await db
          .insertInto('vuln_kev')
          .values(
            part.map((e) => ({
              cve_id: e.cveId,
              date_added: e.dateAdded,
              due_date: e.dueDate,
              ransomware: e.ransomware,
              entry: e.json,
            })),
          )
          .onConflict((oc) => oc.column('cve_id').doNothing())
          .execute();
      }
    },

    async replaceEpss(scores) {
      await db.deleteFrom('vuln_epss').execute();
      for (const part of chunks(scores, rowsPerStatement(3))) {
        await db
          .insertInto('vuln_epss')
          .values(part.map((s) => ({ cve_id: s.cveId, epss: s.epss, percentile: s.percentile })))
          .onConflict((oc) => oc.column('cve_id').doNothing())
          .execute();
      }
    },

    async recordVulnSource(s) {
      const row = {
        kind: s.kind,
        origin: s.origin,
        loaded_at: s.loadedAt,
        data_date: s.dataDate,
        records: s.records,
        details: toJson(s.details),
      };
      await db
        .insertInto('vuln_sources')
        .values({ name: s.name, ...row })
        .onConflict((oc) => oc.column('name').doUpdateSet(row))
        .execute();
    },

    async listVulnSources() {
      const rows = await db.selectFrom('vuln_sources').selectAll().orderBy('name').execute();
      return rows.map((r) => ({
        name: r.name,
        kind: r.kind as 'osv' | 'kev' | 'epss' | 'euvd',
        origin: r.origin,
        loadedAt: r.loaded_at,
        dataDate: r.data_date,
        records: Number(r.records),
        details: fromJson<Record<string, unknown>>(r.details, {}),
      }));
    },

    async vulnEcosystemCounts() {
      // The base ecosystem of each record (Debian:12 counts as Debian), counted once per record.
      const rows = await db
        .selectFrom('vuln_packages')
        .innerJoin('vuln_records', 'vuln_records.record_id', 'vuln_packages.record_id')
        .select([
          'vuln_packages.ecosystem',
          'vuln_records.record_id',
          'vuln_records.modified',
          'vuln_records.withdrawn',
        ])
        .execute();
      const byEcosystem = new Map<string, { ids: Set<string>; withdrawn: Set<string>; newest: string | null }>();
      for (const r of rows) {
        const base = r.ecosystem.split(':')[0]!;
        const e = byEcosystem.get(base) ?? { ids: new Set<string>(), withdrawn: new Set<string>(), newest: null };
        e.ids.add(r.record_id);
        if (r.withdrawn) e.withdrawn.add(r.record_id);
        if (e.newest === null || r.modified > e.newest) e.newest = r.modified;
        byEcosystem.set(base, e);
      }
      return [...byEcosystem.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([ecosystem, e]) => ({
          ecosystem,
          records: e.ids.size,
          withdrawn: e.withdrawn.size,
          newestModified: e.newest,
        }));
    },

    async vulnEcosystemHeld(ecosystem) {
      const any = await db
        .selectFrom('vuln_packages')
        .select('record_id')
        .where((eb) => eb.or([eb('ecosystem', '=', ecosystem), eb('ecosystem', 'like', `${ecosystem}:%`)]))
        .limit(1)
        .executeTakeFirst();
      return any !== undefined;
    },

    async vulnPackagesHeld() {
      return (await db.selectFrom('vuln_packages').select('record_id').limit(1).executeTakeFirst()) !== undefined;
    },

    async vulnRecordsForPackages(ecosystem, names) {
      const out = new Map<string, string>();
      // Names are compared folded as the ecosystem compares them (PEP 503, case …): name_key.
      const base = splitEcosystem(ecosystem).base;
      for (const part of chunks([...new Set(names.map((n) => packageKey(base, n)))], IN_CHUNK)) {
        const rows = await db
          .selectFrom('vuln_packages')
          .innerJoin('vuln_records', 'vuln_records.record_id', 'vuln_packages.record_id')
          .select(['vuln_records.record_id', 'vuln_records.record'])
          .where('vuln_packages.name_key', 'in', part)
          .where((eb) =>
            eb.or([
              eb('vuln_packages.ecosystem', '=', ecosystem),
              eb('vuln_packages.ecosystem', 'like', `${ecosystem}:%`),
            ]),
          )
          .execute();
        for (const r of rows) out.set(r.record_id, r.record);
      }
      return [...out.values()];
    },

    async getVulnRecord(id) {
      const row = await db.selectFrom('vuln_records').select('record').where('record_id', '=', id).executeTakeFirst();
      return row?.record ?? null;
    },

    aliasGroup,

    async aliasGroupsOf(ids) {
      const members = await membersOf([...(await groupsOf(ids)).values()]);
      return [...members.values()].map((m) => [...m].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    },

    async recordIdsForAliases(ids) {
      const all = await aliasGroup(ids);
      const out: string[] = [];
      for (const part of chunks(all, IN_CHUNK)) {
        const rows = await db.selectFrom('vuln_records').select('record_id').where('record_id', 'in', part).execute();
        out.push(...rows.map((r) => r.record_id));
      }
      return out.sort();
    },

    async kevEntries(cveIds) {
      const out = [];
      for (const part of chunks([...new Set(cveIds)], IN_CHUNK)) {
        const rows = await db.selectFrom('vuln_kev').selectAll().where('cve_id', 'in', part).execute();
        out.push(
          ...rows.map((r) => ({
            cveId: r.cve_id,
            dateAdded: r.date_added,
            dueDate: r.due_date,
            ransomware: r.ransomware,
            json: r.entry,
          })),
        );
      }
      return out;
    },

    async epssScores(cveIds) {
      const out = [];
      for (const part of chunks([...new Set(cveIds)], IN_CHUNK)) {
        const rows = await db.selectFrom('vuln_epss').selectAll().where('cve_id', 'in', part).execute();
        out.push(...rows.map((r) => ({ cveId: r.cve_id, epss: Number(r.epss), percentile: Number(r.percentile) })));
      }
      return out;
    },
  };

  /** Unites the given id sets with each other and with the stored groups they touch. */
  async function mergeAliasGroups(idSets: string[][]): Promise<void> {
    const stored = await groupsOf(idSets.flat());
    const storedMembers = await membersOf([...stored.values()]);
    // Union-find over every id involved, stored group members included.
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let root = x;
      while (parent.get(root) !== root) root = parent.get(root)!;
      let cur = x;
      while (parent.get(cur) !== root) {
        const next = parent.get(cur)!;
        parent.set(cur, root);
        cur = next;
      }
      return root;
    };
    const add = (x: string) => {
      if (!parent.has(x)) parent.set(x, x);
    };
    const union = (a: string, b: string) => {
      add(a);
      add(b);
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
    };
    for (const members of storedMembers.values()) for (const m of members) union(members[0]!, m);
    for (const set of idSets) for (const id of set) union(set[0]!, id);
    const rows: { vuln_id: string; group_key: string }[] = [];
    for (const id of parent.keys()) {
      const key = find(id);
      if (stored.get(id) !== key || !stored.has(id)) rows.push({ vuln_id: id, group_key: key });
    }
    for (const part of chunks(rows, rowsPerStatement(2))) {
      await db
        .insertInto('vuln_aliases')
        .values(part)
        .onConflict((oc) => oc.column('vuln_id').doUpdateSet((eb) => ({ group_key: eb.ref('excluded.group_key') })))
        .execute();
    }
  }
}
