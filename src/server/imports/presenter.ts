import type { ImportOutcome } from '../../services/index.js';
import type { ImportRecord } from '../../services/store-door.js';

export function presentImport(r: ImportRecord) {
  return { ...r };
}

export function presentOutcome(o: ImportOutcome) {
  return {
    import: presentImport(o.import),
    counts: o.counts,
    conflicts: o.conflicts,
    issues: o.issues,
    ...(o.scanJobId !== undefined ? { scanJobId: o.scanJobId } : {}),
  };
}
