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
  vuln_packages: { record_id: string; ecosystem: string; name: string };
  vuln_aliases: { vuln_id: string; group_key: string };
  vuln_kev: { cve_id: string; date_added: string; due_date: string | null; ransomware: string | null; entry: string };
  vuln_epss: { cve_id: string; epss: number; percentile: number };
  vuln_sources: { name: string; kind: string; origin: string; loaded_at: string; data_date: string | null; records: number; details: Generated<string> };
}
