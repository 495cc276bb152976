import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken } from './types.js';

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
