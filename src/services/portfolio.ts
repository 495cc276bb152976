/** Categories, products and releases: create, list, read, update and delete. */
import { SHIP_STATUSES, type Category, type Product, type Release } from '../model/portfolio.js';
import {
  isUniqueViolation,
  type NewCategory,
  type NewProduct,
  type NewRelease,
  type ReleasePatch,
  type Store,
} from '../store/index.js';
import { optionalText, requireExpressions, requireName } from './check-input.js';
import { ServiceError, notFound } from './service-error.js';
import { recordValidationRun, recordValidationRuns, releasesInCategory } from './validation-runs.js';

/** A product may be created with only a name; the rest defaults to empty. */
export type NewProductInput = Omit<NewProduct, 'categoryIds' | 'outboundLicenses' | 'description' | 'owner'> &
  Partial<Pick<NewProduct, 'categoryIds' | 'outboundLicenses' | 'description' | 'owner'>>;

export type NewCategoryInput = Omit<NewCategory, 'description' | 'outboundLicenses'> &
  Partial<Pick<NewCategory, 'description' | 'outboundLicenses'>>;

export interface ReleaseRef {
  product: Product;
  release: Release;
}

export async function createCategory(store: Store, input: NewCategoryInput): Promise<Category> {
  const name = requireName(input.name, 'category name');
  const taken = `category "${name}" already exists`;
  if (await store.findCategoryByName(name)) throw new ServiceError('already-exists', taken);
  return unlessTaken(
    store.createCategory({
      name,
      description: optionalText(input.description ?? null, 'category description'),
      outboundLicenses: requireExpressions(input.outboundLicenses, 'outbound licence'),
    }),
    taken,
  );
}

export async function listCategories(store: Store): Promise<Category[]> {
  return store.listCategories();
}

export async function getCategory(store: Store, id: number): Promise<Category> {
  return (await store.getCategory(id)) ?? throwNotFound(`category ${id}`);
}

export async function updateCategory(store: Store, id: number, patch: Partial<NewCategory>): Promise<Category> {
  const clean = { ...patch };
  if (patch.name !== undefined) clean.name = requireName(patch.name, 'category name');
  if (patch.outboundLicenses) clean.outboundLicenses = requireExpressions(patch.outboundLicenses, 'outbound licence');
  const category = (await store.updateCategory(id, clean)) ?? throwNotFound(`category ${id}`);
  if (patch.outboundLicenses) await recordValidationRuns(store, await releasesInCategory(store, id), 'portfolio');
  return category;
}

/** Products keep existing without the category. */
export async function deleteCategory(store: Store, id: number): Promise<void> {
  if (!(await store.deleteCategory(id))) throwNotFound(`category ${id}`);
}

export async function createProduct(store: Store, input: NewProductInput): Promise<Product> {
  const name = requireName(input.name, 'product name');
  const taken = `product "${name}" already exists`;
  if (await store.findProductByName(name)) throw new ServiceError('already-exists', taken);
  const categoryIds = input.categoryIds ?? [];
  await requireCategories(store, categoryIds);
  return unlessTaken(
    store.createProduct({
      name,
      description: optionalText(input.description ?? null, 'product description'),
      owner: optionalText(input.owner ?? null, 'product owner', 'name'),
      categoryIds,
      outboundLicenses: requireExpressions(input.outboundLicenses, 'outbound licence'),
    }),
    taken,
  );
}

export async function listProducts(store: Store): Promise<Product[]> {
  return store.listProducts();
}

export async function getProduct(store: Store, id: number): Promise<Product> {
  return (await store.getProduct(id)) ?? throwNotFound(`product ${id}`);
}

export async function findProductByName(store: Store, name: string): Promise<Product> {
  // Names are stored in NFC (check-input.ts): a decomposed spelling finds the same product.
  return (await store.findProductByName(name.normalize('NFC'))) ?? throwNotFound(`product "${name}"`);
}

