/** Categories, products (with their categories) and releases. */
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Category, Product, Release, ShipStatus } from '../model/portfolio.js';
import type { Store } from './store.js';
import type { Database } from './schema.js';
import { chunks, fromJson, toJson, type StoreContext } from './context.js';

type PortfolioMethods = Pick<
  Store,
  | 'createCategory'
  | 'getCategory'
  | 'findCategoryByName'
  | 'listCategories'
  | 'updateCategory'
  | 'deleteCategory'
  | 'createProduct'
  | 'getProduct'
  | 'findProductByName'
  | 'listProducts'
  | 'updateProduct'
  | 'deleteProduct'
  | 'createRelease'
  | 'getRelease'
  | 'findRelease'
  | 'listReleases'
  | 'updateRelease'
  | 'deleteRelease'
  | 'lockRelease'
  | 'lockProduct'
>;

export function toCategory(row: Selectable<Database['categories']>): Category {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    outboundLicenses: fromJson(row.outbound_licenses, []),
  };
}

export function toRelease(row: Selectable<Database['releases']>): Release {
  return {
    id: row.id,
    productId: row.product_id,
    number: row.number,
    shipStatus: row.ship_status as ShipStatus,
    commit: row.commit_ref,
    outboundLicenses: fromJson(row.outbound_licenses, []),
    validationStep: row.validation_step,
  };
}

