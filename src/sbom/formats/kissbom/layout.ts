/**
 * The KISSBOM ("keep it simple SBoM", github.com/kissbom/kissbom-spec): a list of packages, each
 * with a purl and optionally an SPDX licence expression, a copyright holder string and notes. The
 * spec lets it be serialised as JSON, YAML or CSV; JSON and YAML wrap the list as `{packages: [...]}`
 * (as the reference converter devops-kung-fu/kissbom writes it), CSV has one column per attribute.
 */
export const KISSBOM_COLUMNS = ['purl', 'license', 'copyright', 'notes'] as const;
export type KissbomColumn = (typeof KISSBOM_COLUMNS)[number];

export type KissbomEntry = Partial<Record<KissbomColumn, string>>;

/** The serialisations, used as the format's "spec versions" (the spec itself has no version). */
export const KISSBOM_JSON = 'json';
export const KISSBOM_YAML = 'yaml';
export const KISSBOM_CSV = 'csv';
// Last is the default output (resolveOutputTarget): JSON, as the reference converter writes by default.
export const KISSBOM_SERIALISATIONS = [KISSBOM_CSV, KISSBOM_YAML, KISSBOM_JSON] as const;

/** The notes column has no model field of its own; it travels as this property. */
export const NOTES_PROPERTY = 'kissbom:notes';

/** A CSV KISSBOM starts with a header naming the purl column; YAML starts with `packages:`. */
export function looksLikeCsv(head: string): boolean {
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const names = first.split(',').map((n) => n.trim().replace(/^"|"$/g, '').toLowerCase());
  return names.includes('purl') && names.length >= 1 && !first.includes(':');
}