export async function updateProduct(store: Store, id: number, patch: Partial<NewProduct>): Promise<Product> {
  const clean = { ...patch };
  if (patch.name !== undefined) clean.name = requireName(patch.name, 'product name');
  if (patch.categoryIds) await requireCategories(store, patch.categoryIds);
  if (patch.outboundLicenses) clean.outboundLicenses = requireExpressions(patch.outboundLicenses, 'outbound licence');
  const product = (await store.updateProduct(id, clean)) ?? throwNotFound(`product ${id}`);
  // Outbound licences and categories (their licences and decisions) are inputs of the validation.
  if (patch.outboundLicenses || patch.categoryIds) {
    await recordValidationRuns(
      store,
      (await store.listReleases(id)).map((r) => r.id),
      'portfolio',
    );
  }
  return product;
}

/** Deletes the product with its releases. */
export async function deleteProduct(store: Store, id: number): Promise<void> {
  if (!(await store.deleteProduct(id))) throwNotFound(`product ${id}`);
}

export async function createRelease(store: Store, input: NewRelease): Promise<Release> {
  const number = requireName(input.number, 'release number');
  const product = await getProduct(store, input.productId);
  const taken = `release ${number} of "${product.name}" already exists`;
  if (await store.findRelease(product.id, number)) throw new ServiceError('already-exists', taken);
  if (input.shipStatus !== undefined) requireShipStatus(input.shipStatus);
  const release = await unlessTaken(
    store.createRelease({
      ...input,
      number,
      outboundLicenses: requireExpressions(input.outboundLicenses, 'outbound licence'),
    }),
    taken,
  );
  return (await recordValidationRun(store, release.id, 'release')).release;
}

export async function listReleases(store: Store, productId?: number): Promise<Release[]> {
  if (productId !== undefined) await getProduct(store, productId);
  return store.listReleases(productId);
}

export async function getRelease(store: Store, id: number): Promise<Release> {
  return (await store.getRelease(id)) ?? throwNotFound(`release ${id}`);
}

/** Finds a release by its product's name and its number (how the CLI addresses releases). */
export async function findReleaseByName(store: Store, productName: string, number: string): Promise<ReleaseRef> {
  const product = await findProductByName(store, productName);
  const release = await store.findRelease(product.id, number.normalize('NFC'));
  if (!release) throw notFound(`release ${number} of "${product.name}"`);
  return { product, release };
}

export async function updateRelease(store: Store, id: number, patch: ReleasePatch): Promise<Release> {
  const clean = { ...patch };
  if (patch.number !== undefined) clean.number = requireName(patch.number, 'release number');
  if (patch.shipStatus !== undefined) requireShipStatus(patch.shipStatus);
  if (patch.outboundLicenses) clean.outboundLicenses = requireExpressions(patch.outboundLicenses, 'outbound licence');
  if (
    patch.validationStep !== undefined &&
    !(Number.isInteger(patch.validationStep) && patch.validationStep >= 0 && patch.validationStep <= 6)
  ) {
    throw new ServiceError('invalid-input', `validation step must be 0 to 6, not ${patch.validationStep}`);
  }
  const updated = (await store.updateRelease(id, clean)) ?? throwNotFound(`release ${id}`);
  if (patch.outboundLicenses) return (await recordValidationRun(store, id, 'release')).release;
  return updated;
}

/** Deletes the release with its usages, exploitation rules and imports. */
export async function deleteRelease(store: Store, id: number): Promise<void> {
  if (!(await store.deleteRelease(id))) throwNotFound(`release ${id}`);
}

async function requireCategories(store: Store, ids: number[]): Promise<void> {
  for (const id of ids) await getCategory(store, id);
}

function requireShipStatus(status: string): void {
  if (!(SHIP_STATUSES as readonly string[]).includes(status)) {
    throw new ServiceError('invalid-input', `ship status must be one of ${SHIP_STATUSES.join(', ')}, not "${status}"`);
  }
}

function throwNotFound(what: string): never {
  throw notFound(what);
}

/**
 * The write after a "does it exist?" check: when another process or request stored the same name in
 * between (two API processes on one store, issue 13 item 4), the unique key refuses it and the caller
 * hears what the check would have said (409 already-exists), not a 500.
 */
async function unlessTaken<T>(write: Promise<T>, taken: string): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (isUniqueViolation(err)) throw new ServiceError('already-exists', taken);
    throw err;
  }
}
