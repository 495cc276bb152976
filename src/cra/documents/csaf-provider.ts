// A CSAF 2.0 provider's directory-based distribution (CSAF 2.0 §7.1, requirements 7, 11-13 and
// 18), as bundle files under `csaf/` (what a web server publishes as /.well-known/csaf/):
// - `provider-metadata.json` (requirement 7; canonical URL from the record's cvd.csafUrl), whose
//   distribution is the TLP:WHITE directory next to it;
// - `white/<year>/<file name>.json`: each advisory in the folder of the year of its
//   /document/tracking/initial_release_date (requirement 11), named by the §5.1 rule (csafFileName);
// - `white/index.txt`: every advisory's path, one a line (requirement 12);
// - `white/changes.csv`: `"path","current_release_date"`, newest first (requirement 13);
// - `<file>.sha256` and `<file>.sha512` beside each advisory (requirement 18, `sha256sum` format).
// Pure and deterministic: the dates come from the advisories (last_updated: the newest one, else the
// issue date), never from the clock. Reference note §1.10 RPT-10 (Annex I Part II (4), Art. 14(8)).
import { createHash } from 'node:crypto';
import type { CraRecord } from '../record/record.js';
import { csafFileName } from './csaf-advisory.js';

export const CSAF_ROOT = 'csaf';
/** The TLP:WHITE distribution folder (CSAF 2.0 §7.1.11 example layout), relative to the provider root. */
export const CSAF_WHITE = 'white';

export interface CsafProviderInput {
  /** Advisories (CSAF documents) to publish: each needs document.tracking.id and its two dates. */
  advisories: readonly Record<string, unknown>[];
  record: CraRecord;
  /** Issue date `YYYY-MM-DD`: last_updated when there is no advisory. */
  date: string;
}

export interface CsafProviderFiles {
  /** Paths relative to the bundle root, sorted. */
  files: { path: string; text: string }[];
  /** Per file, the record fields it lacks (provider-metadata.json is left out when it lacks any). */
  missing: Record<string, string[]>;
}

interface Tracking {
  id: string;
  initial_release_date: string;
  current_release_date: string;
}

function tracking(doc: Record<string, unknown>): Tracking {
  return (doc.document as { tracking: Tracking }).tracking;
}

const hex = (algorithm: string, text: string) => createHash(algorithm).update(text, 'utf8').digest('hex');

/** CSAF 2.0 §7.1.11: the folder of an advisory is the year of its initial release date (UTC). */
export function csafDirectoryPath(doc: Record<string, unknown>): string {
  const t = tracking(doc);
  return `${new Date(t.initial_release_date).getUTCFullYear()}/${csafFileName(t.id)}`;
}

/** The provider-metadata.json of a CSAF provider with one directory distribution (CSAF 2.0 §7.1.7, §7.2.2). */
export function providerMetadata(
  record: CraRecord,
  lastUpdated: string,
): { document: Record<string, unknown> | null; missing: string[] } {
  const missing: string[] = [];
  const canonical = record.cvd.csafUrl?.trim() ?? '';
  if (!/^https:\/\/\S+\/provider-metadata\.json$/.test(canonical))
    missing.push('cvd.csafUrl (https URL ending in /provider-metadata.json)');
  const name = record.information.manufacturerName?.trim();
  if (!name) missing.push('information.manufacturerName');
  const namespace = record.information.manufacturerWebsite?.trim() ?? '';
  if (!/^https:\/\//.test(namespace))
    missing.push('information.manufacturerWebsite (https URL: the publisher namespace)');
  if (missing.length) return { document: null, missing };
  const contact = record.cvd.contacts.join(', ');
  return {
    document: {
      canonical_url: canonical,
      distributions: [{ directory_url: new URL(`${CSAF_WHITE}/`, canonical).href }],
      last_updated: lastUpdated,
      // Listing makes the advisories findable through aggregators (Annex I Part II (6)); mirroring
      // copies them elsewhere, which the manufacturer decides on: off until it does.
      list_on_CSAF_aggregators: true,
      metadata_version: '2.0',
      mirror_on_CSAF_aggregators: false,
      publisher: { category: 'vendor', name, namespace, ...(contact ? { contact_details: contact } : {}) },
      role: 'csaf_provider',
    },
    missing: [],
  };
}

export function csafProviderFiles(input: CsafProviderInput): CsafProviderFiles {
  const dir = `${CSAF_ROOT}/${CSAF_WHITE}`;
  const files: { path: string; text: string }[] = [];
  const entries = input.advisories.map((doc) => ({
    doc,
    path: csafDirectoryPath(doc),
    current: tracking(doc).current_release_date,
  }));
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.path))
      throw new Error(`two advisories share the CSAF file ${e.path}: tracking ids must differ after the §5.1 rule`);
    seen.add(e.path);
    const text = JSON.stringify(e.doc, null, 2) + '\n';
    const name = e.path.slice(e.path.lastIndexOf('/') + 1);
    files.push(
      { path: `${dir}/${e.path}`, text },
      { path: `${dir}/${e.path}.sha256`, text: `${hex('sha256', text)}  ${name}\n` },
      { path: `${dir}/${e.path}.sha512`, text: `${hex('sha512', text)}  ${name}\n` },
    );
  }
  const byPath = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  files.push({ path: `${dir}/index.txt`, text: byPath.map((e) => `${e.path}\n`).join('') });
  const byChange = [...entries].sort(
    (a, b) => Date.parse(b.current) - Date.parse(a.current) || (a.path < b.path ? -1 : 1),
  );
  files.push({ path: `${dir}/changes.csv`, text: byChange.map((e) => `"${e.path}","${e.current}"\n`).join('') });

  const newest = byChange[0]?.current ?? `${input.date}T00:00:00Z`;
  const metadata = providerMetadata(input.record, newest);
  const missing: Record<string, string[]> = {};
  const metadataPath = `${CSAF_ROOT}/provider-metadata.json`;
  if (metadata.document) files.push({ path: metadataPath, text: JSON.stringify(metadata.document, null, 2) + '\n' });
  else missing[metadataPath] = metadata.missing;
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, missing };
}
