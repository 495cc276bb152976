/**
 * What the parser reports besides the tree. A syntax error makes the expression unusable; every
 * other diagnostic leaves a valid tree (unknown ids are reported, not fatal, so that callers can tell
 * "bad syntax" from "licence we do not know").
 */
export type DiagnosticCode =
  | 'unknown-license'
  | 'unknown-exception'
  | 'exception-as-license'
  | 'license-as-exception'
  | 'deprecated-id'
  | 'rewritten-id'
  | 'redundant-plus';

export interface ExpressionDiagnostic {
  severity: 'warning' | 'info';
  code: DiagnosticCode;
  message: string;
  /** 0-based offset of the id in the input. */
  position: number;
  /** The id as written. */
  id: string;
}

export interface ExpressionSyntaxError {
  /** 0-based offset in the input where parsing stopped. */
  position: number;
  /** The token found there, or null at the end of the input. */
  found: string | null;
  /** What would have been accepted there. */
  expected: string[];
  message: string;
}
