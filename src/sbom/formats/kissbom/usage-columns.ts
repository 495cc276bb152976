/**
 * Hermine's KISSBOM variant (what Hermine exports and imports: a bare JSON array of packages) adds to
 * each row how the package is used in the release: `subproject`, `scope`, `linking` and
 * `component_modified`. Each row is one usage; a package listed in several subprojects or scopes is
 * one component with several usages.
 */
import { issue, type DeclaredUsage, type Issue, type Linking } from '../../../model/index.js';

/** The row attributes that describe a usage rather than the package (`project` and `modified` as aliases). */
export const USAGE_COLUMNS = ['subproject', 'project', 'scope', 'linking', 'component_modified', 'modified'] as const;

/** Hermine's stored values (Aggregation, Dynamic, …) and ours, lower-cased. */
const LINKING_WORDS: Record<string, Linking> = {
  aggregation: 'aggregation',
  'mere aggregation': 'aggregation',
  'mere-aggregation': 'aggregation',
  dynamic: 'dynamic',
  static: 'static',
  mingled: 'mingled',
  'mingled source': 'mingled',
};

/** Hermine stores Altered / Unmodified; people write modified, yes, true… */
const MODIFIED_WORDS: Record<string, boolean> = {
  altered: true,
  modified: true,
  yes: true,
  true: true,
  unmodified: false,
  no: false,
  false: false,
};

export interface UsageCell {
  values: Record<string, string>;
  /** Where the row is, for Issues. */
  at: (column: string) => { component?: string; field: string; line?: number };
}

/**
 * The usage a row declares, or undefined when it declares none. A linking or modification Vigie
 * cannot read is left unrecorded (the officer sets it) and reported, never guessed.
 */
export function declaredUsageOf(row: UsageCell, issues: Issue[]): DeclaredUsage | undefined {
  const v = row.values;
  const usage: DeclaredUsage = {};
  const project = v.subproject ?? v.project;
  if (project) usage.project = project;
  if (v.scope) usage.scope = v.scope;
  const linking = v.linking;
  if (linking) {
    const known = LINKING_WORDS[linking.toLowerCase()];
    if (known) usage.linking = known;
    else
      issues.push(
        issue(
          'warning',
          'unknown-linking',
          `linking "${linking}" is not one Vigie knows (aggregation, dynamic, static, mingled): left unrecorded`,
          row.at('linking'),
        ),
      );
  }
  const modifiedColumn = v.component_modified !== undefined ? 'component_modified' : 'modified';
  const modified = v[modifiedColumn];
  if (modified) {
    const known = MODIFIED_WORDS[modified.toLowerCase()];
    if (known !== undefined) usage.modified = known;
    else
      issues.push(
        issue(
          'warning',
          'unknown-modification',
          `${modifiedColumn} "${modified}" is neither Altered nor Unmodified: left unrecorded`,
          row.at(modifiedColumn),
        ),
      );
  }
  return Object.keys(usage).length > 0 ? usage : undefined;
}

/** Two rows declaring the same usage are one (Hermine's own exports repeat rows). */
export function sameUsage(a: DeclaredUsage, b: DeclaredUsage): boolean {
  return a.project === b.project && a.scope === b.scope && a.linking === b.linking && a.modified === b.modified;
}
