/** Fill-missing vs override: which stored fields an incoming record changes, and where they disagree. */
import type { DataConflict, FillPolicy } from './types.js';

export interface FieldMerge {
  /** Fields to write (column → value). */
  changes: Record<string, string>;
  conflicts: DataConflict[];
}

/**
 * A blank incoming value never erases stored data. A blank stored value is always filled. When both
 * are set and differ, `override` takes the incoming one, `fill-missing` keeps the stored one; either
 * way the disagreement is reported.
 */
export function mergeFields(
  entity: DataConflict['entity'],
  key: string,
  stored: object,
  incoming: Record<string, string | null>,
  policy: FillPolicy,
): FieldMerge {
  const changes: Record<string, string> = {};
  const conflicts: DataConflict[] = [];
  for (const [field, value] of Object.entries(incoming)) {
    if (value === null || value === '') continue;
    const current = ((stored as Record<string, unknown>)[field] as string | null | undefined) ?? null;
    if (current === null || current === '') {
      changes[field] = value;
    } else if (current !== value) {
      const kept = policy === 'override' ? 'incoming' : 'stored';
      if (kept === 'incoming') changes[field] = value;
      conflicts.push({ entity, key, field: modelFieldName(field), stored: current, incoming: value, kept });
    }
  }
  return { changes, conflicts };
}

/** Conflicts speak the model's vocabulary (`declaredLicense`), not the column's (`declared_license`). */
function modelFieldName(column: string): string {
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
