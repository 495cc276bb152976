/** Stored release findings over Kysely: a re-scan deletes and rewrites a release's rows in one transaction. */
import type { Kysely, Selectable } from 'kysely';
import type { StoreContext } from './context.js';
import { chunks, fromJson, rowsPerStatement, toJson } from './context.js';
import type { Database } from './schema.js';
import type { ReleaseFindingTables } from './vuln-schema.js';
import type { ReleaseFindingStore, StoredReleaseFinding } from './release-finding-store.js';
import type { VulnerabilityFinding } from '../vulns/match/finding.js';

const IN_CHUNK = 500;

function toFinding(r: Selectable<ReleaseFindingTables['vuln_findings']>): StoredReleaseFinding {
  return {
    id: Number(r.id),
    releaseId: Number(r.release_id),
    versionId: Number(r.version_id),
    component: r.component,
    finding: JSON.parse(r.finding) as VulnerabilityFinding,
  };
}

const byPlace = (a: StoredReleaseFinding, b: StoredReleaseFinding) => a.releaseId - b.releaseId || a.id - b.id;

export function releaseFindingRepository(ctx: StoreContext): ReleaseFindingStore {
  const { db } = ctx;
  const inTransaction = <T>(fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> =>
    ctx.inTransaction ? fn(db) : db.transaction().execute(fn);
  return {
    async replaceReleaseFindings(scan, findings) {
      // Sorted once here so that reads in id order are in report order.
      const rows = findings
        .map((f) => ({
          release_id: scan.releaseId,
          version_id: f.versionId,
          vulnerability_id: f.finding.vulnerability.id,
          aliases: toJson(f.finding.vulnerability.aliases),
          record_id: f.finding.match.record,
          component: f.component,
          version: f.finding.component.version ?? '',
          rating: f.finding.vulnerability.severity.rating,
          score: f.finding.vulnerability.severity.score ?? null,
          kev: f.finding.vulnerability.kev?.dateAdded ?? null,
          finding: toJson(f.finding),
        }))
        .sort((a, b) =>
          a.component < b.component
            ? -1
            : a.component > b.component
              ? 1
              : a.version.localeCompare(b.version) || a.vulnerability_id.localeCompare(b.vulnerability_id),
        );
      await inTransaction(async (tx) => {
        await tx.deleteFrom('vuln_findings').where('release_id', '=', scan.releaseId).execute();
        await tx.deleteFrom('vuln_scans').where('release_id', '=', scan.releaseId).execute();
        await tx
          .insertInto('vuln_scans')
          .values({
            release_id: scan.releaseId,
            scanned_at: scan.scannedAt,
            reason: scan.reason,
            fingerprint: scan.fingerprint,
            summary: toJson(scan.summary),
            unchecked: toJson(scan.unchecked),
          })
          .execute();
        for (const part of chunks(rows, rowsPerStatement(11)))
          await tx.insertInto('vuln_findings').values(part).execute();
      });
    },

    async getReleaseScan(releaseId) {
      const r = await db.selectFrom('vuln_scans').selectAll().where('release_id', '=', releaseId).executeTakeFirst();
      if (!r) return null;
      return {
        releaseId: Number(r.release_id),
        scannedAt: r.scanned_at,
        reason: r.reason,
        fingerprint: r.fingerprint,
        summary: JSON.parse(r.summary),
        unchecked: fromJson(r.unchecked, []),
      };
    },

    async listReleaseScans() {
      const rows = await db
        .selectFrom('vuln_scans')
        .select(['release_id', 'scanned_at', 'reason', 'fingerprint', 'summary'])
        .orderBy('release_id')
        .execute();
      return rows.map((r) => ({
        releaseId: Number(r.release_id),
        scannedAt: r.scanned_at,
        reason: r.reason,
        fingerprint: r.fingerprint,
        summary: JSON.parse(r.summary),
      }));
    },

    async listReleaseFindings(releaseIds) {
      if (releaseIds === undefined)
        return (await db.selectFrom('vuln_findings').selectAll().orderBy('release_id').orderBy('id').execute()).map(
          toFinding,
        );
      const out: StoredReleaseFinding[] = [];
      for (const part of chunks([...new Set(releaseIds)], IN_CHUNK)) {
        out.push(
          ...(await db.selectFrom('vuln_findings').selectAll().where('release_id', 'in', part).execute()).map(
            toFinding,
          ),
        );
      }
      return out.sort(byPlace);
    },

    async findingsForVulnerabilities(ids) {
      const out = new Map<number, StoredReleaseFinding>();
      const wanted = new Set(ids);
      for (const part of chunks([...wanted], IN_CHUNK)) {
        const rows = await db
          .selectFrom('vuln_findings')
          .selectAll()
          .where((eb) => eb.or([eb('vulnerability_id', 'in', part), eb('record_id', 'in', part)]))
          .execute();
        for (const r of rows) out.set(Number(r.id), toFinding(r));
      }
      return [...out.values()].sort(byPlace);
    },
  };
}
