/**
 * EUVD records (ENISA's EU Vulnerability Database, NIS2 Art. 12; CRA Art. 13(5) due diligence names
 * it among the sources to check): what Vigie takes from them is the identity of the flaw — the
 * `EUVD-YYYY-N` id and its aliases (CVE, GHSA …), so that an EUVD id finds the same alias group as
 * the CVE it names — and the exploitation date ENISA records. Records come one per object (the
 * `/enisaid` answer), as a list, or as a search page `{ items, total }`. The aliases field is one
 * string with an id per line. Pure: the caller reads and parses the bytes.
 */
export interface EuvdEntry {
  id: string;
  /** Other ids of the flaw, as EUVD lists them (CVE, GHSA …). */
  aliases: string[];
  /** ISO date when ENISA records exploitation, else null. */
  exploitedSince: string | null;
  /** ISO date of the record's last update, when it parses. */
  updated: string | null;
}

const EUVD_ID = /^EUVD-\d{4}-\d+$/;
const ALIAS = /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9._:-]+$/;

function isEuvdRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && EUVD_ID.test(v.id) && !('modified' in v) && !('affected' in v);
}

/** True when the decoded document is an EUVD record, a list of them, or a search page of them. */
export function isEuvdDocument(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && isEuvdRecord(value[0]);
  if (isEuvdRecord(value)) return true;
  const items = (value as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length > 0 && isEuvdRecord(items[0]);
}

/** EUVD writes dates like `Apr 15, 2025, 8:30:58 PM` (UTC) or ISO 8601. */
function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !/[AP]M$/.test(text) ? text : `${text} UTC`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The records of a document, each checked; a record that is not one is a problem, never a throw. */
export function euvdEntries(value: unknown): { entries: EuvdEntry[]; problems: { where: string; reason: string }[] } {
  const list: unknown[] = Array.isArray(value)
    ? value
    : isEuvdRecord(value)
      ? [value]
      : (((value as { items?: unknown[] }).items ?? []) as unknown[]);
  const entries: EuvdEntry[] = [];
  const problems: { where: string; reason: string }[] = [];
  list.forEach((item, i) => {
    if (!isEuvdRecord(item)) {
      problems.push({ where: `[${i}]`, reason: 'not an EUVD record (no EUVD-YYYY-N id)' });
      return;
    }
    const raw = item.aliases;
    if (raw !== undefined && raw !== null && typeof raw !== 'string' && !Array.isArray(raw)) {
      problems.push({ where: `[${i}] ${item.id as string}`, reason: 'aliases is neither a string nor a list' });
      return;
    }
    const texts =
      typeof raw === 'string'
        ? raw.split(/[\s,]+/)
        : Array.isArray(raw)
          ? raw.filter((a): a is string => typeof a === 'string')
          : [];
    const aliases = [...new Set(texts.map((a) => a.trim()).filter((a) => ALIAS.test(a) && a !== item.id))].sort();
    entries.push({
      id: item.id as string,
      aliases,
      exploitedSince: isoDate(item.exploitedSince),
      updated: isoDate(item.dateUpdated) ?? isoDate(item.datePublished),
    });
  });
  return { entries, problems };
}
