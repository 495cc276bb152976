import type { ApiToken, CreatedApiToken, Role, Store } from '../store/index.js';
import { ROLES } from '../store/index.js';
import { ServiceError, notFound } from './service-error.js';

export interface NewToken {
  name: string;
  role: Role;
  /** Lifetime in milliseconds; undefined = never expires. */
  lifetimeMs?: number;
  now?: Date;
}

/** Creates a token; only its hash is stored, so the returned secret is the one chance to read it. */
export async function createToken(store: Store, input: NewToken): Promise<CreatedApiToken> {
  const name = input.name.trim();
  if (!name) throw new ServiceError('invalid-input', 'a token needs a name');
  if (!ROLES.includes(input.role)) throw new ServiceError('invalid-input', `role must be one of ${ROLES.join(', ')}, not "${input.role}"`);
  if (input.lifetimeMs !== undefined && !(input.lifetimeMs > 0)) throw new ServiceError('invalid-input', 'a token lifetime must be positive');
  const now = input.now ?? new Date();
  const expiresAt = input.lifetimeMs === undefined ? null : new Date(now.getTime() + input.lifetimeMs).toISOString();
  return store.createApiToken({ name, role: input.role, expiresAt });
}

export async function listTokens(store: Store): Promise<ApiToken[]> {
  return store.listApiTokens();
}

export async function revokeToken(store: Store, id: number): Promise<void> {
  if (!(await store.revokeApiToken(id))) throw notFound(`token ${id}`);
}
