/**
 * Decisions live in one table with a `type` column: curations (incl. AND confirmations), licence
 * choices and derogations share the scope columns, so the engine can load every decision that may
 * apply to a release with one query. Columns a type does not use stay NULL.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Decision, DecisionScope } from '../model/decision.js';
import type { Exploitation, Linking, Modification } from '../model/usage-context.js';
import type { Store } from './store.js';
import type { Database } from './schema.js';
import type { NewDecision } from './types.js';
import { nowIso, type StoreContext } from './context.js';

type DecisionMethods = Pick<Store, 'createDecision' | 'getDecision' | 'listDecisions' | 'deleteDecision'>;
type DecisionRow = Selectable<Database['decisions']>;

const NO_SCOPE = {
  category_id: null,
  product_id: null,
  release_id: null,
  scope: null,
  project: null,
  exploitation: null,
  component: null,
  version: null,
};

function scopeColumns(d: DecisionScope) {
  return {
    category_id: d.categoryId,
    product_id: d.productId,
    release_id: d.releaseId,
    scope: d.scope,
    project: d.project,
    exploitation: d.exploitation,
    component: d.component,
    version: d.version,
  };
}

function decisionRow(d: NewDecision): Insertable<Database['decisions']> {
  const common = { author: d.author, created_at: d.createdAt ?? nowIso(), explanation: d.explanation, type: d.type };
  switch (d.type) {
    case 'curation':
      return {
        ...common,
        ...NO_SCOPE,
        kind: d.kind,
        component: d.component,
        version: d.version,
        from_expression: d.fromExpression,
        to_expression: d.toExpression,
        license: null,
        linking: null,
        modification: null,
      };
    case 'choice':
      return {
        ...common,
        ...scopeColumns(d),
        kind: null,
        from_expression: d.fromExpression,
        to_expression: d.toExpression,
        license: null,
        linking: null,
        modification: null,
      };
    case 'derogation':
      return {
        ...common,
        ...scopeColumns(d),
        kind: null,
        from_expression: null,
        to_expression: null,
        license: d.license,
        linking: d.linking,
        modification: d.modification ?? null,
      };
  }
}

function toScope(row: DecisionRow): DecisionScope {
  return {
    categoryId: row.category_id,
    productId: row.product_id,
    releaseId: row.release_id,
    scope: row.scope,
    project: row.project,
    exploitation: row.exploitation as Exploitation | null,
    component: row.component,
    version: row.version,
  };
}

export function toDecision(row: DecisionRow): Decision {
  const common = { id: row.id, author: row.author, createdAt: row.created_at, explanation: row.explanation };
  switch (row.type) {
    case 'curation':
      return {
        ...common,
        type: 'curation',
        kind: row.kind === 'and-confirmation' ? 'and-confirmation' : 'curation',
        component: row.component,
        version: row.version,
        fromExpression: row.from_expression,
        toExpression: row.to_expression ?? '',
      };
    case 'choice':
      return {
        ...common,
        ...toScope(row),
        type: 'choice',
        fromExpression: row.from_expression ?? '',
        toExpression: row.to_expression ?? '',
      };
    case 'derogation':
      return {
        ...common,
        ...toScope(row),
        type: 'derogation',
        license: row.license ?? '',
        linking: row.linking as Linking | null,
        modification: row.modification as Modification | null,
      };
    default:
      throw new Error(`decision ${row.id} has unknown type "${row.type}"`);
  }
}

export function decisionRepository(ctx: StoreContext): DecisionMethods {
  const { db } = ctx;
  return {
    async createDecision(input) {
      const row = await db.insertInto('decisions').values(decisionRow(input)).returningAll().executeTakeFirstOrThrow();
      return toDecision(row);
    },
    async getDecision(id) {
      const row = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toDecision(row) : null;
    },
    async listDecisions(filter = {}) {
      let query = db.selectFrom('decisions').selectAll();
      if (filter.type !== undefined) query = query.where('type', '=', filter.type);
      if (filter.categoryId !== undefined) query = query.where('category_id', '=', filter.categoryId);
      if (filter.productId !== undefined) query = query.where('product_id', '=', filter.productId);
      if (filter.releaseId !== undefined) query = query.where('release_id', '=', filter.releaseId);
      if (filter.component !== undefined) query = query.where('component', '=', filter.component);
      return (await query.orderBy('id').execute()).map(toDecision);
    },
    async deleteDecision(id) {
      const r = await db.deleteFrom('decisions').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
