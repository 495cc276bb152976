import type { Hash } from '../../../model/index.js';

/** SPDX 2 checksum algorithm names against the model's CycloneDX spelling. */
const SPDX_TO_MODEL: Record<string, string> = {
  SHA1: 'SHA-1',
  SHA224: 'SHA-224',
  SHA256: 'SHA-256',
  SHA384: 'SHA-384',
  SHA512: 'SHA-512',
  'SHA3-256': 'SHA3-256',
  'SHA3-384': 'SHA3-384',
  'SHA3-512': 'SHA3-512',
  'BLAKE2B-256': 'BLAKE2b-256',
  'BLAKE2B-384': 'BLAKE2b-384',
  'BLAKE2B-512': 'BLAKE2b-512',
  BLAKE3: 'BLAKE3',
  MD2: 'MD2',
  MD4: 'MD4',
  MD5: 'MD5',
  MD6: 'MD6',
  ADLER32: 'ADLER32',
};

const MODEL_TO_SPDX: Record<string, string> = Object.fromEntries(
  Object.entries(SPDX_TO_MODEL).map(([spdx, model]) => [model, spdx.replace('BLAKE2B', 'BLAKE2b')]),
);

/** Model algorithm for an SPDX one; unknown algorithms are kept as written. */
export function hashAlgorithmFromSpdx(algorithm: string): string {
  return SPDX_TO_MODEL[algorithm.trim().toUpperCase()] ?? algorithm.trim();
}

/** SPDX 2.3 algorithm for a model one, or undefined when SPDX 2.3 has no such algorithm. */
export function hashAlgorithmToSpdx(alg: string): string | undefined {
  return MODEL_TO_SPDX[alg];
}

export function hashFromSpdx(algorithm: string, value: string): Hash {
  return { alg: hashAlgorithmFromSpdx(algorithm), content: value.trim().toLowerCase() };
}
