/** CRA Art. 14 reporting cases, one row each. */
import type { ReportingCase, ReportingCaseStatus, ReportingCaseType } from '../model/index.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';
import { fromJson, nowIso, toJson, type StoreContext } from './context.js';

type Methods = Pick<Store, 'createReportingCase' | 'getReportingCase' | 'listReportingCases' | 'updateReportingCase'>;
type Row = Database['reporting_cases'] & { id: number };

function toCase(row: Row): ReportingCase {
  return {
    id: row.id,
    productId: row.product_id,
    type: row.type as ReportingCaseType,
    title: row.title,
    vulnerabilityId: row.vulnerability_id,
    awareAt: row.aware_at,
    fixAvailableAt: row.fix_available_at,
    earlyWarningSubmittedAt: row.early_warning_submitted_at,
    notificationSubmittedAt: row.notification_submitted_at,
    finalReportSubmittedAt: row.final_report_submitted_at,
    memberStates: fromJson<string[]>(row.member_states, []),
    facts: fromJson<Record<string, string>>(row.facts, {}),
    status: row.status as ReportingCaseStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function reportingCaseRepository(ctx: StoreContext): Methods {
  const { db } = ctx;
  const get = async (id: number) => {
    const row = await db.selectFrom('reporting_cases').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCase(row as Row) : null;
  };
  return {
    async createReportingCase(input) {
      const at = nowIso();
      const row = await db
        .insertInto('reporting_cases')
        .values({
          product_id: input.productId,
          type: input.type,
          title: input.title,
          vulnerability_id: input.vulnerabilityId ?? null,
          aware_at: input.awareAt,
          fix_available_at: input.fixAvailableAt ?? null,
          early_warning_submitted_at: null,
          notification_submitted_at: null,
          final_report_submitted_at: null,
          member_states: toJson(input.memberStates ?? []),
          facts: toJson(input.facts ?? {}),
          status: 'open',
          created_by: input.createdBy ?? null,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCase(row as Row);
    },
    getReportingCase: get,
    async listReportingCases(productId) {
      let query = db.selectFrom('reporting_cases').selectAll().orderBy('aware_at', 'desc').orderBy('id', 'desc');
      if (productId !== undefined) query = query.where('product_id', '=', productId);
      return (await query.execute()).map((r) => toCase(r as Row));
    },
    async updateReportingCase(id, patch) {
      const values: Partial<Omit<Database['reporting_cases'], 'id'>> = { updated_at: nowIso() };
      if (patch.title !== undefined) values.title = patch.title;
      if (patch.vulnerabilityId !== undefined) values.vulnerability_id = patch.vulnerabilityId;
      if (patch.fixAvailableAt !== undefined) values.fix_available_at = patch.fixAvailableAt;
      if (patch.earlyWarningSubmittedAt !== undefined)
        values.early_warning_submitted_at = patch.earlyWarningSubmittedAt;
      if (patch.notificationSubmittedAt !== undefined) values.notification_submitted_at = patch.notificationSubmittedAt;
      if (patch.finalReportSubmittedAt !== undefined) values.final_report_submitted_at = patch.finalReportSubmittedAt;
      if (patch.memberStates !== undefined) values.member_states = toJson(patch.memberStates);
      if (patch.facts !== undefined) values.facts = toJson(patch.facts);
      if (patch.status !== undefined) values.status = patch.status;
      const result = await db.updateTable('reporting_cases').set(values).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) === 0 ? null : get(id);
    },
  };
}
