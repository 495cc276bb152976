import type { Store, StoreDialect } from '../store/index.js';

export type StoreHealth =
  { reachable: true; dialect: StoreDialect } | { reachable: false; dialect: StoreDialect; error: unknown };

/** Whether the store answers a query (for /ready and load balancers). */
export async function storeHealth(store: Store): Promise<StoreHealth> {
  try {
    // Any indexed lookup proves a live connection; id 0 never exists.
    await store.getCategory(0);
    return { reachable: true, dialect: store.dialect };
  } catch (error) {
    return { reachable: false, dialect: store.dialect, error };
  }
}
