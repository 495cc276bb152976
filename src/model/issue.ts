/**
 * A problem found in the input. Input problems never throw: they are collected as Issues in the
 * result, each naming where it was found so that a user can fix the source document.
 */
export type IssueSeverity = 'error' | 'warning' | 'info';

export interface Issue {
  severity: IssueSeverity;
  /** Stable machine-readable code, e.g. `dangling-ref`, `invalid-purl`, `lossy-encode`. */
  code: string;
  message: string;
  /** bom-ref / SPDXID / name@version of the component concerned, when there is one. */
  component?: string;
  /** Field path inside the component or document, e.g. `licenses[0].license.id` or `/metadata/tools`. */
  field?: string;
  /** Line number in the source text, when the decoder knows it. */
  line?: number;
}

export function issue(
  severity: IssueSeverity,
  code: string,
  message: string,
  where: { component?: string; field?: string; line?: number } = {},
): Issue {
  return { severity, code, message, ...where };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * The codes of reading errors after which the reader left part of the document out: a value of the
 * wrong JSON type (`"components": "x"`, a list inside `components`) or one it could not use. Other
 * errors keep what they concern (a nameless package stands in under its SPDXID, a duplicate ref is
 * kept twice, an unterminated tag-value text is read up to the next tag).
 */
const LEFT_OUT_CODES: ReadonlySet<string> = new Set(['invalid-type', 'invalid-value']);

/** The errors after which part of the document was left out (an import of it stores less than it says). */
export function leftOutErrors(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'error' && LEFT_OUT_CODES.has(i.code));
}
