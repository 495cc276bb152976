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
