/**
 * An SPDX YAML value with its integers as numbers, for the schema check of `sbom validate`. The YAML
 * reader keeps every scalar as the text written (`versionInfo: 1.0` is "1.0", not 1), which SPDX 2
 * wants everywhere but in the few places its schema types as integers: a snippet range's
 * `offset`/`lineNumber` and an extracted licence's `crossRefs[].order`. There, `offset: 310` is the
 * integer 310 in YAML as in JSON; read as "310" the spec's own YAML example failed where its JSON
 * twin passed. Only those fields, and only whole numbers, are turned; the reader's value is not
 * changed (the parts touched are copied).
 */
const INTEGER = /^[-+]?\d+$/;

export function spdxYamlIntegers(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = { ...value };
  if (Array.isArray(value.snippets)) out.snippets = value.snippets.map(snippet);
  if (Array.isArray(value.hasExtractedLicensingInfos))
    out.hasExtractedLicensingInfos = value.hasExtractedLicensingInfos.map(extracted);
  return out;
}

function snippet(s: unknown): unknown {
  if (!isRecord(s) || !Array.isArray(s.ranges)) return s;
  return {
    ...s,
    ranges: s.ranges.map((r) =>
      isRecord(r) ? { ...r, startPointer: pointer(r.startPointer), endPointer: pointer(r.endPointer) } : r,
    ),
  };
}

function pointer(p: unknown): unknown {
  if (!isRecord(p)) return p;
  return { ...p, ...integerField(p, 'offset'), ...integerField(p, 'lineNumber') };
}

function extracted(e: unknown): unknown {
  if (!isRecord(e) || !Array.isArray(e.crossRefs)) return e;
  return { ...e, crossRefs: e.crossRefs.map((c) => (isRecord(c) ? { ...c, ...integerField(c, 'order') } : c)) };
}

function integerField(o: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = o[key];
  return typeof v === 'string' && INTEGER.test(v) ? { [key]: Number(v) } : {};
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