export function portfolioRepository(ctx: StoreContext): PortfolioMethods {
  const { db } = ctx;

  /** fn in the caller's transaction, else in one of its own. */
  function inOneTransaction<T>(fn: (t: Kysely<Database>) => Promise<T>): Promise<T> {
    return ctx.inTransaction ? fn(db) : db.transaction().execute(fn);
  }

  /**
   * Dependency edges have no foreign keys (ADR 36): a release's are deleted with it here. Called
   * after the release rows are deleted, which waits for an import still writing into one of them
   * (it holds the release) so that the edges it commits are seen and deleted too.
   */
  async function deleteEdgesOf(t: Kysely<Database>, releaseIds: number[]): Promise<void> {
    for (const part of chunks(releaseIds, 5000))
      await t.deleteFrom('dependency_edges').where('release_id', 'in', part).execute();
  }

  async function productsWhere(filter: { id?: number; name?: string }): Promise<Product[]> {
    let query = db.selectFrom('products').selectAll();
    if (filter.id !== undefined) query = query.where('id', '=', filter.id);
    if (filter.name !== undefined) query = query.where('name', '=', filter.name);
    const rows = await query.orderBy('name').orderBy('id').execute();
    if (rows.length === 0) return [];
    const links = await db
      .selectFrom('product_categories')
      .select(['product_id', 'category_id'])
      .where(
        'product_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('category_id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      owner: row.owner,
      categoryIds: links.filter((l) => l.product_id === row.id).map((l) => l.category_id),
      outboundLicenses: fromJson(row.outbound_licenses, []),
    }));
  }

  async function setProductCategories(productId: number, categoryIds: number[]): Promise<void> {
    await db.deleteFrom('product_categories').where('product_id', '=', productId).execute();
    const unique = [...new Set(categoryIds)];
    if (unique.length > 0)
      await db
        .insertInto('product_categories')
        .values(unique.map((category_id) => ({ product_id: productId, category_id })))
        .execute();
  }

  const methods: PortfolioMethods = {
    async createCategory(input) {
      const row = await db
        .insertInto('categories')
        .values({ name: input.name, description: input.description, outbound_licenses: toJson(input.outboundLicenses) })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCategory(row);
    },
    async getCategory(id) {
      const row = await db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toCategory(row) : null;
    },
    async findCategoryByName(name) {
      const row = await db.selectFrom('categories').selectAll().where('name', '=', name).executeTakeFirst();
      return row ? toCategory(row) : null;
    },
    async listCategories() {
      return (await db.selectFrom('categories').selectAll().orderBy('name').execute()).map(toCategory);
    },
    async updateCategory(id, patch) {
      const set: Updateable<Database['categories']> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.outboundLicenses !== undefined) set.outbound_licenses = toJson(patch.outboundLicenses);
      if (Object.keys(set).length > 0) await db.updateTable('categories').set(set).where('id', '=', id).execute();
      return methods.getCategory(id);
    },
    async deleteCategory(id) {
      const r = await db.deleteFrom('categories').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async createProduct(input) {
      const row = await db
        .insertInto('products')
        .values({
          name: input.name,
          description: input.description,
          owner: input.owner,
          outbound_licenses: toJson(input.outboundLicenses),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await setProductCategories(row.id, input.categoryIds);
      return (await productsWhere({ id: row.id }))[0];
    },
    async getProduct(id) {
      return (await productsWhere({ id }))[0] ?? null;
    },
    async findProductByName(name) {
      return (await productsWhere({ name }))[0] ?? null;
    },
    async listProducts() {
      return productsWhere({});
    },
    async updateProduct(id, patch) {
      const set: Updateable<Database['products']> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.owner !== undefined) set.owner = patch.owner;
      if (patch.outboundLicenses !== undefined) set.outbound_licenses = toJson(patch.outboundLicenses);
      if (Object.keys(set).length > 0) await db.updateTable('products').set(set).where('id', '=', id).execute();
      if (patch.categoryIds !== undefined && (await methods.getProduct(id)))
        await setProductCategories(id, patch.categoryIds);
      return methods.getProduct(id);
    },
    async deleteProduct(id) {
      return inOneTransaction(async (t) => {
        // PostgreSQL: holding the product keeps new releases out of it until the end (SQLite has one
        // writer at a time); its releases are then deleted first to learn whose edges to delete.
        if (ctx.dialect === 'postgres')
          await t.selectFrom('products').select('id').where('id', '=', id).forUpdate().execute();
        const releases = await t.deleteFrom('releases').where('product_id', '=', id).returning('id').execute();
        const r = await t.deleteFrom('products').where('id', '=', id).executeTakeFirst();
        await deleteEdgesOf(
          t,
          releases.map((row) => row.id),
        );
        return Number(r.numDeletedRows) > 0;
      });
    },

    async createRelease(input) {
      const row = await db
        .insertInto('releases')
        .values({
          product_id: input.productId,
          number: input.number,
          ship_status: input.shipStatus ?? 'in-development',
          commit_ref: input.commit ?? null,
          outbound_licenses: toJson(input.outboundLicenses ?? []),
          validation_step: input.validationStep ?? 0,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRelease(row);
    },
    async getRelease(id) {
      const row = await db.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRelease(row) : null;
    },
    async findRelease(productId, number) {
      const row = await db
        .selectFrom('releases')
        .selectAll()
        .where('product_id', '=', productId)
        .where('number', '=', number)
        .executeTakeFirst();
      return row ? toRelease(row) : null;
    },
    async listReleases(productId) {
      let query = db.selectFrom('releases').selectAll();
      if (productId !== undefined) query = query.where('product_id', '=', productId);
      return (await query.orderBy('product_id').orderBy('id').execute()).map(toRelease);
    },
    async updateRelease(id, patch) {
      const set: Updateable<Database['releases']> = {};
      if (patch.number !== undefined) set.number = patch.number;
      if (patch.shipStatus !== undefined) set.ship_status = patch.shipStatus;
      if (patch.commit !== undefined) set.commit_ref = patch.commit;
      if (patch.outboundLicenses !== undefined) set.outbound_licenses = toJson(patch.outboundLicenses);
      if (patch.validationStep !== undefined) set.validation_step = patch.validationStep;
      if (Object.keys(set).length > 0) await db.updateTable('releases').set(set).where('id', '=', id).execute();
      return methods.getRelease(id);
    },
    async deleteRelease(id) {
      return inOneTransaction(async (t) => {
        const r = await t.deleteFrom('releases').where('id', '=', id).executeTakeFirst();
        await deleteEdgesOf(t, [id]);
        return Number(r.numDeletedRows) > 0;
      });
    },
    async lockRelease(id) {
      if (ctx.dialect !== 'postgres') return;
      await db.selectFrom('releases').select('id').where('id', '=', id).forUpdate().execute();
    },
    async lockProduct(id) {
      if (ctx.dialect !== 'postgres') return;
      await db.selectFrom('products').select('id').where('id', '=', id).forUpdate().execute();
    },
  };
  return methods;
}
