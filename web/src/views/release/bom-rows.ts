// Flattens the BOM endpoint's rows into what the table shows. The licence is the one the server read
// from the newest validation run (compliance/bom-license.ts): the UI has no licence rule of its own.
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
  /** No licence was concluded or chosen yet: `effective` shows the declared one. */
  effectiveIsDeclared: boolean;
  exploitation: string;
  linking: string;
  status: string;
  /** Lower-cased text searched by the free-text filter. */
  haystack: string;
}

export function toBomRow(row: ReleaseUsage): BomRow {
  const { usage, version, component } = row;
  const name = component.namespace ? `${component.namespace}/${component.name}` : component.name;
  const declared = version.declaredLicense ?? '';
  const effective = row.license.license ?? '';
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
    effectiveIsDeclared: row.license.basis === 'declared',
    exploitation: usage.exploitation ?? '',
    linking: usage.linking ?? '',
    status: usage.status,
    haystack: `${name} ${version.number} ${purl} ${declared} ${effective}`.toLowerCase(),
  };
}

export type BomColumn = 'name' | 'version' | 'scope' | 'project' | 'declared' | 'effective' | 'exploitation';

export function sortRows(rows: BomRow[], column: BomColumn, descending: boolean): BomRow[] {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const sorted = rows
    .slice()
    .sort((a, b) => collator.compare(a[column], b[column]) || collator.compare(a.name, b.name));
  return descending ? sorted.reverse() : sorted;
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) into records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => r.length > 1 || r[0] !== '');
}

/** BOM rows from the BOM CSV download, finding columns by their (case-insensitive) header names. */
export function rowsFromCsv(text: string): BomRow[] {
  const [header, ...records] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[^a-z]/g, ''),
  );
  const column = (...candidates: string[]) => names.findIndex((n) => candidates.includes(n));
  const at = (record: string[], index: number) => (index >= 0 ? (record[index] ?? '') : '');
  const cols = {
    id: column('usageid', 'id'),
    name: column('component', 'name', 'componentname'),
    namespace: column('namespace', 'group'),
    version: column('version'),
    purl: column('purl'),
    scope: column('scope'),
    project: column('project'),
    declared: column('declared', 'declaredlicense', 'declaredlicence'),
    effective: column('effective', 'effectivelicense', 'chosen', 'chosenlicense', 'concluded', 'concludedlicense'),
    exploitation: column('exploitation'),
    linking: column('linking'),
    status: column('status'),
  };
  return records.map((r, index) => {
    const namespace = at(r, cols.namespace);
    const base = at(r, cols.name);
    const name = namespace && !base.startsWith(`${namespace}/`) ? `${namespace}/${base}` : base;
    const row = {
      usageId: Number(at(r, cols.id)) || index + 1,
      name,
      version: at(r, cols.version),
      purl: at(r, cols.purl),
      scope: at(r, cols.scope),
      project: at(r, cols.project),
      declared: at(r, cols.declared),
      effective: at(r, cols.effective),
      effectiveIsDeclared: false,
      exploitation: at(r, cols.exploitation),
      linking: at(r, cols.linking),
      status: at(r, cols.status),
    };
    return {
      ...row,
      haystack: `${row.name} ${row.version} ${row.purl} ${row.declared} ${row.effective}`.toLowerCase(),
    };
  });
}
