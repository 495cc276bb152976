/** Store methods of the AI wave (see ai-repo.ts, migration 0014). */
import type { LineageLink } from '../model/lineage-link.js';
import type { UseDeclaration } from '../model/use-declaration.js';

export interface StoredUseDeclaration {
  releaseId: number;
  declaration: UseDeclaration;
  updatedAt: string;
  updatedBy: string | null;
}

export interface AiStore {
  insertLineageEdges(edges: LineageLink[]): Promise<number>;
  listLineageEdges(releaseId: number): Promise<LineageLink[]>;
  deleteLineageEdgesOfRelease(releaseId: number): Promise<number>;
  getUseDeclaration(releaseId: number): Promise<StoredUseDeclaration | null>;
  /** Creates or replaces the release's declaration. */
  setUseDeclaration(record: StoredUseDeclaration): Promise<StoredUseDeclaration>;
}
