import type { Issue, LineageEdge } from '../../../model/index.js';

/** State shared while one document is decoded. */
export interface DecodeContext {
  issues: Issue[];
  /** Every component ref seen so far, to detect duplicates and resolve dependency edges. */
  refs: Set<string>;
  /**
   * The bom-refs the document itself gives (read before decoding): a ref Vigie makes up for a
   * component without one must never take one of them, or the document would look like it used a
   * ref twice (issue 8 item 9).
   */
  documentRefs: Set<string>;
  /** Components that had no bom-ref (summarised in one Issue rather than one per component). */
  generatedRefs: number;
  firstGeneratedRef?: string;
  /** Lineage edges read from model cards, gathered for the document. */
  lineage: LineageEdge[];
}

export function newDecodeContext(): DecodeContext {
  return { issues: [], refs: new Set(), documentRefs: new Set(), generatedRefs: 0, lineage: [] };
}
