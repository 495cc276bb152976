/**
 * A small syntax check of SPDX 2 licence expressions. It does not check ids against the SPDX list
 * (the licence engine does that); it decides whether a field can be kept as an expression and finds
 * the LicenseRef ids it uses.
 */
export interface ExpressionSyntax {
  valid: boolean;
  /** `LicenseRef-…` ids (not DocumentRef-…:LicenseRef-…) in order of first use. */
  licenseRefs: string[];
}

const TOKEN = /\s*(\(|\)|[^\s()]+)/y;
const OPERATORS = new Set(['AND', 'OR', 'WITH']);
const ID = /^(DocumentRef-[A-Za-z0-9.-]+:)?[A-Za-z0-9.-]+\+?$/;

export function checkExpressionSyntax(text: string): ExpressionSyntax {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) tokens.push(m[1]!);
  if (text.slice(TOKEN.lastIndex).trim() !== '' && tokens.length === 0) return { valid: false, licenseRefs: [] };
  const licenseRefs: string[] = [];
  let pos = 0;
  const isOp = (t: string | undefined, op?: string) =>
    t !== undefined && (op ? t.toUpperCase() === op : OPERATORS.has(t.toUpperCase()));

  const term = (): boolean => {
    const t = tokens[pos];
    if (t === '(') {
      pos++;
      if (!expression() || tokens[pos] !== ')') return false;
      pos++;
      return true;
    }
    if (t === undefined || t === ')' || isOp(t) || !ID.test(t)) return false;
    if (/^LicenseRef-/.test(t) && !licenseRefs.includes(t)) licenseRefs.push(t);
    pos++;
    if (isOp(tokens[pos], 'WITH')) {
      pos++;
      const exception = tokens[pos];
      if (exception === undefined || exception === '(' || exception === ')' || isOp(exception) || !ID.test(exception))
        return false;
      pos++;
    }
    return true;
  };
  const expression = (): boolean => {
    if (!term()) return false;
    while (isOp(tokens[pos], 'AND') || isOp(tokens[pos], 'OR')) {
      pos++;
      if (!term()) return false;
    }
    return true;
  };
  const valid = tokens.length > 0 && expression() && pos === tokens.length;
  return { valid, licenseRefs };
}
