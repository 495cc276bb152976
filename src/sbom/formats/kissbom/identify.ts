import type { Identification } from '../../format.js';
import { KISSBOM_CSV, KISSBOM_JSON, KISSBOM_YAML, looksLikeCsv } from './layout.js';

/** A `packages` list whose entries open with `purl` (JSON, YAML), Hermine's bare JSON list, or a CSV header with a purl column. */
export function identifyKissbom(head: string): Identification | undefined {
  const found = (specVersion: string): Identification => ({ format: 'kissbom', specVersion, supported: true });
  if (/^\s*\{\s*"packages"\s*:\s*\[\s*(\{\s*"purl"\s*:|\])/.test(head)) return found(KISSBOM_JSON);
  // Hermine's variant: a bare list of package objects, each with a purl (not necessarily first).
  if (/^\s*\[\s*\{[^{}]*"purl"\s*:\s*"pkg:/.test(head)) return found(KISSBOM_JSON);
  if (
    /^(---\s*\n)?packages:[ \t]*\n\s*- purl:/m.test(head.replace(/^\uFEFF/, '')) ||
    /^packages:[ \t]*\[\][ \t]*$/m.test(head)
  ) {
    return found(KISSBOM_YAML);
  }
  if (looksLikeCsv(head)) return found(KISSBOM_CSV);
  return undefined;
}

/** identifyKissbom for the format table: a document it cannot look at is simply not claimed. */
export function identifyKissbomSafely(head: string): Identification | undefined {
  try {
    return identifyKissbom(head);
  } catch {
    return undefined;
  }
}
