/**
 * A licence statement as found in a document. Vigie keeps three roles apart (DESIGN.md):
 * - declared: what the component's authors state (package.json "license", CycloneDX acknowledgement
 *   "declared", SPDX licenseDeclared);
 * - concluded: what a reviewer concluded for distribution (SPDX licenseConcluded, CycloneDX
 *   acknowledgement "concluded");
 * - effective: the licence actually chosen for this use (after resolving ORs).
 * The raw text is always kept beside any SPDX form so nothing is lost in normalisation.
 */
export type LicenseRole = 'declared' | 'concluded' | 'effective';

/** One licence entry as the source document spelled it. Exactly one of id, name, expression is set. */
export interface LicenseEntry {
  /** SPDX licence id (CycloneDX `license.id`). */
  id?: string;
  /** Free-text licence name (CycloneDX `license.name`, package.json non-SPDX strings). */
  name?: string;
  /** A whole SPDX expression (CycloneDX `expression`, SPDX 2 licence fields). */
  expression?: string;
  url?: string;
  /** Licence text when the document embeds it (plain text; base64 is decoded by the decoder). */
  text?: string;
  /** CycloneDX `bom-ref` of the licence, when given. */
  ref?: string;
}

export interface LicenseStatement {
  /**
   * The statement as one string, exactly as found when the source had one string (SPDX, npm), or the
   * entries joined with " AND " when the source listed several (CycloneDX licenses array).
   */
  raw: string;
  /** The statement as an SPDX expression when the source declared it as SPDX (ids or expression). */
  expression?: string;
  /** Entries in source order (empty for sources that only carry one string). */
  entries: LicenseEntry[];
}

export type LicenseRoles = Partial<Record<LicenseRole, LicenseStatement>>;

/** SPDX special values that mean "no statement": kept as raw, never as an expression to evaluate. */
export const NO_ASSERTION = 'NOASSERTION';
export const NONE = 'NONE';

export function licenseFromExpression(expression: string): LicenseStatement {
  return { raw: expression, expression, entries: [{ expression }] };
}

export function licenseFromEntries(entries: LicenseEntry[]): LicenseStatement | undefined {
  if (entries.length === 0) return undefined;
  const parts = entries.map((e) => e.expression ?? e.id ?? e.name ?? e.url ?? '').filter(Boolean);
  const spdxParts = entries.map((e) => e.expression ?? e.id);
  const allSpdx = spdxParts.every((p) => p !== undefined);
  const wrap = (p: string) => (parts.length > 1 && /\s(OR|AND)\s/i.test(p) ? `(${p})` : p);
  const raw = parts.map(wrap).join(' AND ');
  return {
    raw,
    expression: allSpdx ? (spdxParts as string[]).map(wrap).join(' AND ') : undefined,
    entries,
  };
}
