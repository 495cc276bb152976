/** Triage memory over Kysely: analyses are appended, never updated (the rows are the history). */
import type { Selectable } from 'kysely';
import type { TriageRecord } from '../vulns/vex/triage.js';
import type { VexAnalysis } from '../vulns/vex/analysis.js';
import type { StoreContext } from './context.js';
import { chunks, fromJson, toJson } from './context.js';
import type { VexTables } from './vuln-schema.js';
import type { VexStore } from './vex-store.js';

function toRecord(r: Selectable<VexTables['vex_analyses']>): TriageRecord {
  const analysis: VexAnalysis = {
    state: r.state as VexAnalysis['state'],
    ...(r.justification ? { justification: r.justification as VexAnalysis['justification'] } : {}),
    ...(r.vex_justification ? { vexJustification: r.vex_justification as VexAnalysis['vexJustification'] } : {}),
    responses: fromJson<VexAnalysis['responses']>(r.responses, []),
    ...(r.detail ? { detail: r.detail } : {}),
    ...(r.action_statement ? { actionStatement: r.action_statement } : {}),
  };
  return {
    id: Number(r.id),
    vulnerabilityId: r.vulnerability_id,
    aliases: fromJson<string[]>(r.aliases, []),
    productId: r.product_id === null ? null : Number(r.product_id),
    releaseId: r.release_id === null ? null : Number(r.release_id),
    component: r.component,
    version: r.version,
    analysis,
    author: r.author,
    createdAt: r.created_at,
    origin: r.origin,
  };
}

export function vexRepository(ctx: StoreContext): VexStore {
  const { db } = ctx;
  return {
    async addTriageRecords(records) {
      const out: TriageRecord[] = [];
      for (const r of records) {
        const row = await db
          .insertInto('vex_analyses')
          .values({
            vulnerability_id: r.vulnerabilityId,
            aliases: toJson(r.aliases),
            product_id: r.productId,
            release_id: r.releaseId,
            component: r.component,
            version: r.version,
            state: r.analysis.state,
            justification: r.analysis.justification ?? null,
            vex_justification: r.analysis.vexJustification ?? null,
            responses: toJson(r.analysis.responses),
            detail: r.analysis.detail ?? null,
            action_statement: r.analysis.actionStatement ?? null,
            author: r.author,
            created_at: r.createdAt,
            origin: r.origin,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        out.push(toRecord(row));
      }
      return out;
    },
    async listTriageRecords(filter) {
      const out: TriageRecord[] = [];
      const parts = filter.components ? chunks([...new Set(filter.components)], 500) : [undefined];
      for (const part of parts) {
        if (part && part.length === 0) continue;
        let q = db.selectFrom('vex_analyses').selectAll();
        if (part) q = q.where('component', 'in', part);
        if (filter.productId !== undefined)
          q = q.where((eb) => eb.or([eb('product_id', 'is', null), eb('product_id', '=', filter.productId!)]));
        out.push(...(await q.orderBy('id').execute()).map(toRecord));
      }
      return out.sort((a, b) => a.id - b.id);
    },
  };
}
