// A hand-written recursive-descent parser over the SPDX licence expression grammar (annex D):
//   expression := or-expr
//   or-expr    := and-expr ("OR" and-expr)*
//   and-expr   := primary ("AND" primary)*
//   primary    := "(" or-expr ")" | simple ["WITH" addition]
//   simple     := license-id ["+"] | [DocumentRef-x ":"] LicenseRef-y
// NONE and NOASSERTION are accepted only as the whole expression. Operators and ids are
// case-insensitive. The scanner works on char codes and only slices strings for ids.
import type { CompoundExpression, LicenseExpression, LicenseLeaf } from './ast.js';
import type { ExpressionDiagnostic, ExpressionSyntaxError } from './diagnostics.js';
import { deprecatedReplacement } from './deprecated.js';
import { lookupException, lookupLicense } from '../spdx-list/index.js';

export interface ParseResult {
  /** The tree, or null on a syntax error. */
  expression: LicenseExpression | null;
  syntaxError: ExpressionSyntaxError | null;
  /** Non-fatal findings: unknown ids, deprecated ids rewritten, … */
  diagnostics: ExpressionDiagnostic[];
}

const T_END = 0;
const T_OPEN = 1;
const T_CLOSE = 2;
const T_WORD = 3;
const T_PLUS = 4;
const T_BAD = 5;

const EXPECT_LICENSE = ['a licence id', 'LicenseRef-…', "'('"];
const EXPECT_OPERATOR = ['AND', 'OR', 'WITH', "')'", 'end of expression'];

class Parser {
  private pos = 0;
  private tokType = T_END;
  private tokStart = 0;
  private tokEnd = 0;
  diagnostics: ExpressionDiagnostic[] | null = null;

  constructor(private readonly src: string) {
    this.next();
  }

  // --- scanner -------------------------------------------------------------------------------

  private next(): void {
    const s = this.src;
    let i = this.pos;
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    this.tokStart = i;
    if (i >= s.length) {
      this.tokType = T_END;
      this.tokEnd = this.pos = i;
      return;
    }
    const c = s.charCodeAt(i);
    if (c === 40 /* ( */ || c === 41 /* ) */ || c === 43 /* + */) {
      this.tokType = c === 40 ? T_OPEN : c === 41 ? T_CLOSE : T_PLUS;
      this.tokEnd = this.pos = i + 1;
      return;
    }
    if (!isIdChar(c) && c !== 58 /* : */) {
      this.tokType = T_BAD;
      this.tokEnd = this.pos = i + 1;
      return;
    }
    while (i < s.length && (isIdChar(s.charCodeAt(i)) || s.charCodeAt(i) === 58)) i++;
    this.tokType = T_WORD;
    this.tokEnd = this.pos = i;
  }

  /** The current token type (a method, so that TypeScript does not narrow it across next()). */
  private tok(): number {
    return this.tokType;
  }

  private text(): string {
    return this.src.slice(this.tokStart, this.tokEnd);
  }

  /** Case-insensitive comparison of the current word with an upper-case keyword, without slicing. */
  private isKeyword(upper: string): boolean {
    if (this.tokType !== T_WORD || this.tokEnd - this.tokStart !== upper.length) return false;
    for (let k = 0; k < upper.length; k++) {
      if ((this.src.charCodeAt(this.tokStart + k) & 0xdf) !== upper.charCodeAt(k)) return false;
    }
    return true;
  }

  private isOperator(): boolean {
    return this.isKeyword('AND') || this.isKeyword('OR') || this.isKeyword('WITH');
  }

  // --- grammar -------------------------------------------------------------------------------

  isEmpty(): boolean {
    return this.tok() === T_END;
  }

  parseWhole(): LicenseExpression {
    if (this.isKeyword('NONE') || this.isKeyword('NOASSERTION')) {
      const type = this.isKeyword('NONE') ? 'none' : 'noassertion';
      const word = this.text();
      this.next();
      if (this.tok() !== T_END) {
        throw this.error(['end of expression'], `${word} must stand alone`);
      }
      return { type };
    }
    const expr = this.parseOr();
    if (this.tok() !== T_END) {
      throw this.error(
        this.tok() === T_CLOSE ? ['AND', 'OR', 'end of expression'] : EXPECT_OPERATOR,
        this.tok() === T_CLOSE ? "')' without a matching '('" : undefined,
      );
    }
    return expr;
  }

  private parseOr(): LicenseExpression {
    const first = this.parseAnd();
    if (!this.isKeyword('OR')) return first;
    const args = [first];
    while (this.isKeyword('OR')) {
      this.next();
      args.push(this.parseAnd());
    }
    return { type: 'or', args } satisfies CompoundExpression;
  }

  private parseAnd(): LicenseExpression {
    const first = this.parsePrimary();
    if (!this.isKeyword('AND')) return first;
    const args = [first];
    while (this.isKeyword('AND')) {
      this.next();
      args.push(this.parsePrimary());
    }
    return { type: 'and', args } satisfies CompoundExpression;
  }

