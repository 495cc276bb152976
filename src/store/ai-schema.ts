/** Tables of the AI wave (issue 10, migration 0014): lineage edges and release use declarations. */
export interface AiTables {
  /** One AI lineage edge of a release between two versions (ADR 7's edges, with a kind); parent null = the primary. */
  lineage_edges: {
    release_id: number;
    parent_version_id: number | null;
    child_version_id: number;
    kind: string;
  };
  /** The model card (kind `model`) or dataset facts (kind `dataset`) of a version, as JSON. */
  version_ai_facts: {
    version_id: number;
    kind: string;
    facts: string;
  };
  /** How a release's product is used (model/use-declaration.ts), as JSON; one row per release. */
  release_use_declarations: {
    release_id: number;
    declaration: string;
    updated_at: string;
    updated_by: string | null;
  };
}
