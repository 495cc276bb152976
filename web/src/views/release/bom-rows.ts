// Flattens the BOM endpoint's rows into what the table shows, with the effective licence worked out
// the same way the domain does: chosen, else corrected, else concluded, else declared.
import type { ReleaseUsage } from '../../api/types.js';

export interface BomRow {
  usageId: number;
  name: string;
  version: string;
  purl: string;
  scope: string;
  project: string;
  declared: string;
  effective: string;
  exploitation: string;
  linking: string;
  status: string;
  /** Lower-cased text searched by the free-text filter. */
  haystack: string;
}

export function toBomRow(row: ReleaseUsage): BomRow {
  const { usage, version, component } = row;
  const name = component.namespace ? `${component.namespace}/${component.name}` : component.name;
  const effective = usage.chosenLicense ?? version.correctedLicense ?? version.concludedLicense ?? '';
  const declared = version.declaredLicense ?? '';
  const purl = version.purl ?? component.purl ?? '';
  return {
    usageId: usage.id,
    name,
    version: version.number,
    purl,
    scope: usage.scope,
    project: usage.project,
    declared,
    effective,
    exploitation: usage.exploitation ?? '',
    linking: usage.linking ?? '',
    status: usage.status,
    haystack: `${name} ${version.number} ${purl} ${declared} ${effective}`.toLowerCase(),
  };
}

export type BomColumn = 'name' | 'version' | 'scope' | 'project' | 'declared' | 'effective' | 'exploitation';

export function sortRows(rows: BomRow[], column: BomColumn, descending: boolean): BomRow[] {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const sorted = rows.slice().sort((a, b) => collator.compare(a[column], b[column]) || collator.compare(a.name, b.name));
  return descending ? sorted.reverse() : sorted;
}
