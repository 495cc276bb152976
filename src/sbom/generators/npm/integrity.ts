import type { Hash } from '../../../model/index.js';

// Subresource Integrity algorithms npm writes (sha512 today, sha1 in old lockfiles).
const SRI_ALGORITHMS: Record<string, string> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

/**
 * Hashes from an SRI string (`sha512-<base64> sha1-<base64>`), as lower-case hex. Entries with an
 * unknown algorithm or undecodable base64 are skipped: they say nothing we could check.
 */
export function hashesFromIntegrity(integrity: string | undefined): Hash[] {
  if (!integrity) return [];
  const hashes: Hash[] = [];
  for (const token of integrity.trim().split(/\s+/)) {
    const dash = token.indexOf('-');
    if (dash <= 0) continue;
    const alg = SRI_ALGORITHMS[token.slice(0, dash).toLowerCase()];
    // SRI allows `?options` after the digest; they are not part of it.
    const hex = alg ? base64ToHex(token.slice(dash + 1).split('?')[0]!) : undefined;
    if (alg && hex && !hashes.some((h) => h.alg === alg)) hashes.push({ alg, content: hex });
  }
  return hashes;
}

function base64ToHex(base64: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  // What atob accepts (padding only on a multiple of 4, never one character too many), decoded
  // natively: a digest in one call instead of a string per byte.
  const body = base64.length % 4 === 0 ? base64.replace(/={1,2}$/, '') : base64;
  if (body.includes('=') || body.length % 4 === 1) return undefined;
  return Buffer.from(body, 'base64').toString('hex');
}
