import type { RecordAssessment } from '../record/assess.js';
import type { ComputedEntry } from '../record/annex-i-computed.js';
import type { CraRecord } from '../record/record.js';
import { findInformationKey } from '../record/information.js';
import { factOrMissing, type Block } from './document.js';

/** What every CRA document is drawn from: the stored record, never the clock. */
export interface DocumentContext {
  productName: string;
  /** The release the documents are for (Annex V (4), Annex VII (1)(b)); null: the product. */
  release: string | null;
  /** Date of issue, `YYYY-MM-DD` (an input: the same inputs give the same bytes). */
  date: string;
  record: CraRecord;
  assessment: RecordAssessment;
  /** Bundle path of the release SBOM, when one is included (Annex VII (2)(b)). */
  sbomFile: string | null;
  /** The computed Annex I requirements (I.a, II.1) for the release in view; absent: as recorded. */
  computed?: readonly ComputedEntry[];
}

export const REGULATION = 'Regulation (EU) 2024/2847 (Cyber Resilience Act)';

export function productLine(ctx: DocumentContext): string {
  return ctx.release ? `${ctx.productName} ${ctx.release}` : ctx.productName;
}

/** A document fact from the record's information map, with its label and clause from the table. */
export function info(ctx: DocumentContext, key: string, clauseOverride?: string): Block {
  const def = findInformationKey(key);
  if (!def) throw new RangeError(`unknown information key ${key}`);
  return factOrMissing(def.label, ctx.record.information[key], `information.${key}`, clauseOverride ?? def.clause);
}

/** "MM/YYYY" of the end of support (Art. 13(19): at least month and year). */
export function supportEnd(ctx: DocumentContext): string | null {
  const end = ctx.record.support?.endMonth;
  return end ? `${end.slice(5, 7)}/${end.slice(0, 4)}` : null;
}
