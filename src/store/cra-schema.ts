/** Row types of the CRA tables (migration 0011). */
export interface CraTables {
  /** One CRA record per product: JSON checked by cra/record before it is written. */
  cra_records: { product_id: number; record: string; updated_by: string; updated_at: string };
  /** Append-only, hash-chained evidence log; payload is JSON. */
  evidence_log: {
    seq: number;
    at: string;
    actor: string;
    kind: string;
    subject: string;
    payload: string;
    prev_hash: string;
    hash: string;
  };
  /** SBOM quality results per import and profile (migration 0034); result is a ProfileResult as JSON. */
  import_quality: { import_id: number; profile: string; result: string };
}
