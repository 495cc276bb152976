import { issue, type Issue, type LineageEdge } from '../../../model/index.js';
import type { EncodeVersion } from './versions.js';

/** State shared while one document is encoded. */
export interface EncodeContext {
  version: EncodeVersion;
  issues: Issue[];
  /** bom-refs written so far: the XML schema requires them unique across the document. */
  refs: Set<string>;
  /** The document's lineage edges by model ref, written on each model's card. */
  lineage?: Map<string, LineageEdge[]>;
}

export function lossy(ctx: EncodeContext, message: string, component?: string, field?: string): void {
  ctx.issues.push(issue('warning', 'lossy-encode', message, { component, field }));
}
