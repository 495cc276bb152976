import type { Identification } from '../../format.js';

/** SPDX 2 versions the decoders read; 2.1 differs from 2.2 only in fields Vigie does not use. */
export const SPDX2_DECODES = ['2.1', '2.2', '2.3'] as const;
export const SPDX2_ENCODES = ['2.3'] as const;

/** Turns the `SPDX-x.y` found in a document head into an identification for one syntax. */
export function identifySpdx2Version(format: string, syntaxName: string, found: string): Identification {
  const version = found.replace(/^SPDX-/i, '');
  if ((SPDX2_DECODES as readonly string[]).includes(version)) {
    return { format, specVersion: version, supported: true };
  }
  return {
    format,
    specVersion: version,
    supported: false,
    reason: `SPDX ${version} ${syntaxName} is not supported: Vigie reads SPDX ${SPDX2_DECODES.join(', ')} in this syntax`,
  };
}

/** The `x.y` of an `SPDX-x.y` value, or undefined when the value is not of that shape. */
export function spdxVersionNumber(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^SPDX-(\d+\.\d+)$/.exec(value.trim())?.[1];
}
