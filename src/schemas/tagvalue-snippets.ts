/**
 * A tag-value snippet in SPDX JSON's shape, for the schema check of `sbom validate`. The tag-value
 * reader keeps a snippet's tags as written (`SnippetFromFileSPDXID`, `SnippetByteRange: 310:420`);
 * JSON names them otherwise and writes a range as two pointers. Only the fields present are mapped,
 * so a snippet without its file or its ranges fails the schema as its JSON twin does. A range that is
 * not `start:end` in whole numbers is kept as written, so that the schema reports it.
 */
const FIELDS: Record<string, string> = {
  SnippetSPDXID: 'SPDXID',
  SPDXID: 'SPDXID',
  SnippetName: 'name',
  SnippetFromFileSPDXID: 'snippetFromFile',
  SnippetLicenseConcluded: 'licenseConcluded',
  SnippetCopyrightText: 'copyrightText',
  SnippetComment: 'comment',
  SnippetLicenseComments: 'licenseComments',
};

export function snippetAsJson(snippet: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [tag, value] of Object.entries(snippet)) {
    const key = FIELDS[tag];
    if (key) out[key] = value;
  }
  if (snippet.LicenseInfoInSnippet !== undefined) out.licenseInfoInSnippets = list(snippet.LicenseInfoInSnippet);
  if (snippet.SnippetAttributionText !== undefined) out.attributionTexts = list(snippet.SnippetAttributionText);
  const file = typeof out.snippetFromFile === 'string' ? out.snippetFromFile : '';
  const ranges = [
    ...list(snippet.SnippetByteRange).map((r) => range(r, 'offset', file)),
    ...list(snippet.SnippetLineRange).map((r) => range(r, 'lineNumber', file)),
  ];
  if (ranges.length > 0) out.ranges = ranges;
  return out;
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function range(value: unknown, unit: 'offset' | 'lineNumber', reference: string): unknown {
  const m = typeof value === 'string' ? /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(value) : null;
  if (!m) return value;
  return {
    startPointer: { reference, [unit]: Number(m[1]) },
    endPointer: { reference, [unit]: Number(m[2]) },
  };
}
