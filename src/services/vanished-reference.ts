import type { Store } from '../store/index.js';

/** What a request refers to, by id or (for imports addressed by names) by product name and release number. */
export interface RequestReferences {
  productIds: number[];
  releaseIds: number[];
  categoryIds: number[];
  named?: { product: string; release: string } | undefined;
}

/**
 * After a write failed on a foreign key: the first thing the request refers to that is no longer
 * stored ("release 12"), else null. Only a row that really vanished (another request deleted it while
 * this one ran) makes the failure the caller's "not found"; a foreign-key failure while everything the
 * request names still exists is a bug, and is left to be answered and logged as one.
 */
export async function findVanishedReference(store: Store, refs: RequestReferences): Promise<string | null> {
  for (const id of refs.releaseIds) if ((await store.getRelease(id)) === null) return `release ${id}`;
  for (const id of refs.productIds) if ((await store.getProduct(id)) === null) return `product ${id}`;
  for (const id of refs.categoryIds) if ((await store.getCategory(id)) === null) return `category ${id}`;
  if (refs.named) {
    const product = await store.findProductByName(refs.named.product);
    if (product === null) return `product "${refs.named.product}"`;
    if ((await store.findRelease(product.id, refs.named.release)) === null)
      return `release "${refs.named.release}" of product "${refs.named.product}"`;
  }
  return null;
}
