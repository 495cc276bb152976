/** In-process API harness: a real store (SQLite temp file, or PostgreSQL) behind buildServer, driven with inject. */
import { buildServer, type ServerOptions, type VigieServer } from '../../src/server/index.js';
import type { Role } from '../../src/store/index.js';
import type { FreshStore, Target } from '../store/support/databases.js';
import { createToken } from '../../src/services/index.js';

export interface ApiHarness {
  app: VigieServer;
  fresh: FreshStore;
  /** A token secret per role, created through the store. */
  tokens: Record<Role, string>;
  close(): Promise<void>;
}

export async function startApi(
  target: Target,
  options: Partial<Omit<ServerOptions, 'store'>> = {},
): Promise<ApiHarness> {
  const fresh = await target.fresh();
  const app = await buildServer({ store: fresh.store, webRoot: null, ...options });
  const tokens = {} as Record<Role, string>;
  for (const role of ['project-manager', 'legal', 'compliance-officer', 'guest'] as Role[]) {
    tokens[role] = (await createToken(fresh.store, { name: `${role} token`, role })).secret;
  }
  return {
    app,
    fresh,
    tokens,
    async close() {
      await app.close();
      await fresh.dispose();
    },
  };
}

export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}
