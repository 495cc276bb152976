/**
 * A short JSON text standing for a whole parsed document, for identification when the first bytes
 * do not settle what the document is. Key order in JSON carries no meaning, so a CycloneDX file may
 * put `bomFormat` after a 50 MB `components` array: the outline keeps every top-level key in its
 * order, with its scalar value, and cuts what is large (lists to their first items, deep objects,
 * long strings), so the formats' cheap `identify` sees the markers wherever the writer put them.
 */
const MAX_ITEMS = 2;
const MAX_DEPTH = 4;
const MAX_STRING = 256;
const MAX_KEYS = 64;

export function outlineJson(value: unknown): string {
  return JSON.stringify(cut(value, 0)) ?? '';
}

function cut(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? value.slice(0, MAX_STRING) : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? [] : {};
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => cut(item, depth + 1));
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  // Every top-level key counts (the markers may be anywhere); below that a few are enough.
  const keys = Object.keys(value);
  for (const key of depth === 0 ? keys : keys.slice(0, MAX_KEYS))
    out[key] = cut((value as Record<string, unknown>)[key], depth + 1);
  return out;
}