  private parsePrimary(): LicenseExpression {
    if (this.tok() === T_OPEN) {
      this.next();
      const inner = this.parseOr();
      if (this.tok() !== T_CLOSE) {
        throw this.error(this.tok() === T_END ? ["')'"] : ['AND', 'OR', "')'"]);
      }
      this.next();
      if (this.isKeyword('WITH'))
        throw this.error(['AND', 'OR', "')'", 'end of expression'], 'WITH applies to a single licence, not to a group');
      return inner;
    }
    if (this.tok() !== T_WORD || this.isOperator()) throw this.error(EXPECT_LICENSE);
    if (this.isKeyword('NONE') || this.isKeyword('NOASSERTION')) {
      throw this.error(EXPECT_LICENSE, `${this.text()} can only be the whole expression`);
    }
    const leaf = this.parseSimple();
    if (this.isKeyword('WITH')) {
      this.next();
      if (this.tok() !== T_WORD || this.isOperator()) throw this.error(['an exception id', 'AdditionRef-…']);
      this.parseAddition(leaf);
    }
    return leaf;
  }

  private parseSimple(): LicenseLeaf {
    const start = this.tokStart;
    const word = this.text();
    const colon = word.indexOf(':');
    let leaf: LicenseLeaf;
    if (colon >= 0) {
      const doc = word.slice(0, colon);
      const ref = word.slice(colon + 1);
      if (!hasPrefix(doc, 'DocumentRef-') || !validIdstring(doc, 12)) {
        throw this.errorAt(
          start,
          word,
          ['a licence id', 'DocumentRef-…:LicenseRef-…'],
          'a colon only follows a DocumentRef-…',
        );
      }
      if (!hasPrefix(ref, 'LicenseRef-') || !validIdstring(ref, 11)) {
        throw this.errorAt(start + colon + 1, ref, ['LicenseRef-… after DocumentRef-…:']);
      }
      leaf = {
        type: 'license',
        id: 'LicenseRef-' + ref.slice(11),
        documentRef: 'DocumentRef-' + doc.slice(12),
        orLater: false,
      };
    } else if (hasPrefix(word, 'LicenseRef-')) {
      if (!validIdstring(word, 11))
        throw this.errorAt(start, word, ['LicenseRef- followed by letters, digits, "." or "-"']);
      leaf = { type: 'license', id: 'LicenseRef-' + word.slice(11), orLater: false };
    } else {
      leaf = { type: 'license', id: word, orLater: false };
    }
    this.next();
    if (this.tok() === T_PLUS) {
      if (this.tokStart !== start + word.length)
        throw this.error(['AND', 'OR', 'WITH'], "'+' must follow the licence id without a space");
      if (leaf.id.startsWith('LicenseRef-'))
        throw this.error(['AND', 'OR', 'WITH', 'end of expression'], "'+' does not apply to a LicenseRef");
      leaf.orLater = true;
      this.next();
    }
    if (!leaf.id.startsWith('LicenseRef-')) this.resolveLicense(leaf, start, word);
    return leaf;
  }

  private parseAddition(leaf: LicenseLeaf): void {
    const start = this.tokStart;
    const word = this.text();
    const colon = word.indexOf(':');
    if (colon >= 0) {
      const doc = word.slice(0, colon);
      const ref = word.slice(colon + 1);
      if (
        !hasPrefix(doc, 'DocumentRef-') ||
        !validIdstring(doc, 12) ||
        !hasPrefix(ref, 'AdditionRef-') ||
        !validIdstring(ref, 12)
      ) {
        throw this.errorAt(start, word, ['an exception id', 'AdditionRef-…', 'DocumentRef-…:AdditionRef-…']);
      }
      leaf.exception = `DocumentRef-${doc.slice(12)}:AdditionRef-${ref.slice(12)}`;
    } else if (hasPrefix(word, 'AdditionRef-')) {
      if (!validIdstring(word, 12))
        throw this.errorAt(start, word, ['AdditionRef- followed by letters, digits, "." or "-"']);
      leaf.exception = 'AdditionRef-' + word.slice(12);
    } else {
      const known = lookupException(word);
      if (known) {
        leaf.exception = known.id;
        if (known.deprecated)
          this.note('warning', 'deprecated-id', `${known.id} is a deprecated SPDX exception id`, start, word);
      } else {
        leaf.exception = word;
        if (lookupLicense(word)) {
          this.note(
            'warning',
            'license-as-exception',
            `${lookupLicense(word)!.id} is a licence, not an exception: WITH needs an exception id`,
            start,
            word,
          );
        } else {
          this.note(
            'warning',
            'unknown-exception',
            `unknown exception id '${word}' (not in SPDX License List)`,
            start,
            word,
          );
        }
      }
    }
    this.next();
    if (this.tok() === T_PLUS)
      throw this.error(['AND', 'OR', "')'", 'end of expression'], "'+' belongs to the licence, before WITH");
  }

