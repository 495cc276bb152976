import type { LineageKind } from './ai.js';

/**
 * One AI lineage edge of a release, between two versions: the model (`parentVersionId`; null = the
 * release's primary component, the product itself) was trained / tested on, fine-tuned or quantised
 * from `childVersionId`. Stored as edges like the dependency graph (ADR 7), never as paths.
 */
export interface LineageLink {
  releaseId: number;
  parentVersionId: number | null;
  childVersionId: number;
  kind: LineageKind;
}
