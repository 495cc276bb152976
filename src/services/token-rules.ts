import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken } from '../store/index.js';

/** Only this hash is stored: a leaked database does not leak usable tokens. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** 32 random bytes; the prefix makes leaked tokens recognisable by secret scanners. */
export function newTokenSecret(): string {
  return `vigie_${randomBytes(32).toString('base64url')}`;
}

export function isTokenActive(token: ApiToken, now: Date = new Date()): boolean {
  if (token.revokedAt !== null) return false;
  return token.expiresAt === null || Date.parse(token.expiresAt) > now.getTime();
}

/**
 * A shared secret accepted as a compliance officer's token (VIGIE_ADMIN_TOKEN) must be as hard to
 * guess as the tokens Vigie makes itself: at least 32 characters.
 */
export const ADMIN_TOKEN_MIN_LENGTH = 32;
