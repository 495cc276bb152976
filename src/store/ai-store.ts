/** Store methods of the AI wave (see ai-repo.ts, migration 0014). */
import type { LineageLink } from '../model/lineage-link.js';
import type { UseDeclaration } from '../model/use-declaration.js';
import type { DatasetFacts, ModelCard } from '../model/ai.js';

/** The AI variant of a component version: its model card or its dataset facts. */
export type VersionAiFacts = { versionId: number } & (
  { kind: 'model'; facts: ModelCard } | { kind: 'dataset'; facts: DatasetFacts }
);

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
  /** Writes each version's card or facts, replacing what an earlier import stored for it. */
  putVersionAiFacts(rows: VersionAiFacts[]): Promise<number>;
  listVersionAiFacts(versionIds: number[]): Promise<VersionAiFacts[]>;
}
