import { ROLES, type Role } from '../model/access.js';
import type { ApiToken, Store } from '../store/index.js';
import { ServiceError, notFound } from './service-error.js';
import { hashTokenSecret, newTokenSecret } from './token-rules.js';

export interface NewToken {
  name: string;
  role: Role;
  /** Lifetime in milliseconds; undefined = never expires. */
  lifetimeMs?: number;
  now?: Date;
}

export interface CreatedApiToken {
  token: ApiToken;
  /** The secret to hand to the user once; only its hash is kept. */
  secret: string;
}

/** Creates a token; only its hash is stored, so the returned secret is the one chance to read it. */
export async function createToken(store: Store, input: NewToken): Promise<CreatedApiToken> {
  const name = input.name.trim();
  if (!name) throw new ServiceError('invalid-input', 'a token needs a name');
  if (!ROLES.includes(input.role))
    throw new ServiceError('invalid-input', `role must be one of ${ROLES.join(', ')}, not "${input.role}"`);
  if (input.lifetimeMs !== undefined && !(input.lifetimeMs > 0))
    throw new ServiceError('invalid-input', 'a token lifetime must be positive');
  const now = input.now ?? new Date();
  const expiresAt = input.lifetimeMs === undefined ? null : new Date(now.getTime() + input.lifetimeMs).toISOString();
  const secret = newTokenSecret();
  const token = await store.createApiToken({ name, role: input.role, expiresAt, tokenHash: hashTokenSecret(secret) });
  return { token, secret };
}

export async function listTokens(store: Store): Promise<ApiToken[]> {
  return store.listApiTokens();
}

export async function revokeToken(store: Store, id: number): Promise<void> {
  if (!(await store.revokeApiToken(id))) throw notFound(`token ${id}`);
}
