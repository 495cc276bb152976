/** Table types of the vulnerability database and the triage memory (see migrations/). */
import type { Generated } from 'kysely';

export interface VulnerabilityTables {
  vuln_records: {
    record_id: string;
    source: string;
    modified: string;
    published: string | null;
    withdrawn: string | null;
    summary: string | null;
    /** The OSV record as JSON text, as imported. */
    record: string;
    imported_at: string;
  };
  vuln_packages: {
    record_id: string;
    ecosystem: string;
    name: string;
    /** The name folded as the ecosystem compares names (migration 0010). */ name_key: string | null;
  };
  vuln_aliases: { vuln_id: string; group_key: string };
  vuln_kev: { cve_id: string; date_added: string; due_date: string | null; ransomware: string | null; entry: string };
  vuln_epss: { cve_id: string; epss: number; percentile: number };
  vuln_sources: {
    name: string;
    kind: string;
    origin: string;
    loaded_at: string;
    data_date: string | null;
    records: number;
    details: Generated<string>;
  };
}

export interface VexTables {
  vex_analyses: {
    id: Generated<number>;
    vulnerability_id: string;
    aliases: string;
    product_id: number | null;
    release_id: number | null;
    component: string;
    version: string | null;
    state: string;
    justification: string | null;
    vex_justification: string | null;
    responses: string;
    detail: string | null;
    action_statement: string | null;
    author: string;
    created_at: string;
    origin: string;
  };
}

export interface ReleaseFindingTables {
  vuln_scans: {
    release_id: number;
    scanned_at: string;
    reason: string;
    fingerprint: string;
    summary: string;
    unchecked: string;
  };
  vuln_findings: {
    id: Generated<number>;
    release_id: number;
    version_id: number;
    vulnerability_id: string;
    aliases: string;
    record_id: string;
    component: string;
    version: string;
    rating: string;
    score: number | null;
    kev: string | null;
    /** The explained finding (VulnerabilityFinding) as JSON. */
    finding: string;
  };
}
