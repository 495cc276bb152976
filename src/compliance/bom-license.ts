import type { ResolvedUsage } from './validate-release.js';

/**
 * Where the licence a BOM row shows comes from:
 * - `effective`: validation settled it (curations, AND confirmations and choices applied);
 * - `expression`: a valid SPDX expression after curations, with an OR still to choose;
 * - `declared`: nothing validated yet, so the declared string as found;
 * - `none`: no licence at all.
 */
export type BomLicenseBasis = 'effective' | 'expression' | 'declared' | 'none';

export interface BomLicense {
  license: string | null;
  basis: BomLicenseBasis;
}

/**
 * The licence of one usage as the BOM shows it, read from the newest validation run (issue 8 item 13:
 * the UI once worked this out itself from the version's columns, ignoring curations).
 */
export function bomLicense(
  resolved: Pick<ResolvedUsage, 'effective' | 'expression'> | undefined,
  declared: string | null,
): BomLicense {
  if (resolved?.effective) return { license: resolved.effective, basis: 'effective' };
  if (resolved?.expression) return { license: resolved.expression, basis: 'expression' };
  if (declared !== null && declared.trim() !== '') return { license: declared, basis: 'declared' };
  return { license: null, basis: 'none' };
}
