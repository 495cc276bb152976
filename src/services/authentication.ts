import { timingSafeEqual } from 'node:crypto';
import type { Role } from '../model/access.js';
import type { Store } from '../store/index.js';
import { ServiceError } from './service-error.js';
import { ADMIN_TOKEN_MIN_LENGTH, hashTokenSecret, isTokenActive } from './token-rules.js';

/** Who is calling: the token's name and role (the admin secret from the environment has id null). */
export interface Principal {
  tokenId: number | null;
  name: string;
  role: Role;
}

export interface Authenticator {
  /** The principal a bearer secret stands for; a ServiceError 'unauthenticated' saying why not. */
  authenticate(secret: string, now: Date): Promise<Principal>;
}

/** lastUsedAt is a hint for humans: refreshing it once a minute spares a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Checks bearer secrets against the stored token hashes, and against the optional shared admin
 * secret. A short admin secret is refused at start-up rather than accepted as a weak door.
 */
export function createAuthenticator(store: Store, adminToken?: string): Authenticator {
  const adminHash = adminToken === undefined ? null : hashTokenSecret(checkAdminToken(adminToken));
  return {
    async authenticate(secret, now) {
      const hash = hashTokenSecret(secret);
      if (adminHash !== null && sameHash(hash, adminHash))
        return { tokenId: null, name: 'admin', role: 'compliance-officer' };
      const token = await store.findApiTokenByHash(hash);
      if (!token) throw new ServiceError('unauthenticated', 'Unknown API token');
      if (token.revokedAt !== null) throw new ServiceError('unauthenticated', 'This API token was revoked');
      if (!isTokenActive(token, now)) throw new ServiceError('unauthenticated', 'This API token has expired');
      if (token.lastUsedAt === null || now.getTime() - Date.parse(token.lastUsedAt) > TOUCH_INTERVAL_MS) {
        await store.touchApiToken(token.id, now.toISOString());
      }
      return { tokenId: token.id, name: token.name, role: token.role };
    },
  };
}

/** The admin secret as given, when it is long enough to be one. */
export function checkAdminToken(secret: string): string {
  if (secret.length < ADMIN_TOKEN_MIN_LENGTH) {
    throw new ServiceError(
      'invalid-input',
      `VIGIE_ADMIN_TOKEN must be at least ${ADMIN_TOKEN_MIN_LENGTH} characters long (it has ${secret.length}); generate one with: openssl rand -hex 32`,
    );
  }
  return secret;
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