  /** Canonical case, deprecated forms, unknown ids. */
  private resolveLicense(leaf: LicenseLeaf, start: number, word: string): void {
    if (!validIdstring(word, 0)) throw this.errorAt(start, word, ['a licence id made of letters, digits, "." or "-"']);
    const known = lookupLicense(word);
    if (!known) {
      if (lookupException(word)) {
        this.note(
          'warning',
          'exception-as-license',
          `${lookupException(word)!.id} is an exception, not a licence: use <licence> WITH ${lookupException(word)!.id}`,
          start,
          word,
        );
      } else {
        this.note(
          'warning',
          'unknown-license',
          `unknown licence id '${word}' (not in SPDX License List; use LicenseRef-… for other licences)`,
          start,
          word,
        );
      }
      return;
    }
    leaf.id = known.id;
    if (leaf.orLater && known.id.endsWith('-or-later')) {
      leaf.orLater = false;
      this.note('info', 'redundant-plus', `'+' is redundant after ${known.id}`, start, word);
    } else if (leaf.orLater && known.id.endsWith('-only') && lookupLicense(known.id.slice(0, -5) + '-or-later')) {
      leaf.id = known.id.slice(0, -5) + '-or-later';
      leaf.orLater = false;
      this.note('info', 'rewritten-id', `${known.id}+ read as ${leaf.id}`, start, word);
    }
    if (!known.deprecated) return;
    const replacement = deprecatedReplacement(known.id, leaf.orLater, (id) => lookupLicense(id) !== undefined);
    const written = known.id + (leaf.orLater ? '+' : '');
    if (replacement?.automatic && !(replacement.exception && leaf.exception)) {
      leaf.id = replacement.license;
      leaf.orLater = false;
      if (replacement.exception) leaf.exception = replacement.exception;
      const now = replacement.license + (replacement.exception ? ` WITH ${replacement.exception}` : '');
      this.note('info', 'rewritten-id', `deprecated ${written} rewritten as ${now}`, start, word);
    } else {
      const hint = replacement ? `; consider ${replacement.license}` : '';
      this.note('warning', 'deprecated-id', `${known.id} is a deprecated SPDX licence id${hint}`, start, word);
    }
  }

  // --- reporting -----------------------------------------------------------------------------

  private note(
    severity: 'warning' | 'info',
    code: ExpressionDiagnostic['code'],
    message: string,
    position: number,
    id: string,
  ): void {
    (this.diagnostics ??= []).push({ severity, code, message, position, id });
  }

  private error(expected: string[], hint?: string): ExpressionSyntaxError {
    const found = this.tok() === T_END ? null : this.text();
    return this.errorAt(this.tokStart, found, expected, hint);
  }

  private errorAt(position: number, found: string | null, expected: string[], hint?: string): ExpressionSyntaxError {
    const what = found === null ? 'unexpected end of expression' : `unexpected '${found}'`;
    const message = `${what} at position ${position}: expected ${joinAlternatives(expected)}${hint ? ` (${hint})` : ''}`;
    return { position, found, expected, message };
  }
}

const NO_DIAGNOSTICS: ExpressionDiagnostic[] = [];
Object.freeze(NO_DIAGNOSTICS);

/** Parses an SPDX licence expression. Never throws. */
export function parseExpression(input: string): ParseResult {
  const parser = new Parser(input);
  if (parser.isEmpty()) {
    const error: ExpressionSyntaxError = {
      position: input.length,
      found: null,
      expected: EXPECT_LICENSE,
      message: `empty expression: expected ${joinAlternatives(EXPECT_LICENSE)}`,
    };
    return { expression: null, syntaxError: error, diagnostics: NO_DIAGNOSTICS };
  }
  try {
    const expression = parser.parseWhole();
    return { expression, syntaxError: null, diagnostics: parser.diagnostics ?? NO_DIAGNOSTICS };
  } catch (e) {
    if (isSyntaxError(e))
      return { expression: null, syntaxError: e, diagnostics: parser.diagnostics ?? NO_DIAGNOSTICS };
    throw e;
  }
}

function isSyntaxError(e: unknown): e is ExpressionSyntaxError {
  return typeof e === 'object' && e !== null && 'expected' in e && 'position' in e && !(e instanceof Error);
}

function joinAlternatives(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** idstring characters: ALPHA / DIGIT / "-" / "." */
function isIdChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function validIdstring(word: string, from: number): boolean {
  if (word.length <= from) return false;
  for (let i = from; i < word.length; i++) if (!isIdChar(word.charCodeAt(i))) return false;
  return true;
}

/** Case-insensitive prefix test without allocating (prefixes are ASCII letters and '-'). */
function hasPrefix(word: string, prefix: string): boolean {
  if (word.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    if ((word.charCodeAt(i) | 0x20) !== (prefix.charCodeAt(i) | 0x20)) return false;
  }
  return true;
}
