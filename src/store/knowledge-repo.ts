/** Licence policy (the organisation's) and the knowledge base (shareable facts, obligations, actions). */
import type { Selectable } from 'kysely';
import type {
  ActionCategory,
  Allowed,
  ComplianceAction,
  Copyleft,
  DisclaimerExtent,
  Exploitation,
  FossStatus,
  LicenseFacts,
  LicensePolicy,
  ModificationTrigger,
  Obligation,
  Passivity,
  ReviewStatus,
  WorkKind,
} from '../licenses/kb/types.js';
import type { Store } from './store.js';
import type { Database } from './schema.js';
import { chunks, fromBool, fromJson, rowsPerStatement, toBool, toJson, type StoreContext } from './context.js';

type KnowledgeMethods = Pick<
  Store,
  | 'getPolicy'
  | 'listPolicies'
  | 'setPolicy'
  | 'setPolicies'
  | 'deletePolicy'
  | 'saveKnowledgeBase'
  | 'loadKnowledgeBase'
>;

export function toPolicy(row: Selectable<Database['license_policies']>): LicensePolicy {
  return {
    license: row.license,
    allowed: row.allowed as Allowed,
    reviewStatus: row.review_status as ReviewStatus,
    comment: row.comment,
    categories: fromJson(row.categories, []),
  };
}

function extraOf(value: Record<string, unknown> | undefined): string | null {
  return value === undefined ? null : toJson(value);
}

function withExtra<T extends object>(record: T, extra: string | null): T & { extra?: Record<string, unknown> } {
  return extra === null ? record : { ...record, extra: fromJson<Record<string, unknown>>(extra, {}) };
}

export function knowledgeRepository(ctx: StoreContext): KnowledgeMethods {
  const { db } = ctx;

  async function setPolicies(policies: LicensePolicy[]): Promise<void> {
    for (const part of chunks(policies, rowsPerStatement(5))) {
      await db
        .insertInto('license_policies')
        .values(
          part.map((p) => ({
            license: p.license,
            allowed: p.allowed,
            review_status: p.reviewStatus,
            comment: p.comment,
            categories: toJson(p.categories),
          })),
        )
        .onConflict((oc) =>
          oc.column('license').doUpdateSet((eb) => ({
            allowed: eb.ref('excluded.allowed'),
            review_status: eb.ref('excluded.review_status'),
            comment: eb.ref('excluded.comment'),
            categories: eb.ref('excluded.categories'),
          })),
        )
        .execute();
    }
  }

  return {
    async getPolicy(license) {
      const row = await db.selectFrom('license_policies').selectAll().where('license', '=', license).executeTakeFirst();
      return row ? toPolicy(row) : null;
    },
    async listPolicies() {
      return (await db.selectFrom('license_policies').selectAll().orderBy('license').execute()).map(toPolicy);
    },
    async setPolicy(policy) {
      await setPolicies([policy]);
    },
    setPolicies,
    async deletePolicy(license) {
      const r = await db.deleteFrom('license_policies').where('license', '=', license).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async saveKnowledgeBase(kb) {
      await db.deleteFrom('obligations').execute();
      await db.deleteFrom('compliance_actions').execute();
      await db.deleteFrom('license_facts').execute();
      for (const part of chunks(kb.licenses, rowsPerStatement(20))) {
        await db
          .insertInto('license_facts')
          .values(
            part.map((f) => ({
              id: f.id,
              name: f.name,
              kind: f.kind,
              copyleft: f.copyleft,
              osi_approved: toBool(ctx, f.osiApproved),
              fsf_approved: toBool(ctx, f.fsfApproved),
              foss: f.foss,
              patent_grant: toBool(ctx, f.patentGrant),
              ethical_clause: toBool(ctx, f.ethicalClause),
              non_commercial: toBool(ctx, f.nonCommercial),
              anti_tivoisation: toBool(ctx, f.antiTivoisation),
              warranty_disclaimer: f.warrantyDisclaimer,
              liability_disclaimer: f.liabilityDisclaimer,
              law: f.law,
              venue: f.venue,
              steward: f.steward,
              url: f.url,
              comment: f.comment,
              text: f.text,
              extra: extraOf(f.extra),
            })),
          )
          .execute();
      }
      for (const part of chunks(kb.actions, rowsPerStatement(7))) {
        await db
          .insertInto('compliance_actions')
          .values(
            part.map((a) => ({
              name: a.name,
              description: a.description,
              category: a.category,
              passivity: a.passivity,
              team: a.team,
              core: toBool(ctx, a.core) as boolean | number,
              extra: extraOf(a.extra),
            })),
          )
          .execute();
      }
      for (const part of chunks(kb.obligations, rowsPerStatement(8))) {
        await db
          .insertInto('obligations')
          .values(
            part.map((o) => ({
              license: o.license,
              name: o.name,
              passivity: o.passivity,
              exploitation: o.exploitation,
              modification: o.modification,
              action: o.action,
              clause: o.clause,
              extra: extraOf(o.extra),
            })),
          )
          .execute();
      }
    },

    async loadKnowledgeBase() {
      const [facts, actions, obligations] = await Promise.all([
        db.selectFrom('license_facts').selectAll().orderBy('id').execute(),
        db.selectFrom('compliance_actions').selectAll().orderBy('name').execute(),
        db.selectFrom('obligations').selectAll().orderBy('id').execute(),
      ]);
      return {
        licenses: facts.map((f): LicenseFacts =>
          withExtra(
            {
              id: f.id,
              name: f.name,
              kind: f.kind as WorkKind | null,
              copyleft: f.copyleft as Copyleft | null,
              osiApproved: fromBool(f.osi_approved),
              fsfApproved: fromBool(f.fsf_approved),
              foss: f.foss as FossStatus | null,
              patentGrant: fromBool(f.patent_grant),
              ethicalClause: fromBool(f.ethical_clause),
              nonCommercial: fromBool(f.non_commercial),
              antiTivoisation: fromBool(f.anti_tivoisation),
              warrantyDisclaimer: f.warranty_disclaimer as DisclaimerExtent | null,
              liabilityDisclaimer: f.liability_disclaimer as DisclaimerExtent | null,
              law: f.law,
              venue: f.venue,
              steward: f.steward,
              url: f.url,
              comment: f.comment,
              text: f.text,
            },
            f.extra,
          ),
        ),
        actions: actions.map((a): ComplianceAction =>
          withExtra(
            {
              name: a.name,
              description: a.description,
              category: a.category as ActionCategory | null,
              passivity: a.passivity as Passivity | null,
              team: a.team,
              core: fromBool(a.core) === true,
            },
            a.extra,
          ),
        ),
        obligations: obligations.map((o): Obligation =>
          withExtra(
            {
              license: o.license,
              name: o.name,
              passivity: o.passivity as Passivity | null,
              exploitation: o.exploitation as Exploitation | null,
              modification: o.modification as ModificationTrigger | null,
              action: o.action,
              clause: o.clause,
            },
            o.extra,
          ),
        ),
      };
    },
  };
}
