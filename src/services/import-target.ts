/**
 * Where an import addressed by names goes: an existing release, or (when the caller asks for it) a
 * product and/or release the import creates, as Dependency-Track's "autoCreate" does (issue 8
 * item 16). The creation runs inside the import's transaction, so a failed import creates nothing.
 */
import type { Store } from '../store/index.js';
import { requireName } from './check-input.js';
import { createProduct, createRelease } from './portfolio.js';
import { notFound, ServiceError } from './service-error.js';

export interface ImportTarget {
  /** Product name. */
  product: string;
  /** Release number. */
  release: string;
  /** Create the product and/or the release when missing (default: refuse with not-found). */
  create?: boolean;
  /** Appended to a not-found message: how the caller's interface asks for creation (e.g. "add --create"). */
  createHint?: string;
}

/** What an import by name created: both false when the release existed. */
export interface CreatedByImport {
  product: boolean;
  release: boolean;
}

export interface ResolvedTarget {
  productName: string;
  number: string;
  productId: number | null;
  /** The existing release, or null when the import is to create it. */
  releaseId: number | null;
}

/** Finds the release; when it is missing, refuses unless creation was asked for. Names follow the product and release rules. */
export async function resolveImportTarget(store: Store, target: ImportTarget): Promise<ResolvedTarget> {
  const productName = requireName(target.product, 'product name');
  const number = requireName(target.release, 'release number');
  const product = await store.findProductByName(productName);
  const release = product ? await store.findRelease(product.id, number) : undefined;
  if (release) return { productName, number, productId: product!.id, releaseId: release.id };
  if (!target.create) {
    const what = product ? `release ${number} of "${product.name}"` : `product "${productName}"`;
    const error = notFound(what);
    throw target.createHint ? new ServiceError(error.code, `${error.message} (${target.createHint})`) : error;
  }
  return { productName, number, productId: product?.id ?? null, releaseId: null };
}

/** Creates what is missing through the ordinary portfolio services (same checks), on the transaction it is given. */
export async function createImportTarget(tx: Store, resolved: ResolvedTarget): Promise<number> {
  const productId = resolved.productId ?? (await createProduct(tx, { name: resolved.productName })).id;
  return (await createRelease(tx, { productId, number: resolved.number })).id;
}

export function createdBy(resolved: ResolvedTarget): CreatedByImport {
  return { product: resolved.releaseId === null && resolved.productId === null, release: resolved.releaseId === null };
}

/**
 * Runs an import by names. Several uploads asking to create one new product or release at once (a CI
 * matrix posting its SBOMs) race to create it: the ones that lose hit the unique name, which means the
 * target now exists, so they look it up again and import into it rather than answer 409. A conflict
 * that is not explained by the target having appeared is passed on.
 */
export async function importByName<T>(
  store: Store,
  target: ImportTarget,
  into: {
    existing: (releaseId: number) => Promise<T>;
    creating: (resolved: ResolvedTarget) => Promise<T>;
  },
): Promise<T & { created: CreatedByImport }> {
  for (let attempt = 1; ; attempt++) {
    const resolved = await resolveImportTarget(store, target);
    if (resolved.releaseId !== null)
      return { ...(await into.existing(resolved.releaseId)), created: createdBy(resolved) };
    try {
      return { ...(await into.creating(resolved)), created: createdBy(resolved) };
    } catch (err) {
      // Two attempts at most can be lost: one to the product's creation, one to the release's.
      if (attempt < 3 && err instanceof ServiceError && err.code === 'already-exists') {
        const now = await resolveImportTarget(store, target);
        if (now.releaseId !== null || (resolved.productId === null && now.productId !== null)) continue;
      }
      throw err;
    }
  }
}
