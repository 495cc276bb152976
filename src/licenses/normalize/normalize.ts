// From the licence strings found in the wild to SPDX expressions. The steps, in order:
// a curation (always wins) → a valid SPDX expression (ids fixed up through the tables when unknown)
// → one licence name or URL from the tables → a list split on "or" / "and" / "," whose parts are
// each looked up. Every answer says how sure it is, and a vague name yields candidates, never a guess.
import {
  parseExpression,
  printExpression,
  printLeaf,
  type LicenseExpression,
  type LicenseLeaf,
} from '../expression/index.js';
import { lookupLicense } from '../spdx-list/index.js';
import { licenseFromUrl, looksLikeUrl } from './urls.js';
import { lookupExceptionName, lookupName, type Mapping } from './tables.js';
import { weakest, type Confidence, type NormalizedLicense } from './result.js';

/** Returns the curated SPDX expression for a raw string, or undefined when no curation applies. */
export type Curations = (raw: string) => string | undefined;

interface Answer {
  expression: string | null;
  confidence: Confidence;
  candidates: string[];
  notes: string[];
}

export function normalizeLicense(input: string | string[], curations?: Curations): NormalizedLicense {
  if (typeof input === 'string') return { input, ...normalizeOne(input, curations) };
  const parts = input
    .map((raw) => normalizeOne(raw, curations))
    .filter((a) => a.expression !== 'NONE' || input.length === 1);
  if (parts.length === 0) return { input, expression: null, confidence: 'low', candidates: [], notes: ['empty list'] };
  if (parts.length === 1) return { input, ...parts[0] };
  return {
    input,
    ...combine(parts, 'AND', 'several licences listed: joined with AND; confirm whether the list meant a choice (OR)'),
  };
}

function normalizeOne(raw: string, curations?: Curations): Answer {
  const curated = curations?.(raw);
  if (curated !== undefined) {
    const parsed = parseExpression(curated);
    if (!parsed.expression) {
      return {
        expression: null,
        confidence: 'low',
        candidates: [],
        notes: [`curation '${curated}' is not a valid SPDX expression: ${parsed.syntaxError!.message}`],
      };
    }
    const expression = printExpression(parsed.expression);
    return { expression, confidence: 'exact', candidates: [expression], notes: ['curation'] };
  }
  const text = raw.trim();
  if (text === '') return { expression: null, confidence: 'low', candidates: [], notes: ['no licence given'] };
  const seeFile = /^see licen[cs]e in\s+(.+)$/i.exec(text);
  if (seeFile) {
    return {
      expression: null,
      confidence: 'low',
      candidates: [],
      notes: [`the licence is in the package's file ${seeFile[1]}: read it to identify the licence`],
    };
  }
  return fromExpression(text) ?? fromTerm(text) ?? fromList(text) ?? unknownWithReason(text);
}

function unknownWithReason(text: string): Answer {
  const answer = unknown(text);
  const syntax = parseExpression(text).syntaxError;
  if (syntax && /[A-Z]{2,}|-\d/.test(text)) answer.notes.push(`not a valid SPDX expression: ${syntax.message}`);
  return answer;
}

/** A syntactically valid SPDX expression, with unknown ids mapped through the tables when possible. */
function fromExpression(text: string): Answer | undefined {
  const parsed = parseExpression(text);
  if (!parsed.expression) return undefined;
  let confidence: Confidence = 'exact';
  const notes: string[] = [];
  const replaced = new Map<LicenseLeaf, string>();
  for (const d of parsed.diagnostics) {
    if (d.code === 'unknown-license' || d.code === 'exception-as-license') continue;
    if (d.code === 'unknown-exception' || d.code === 'license-as-exception') return undefined;
    confidence = weakest(confidence, d.code === 'deprecated-id' ? 'medium' : 'high');
    notes.push(d.message);
  }
  let unresolved = false;
  let soleCandidates: readonly string[] | undefined;
  visitLeaves(parsed.expression, (leaf) => {
    if (leaf.id.startsWith('LicenseRef-')) return;
    if (!lookupLicense(leaf.id)) {
      const written = leaf.orLater ? `${leaf.id}+` : leaf.id;
      const mapped = lookupName(written);
      if (!mapped?.expression) {
        unresolved = true;
        return;
      }
      const withException = leaf.exception ? `${wrap(mapped.expression)} WITH ${leaf.exception}` : mapped.expression;
      replaced.set(leaf, withException);
      if (parsed.expression === leaf && !leaf.exception) soleCandidates = mapped.candidates;
      confidence = weakest(confidence, weakest(mapped.confidence, 'high'));
      notes.push(`'${written}' read as ${mapped.expression}${mapped.note ? ` (${mapped.note})` : ''}`);
    } else if (!text.includes(leaf.id) && parsed.diagnostics.length === 0) {
      confidence = weakest(confidence, 'high');
    }
  });
  if (unresolved) return undefined;
  const printed = replaced.size === 0 ? printExpression(parsed.expression) : printWith(parsed.expression, replaced);
  if (replaced.size === 0 && confidence === 'exact' && printed !== text && !sameIgnoringParens(printed, text)) {
    confidence = 'high';
  }
  return reparse(printed, confidence, notes, soleCandidates ? [...soleCandidates] : [printed]);
}

/** One licence: a name, an id spelled loosely, a URL, or "name WITH exception". */
function fromTerm(text: string): Answer | undefined {
  if (looksLikeUrl(text)) return fromMapping(licenseFromUrl(text));
  const mapped = lookupName(text);
  if (mapped) return fromMapping(mapped);
  const withException = /^(.*?)\s+(?:with|w\/|\+)\s*(?:the\s+)?(.+?exception.*)$/i.exec(text);
  if (withException) {
    const license = lookupName(withException[1]);
    const exception = lookupExceptionName(withException[2].replace(/\bexceptions?\b/i, 'exception'));
    if (license?.expression && exception) {
      const expression = `${wrap(license.expression)} WITH ${exception}`;
      return reparse(
        expression,
        weakest(license.confidence, 'high'),
        [`licence and exception named in words`],
        [expression],
      );
    }
  }
  // A trailing remark in parentheses, e.g. "MIT (http://mootools.net/license.txt)".
  const remark = /^(.+?)\s*\(([^()]*)\)\s*$/.exec(text);
  if (remark) {
    const inner = fromTerm(remark[1]);
    if (inner?.expression) {
      return {
        ...inner,
        confidence: weakest(inner.confidence, 'medium'),
        notes: [...inner.notes, `remark '(${remark[2]})' ignored`],
      };
    }
  }
  return undefined;
}

function fromMapping(m: Mapping): Answer {
  const notes = m.note ? [m.note] : [];
  if (!m.expression) return { expression: null, confidence: m.confidence, candidates: [...m.candidates], notes };
  return reparse(m.expression, m.confidence, notes, [...m.candidates]);
}

/** "A or B", "A/B", "A and B", "A, B": each part looked up on its own. */
function fromList(text: string): Answer | undefined {
  const alternatives = text.split(/\s+or\s+|\s*\/\s*|\s*\|\s*|\s+dual[- ]licensed\s+/i).filter((p) => p.trim() !== '');
  if (alternatives.length > 1) {
    const parts = alternatives.map((p) => fromTerm(p.trim()) ?? fromConjunction(p.trim()) ?? unknown(p.trim()));
    return combine(parts, 'OR', 'alternatives listed in words: read as OR');
  }
  return fromConjunction(text);
}

function fromConjunction(text: string): Answer | undefined {
  for (const separator of [/\s+and\s+|\s*&\s*|\s*;\s*/i, /\s*,\s*/]) {
    const parts = text.split(separator).filter((p) => p.trim() !== '');
    if (parts.length < 2) continue;
    const answers = parts.map((p) => fromExpression(p.trim()) ?? fromTerm(p.trim()));
    if (answers.every((a) => a?.expression)) {
      return combine(
        answers as Answer[],
        'AND',
        'several licences listed: joined with AND; confirm whether the list meant a choice (OR)',
      );
    }
  }
  return undefined;
}

function combine(parts: Answer[], operator: 'AND' | 'OR', note: string): Answer {
  const notes = [note, ...parts.flatMap((p) => p.notes)];
  if (parts.some((p) => p.expression === null)) {
    const candidates = parts.flatMap((p) => (p.expression ? [p.expression] : p.candidates));
    return {
      expression: null,
      confidence: 'low',
      candidates: [...new Set(candidates)],
      notes: [...notes, 'some parts could not be mapped'],
    };
  }
  const unique = [...new Set(parts.map((p) => p.expression!))];
  const joined = unique.length === 1 ? unique[0] : unique.map(wrap).join(` ${operator} `);
  let confidence: Confidence = operator === 'AND' ? 'medium' : 'high';
  for (const p of parts) confidence = weakest(confidence, p.confidence);
  return reparse(joined, confidence, notes, [joined]);
}

/** Runs a produced expression through the parser so that it comes out canonical (deprecated ids rewritten). */
function reparse(expression: string, confidence: Confidence, notes: string[], candidates: string[]): Answer {
  const parsed = parseExpression(expression);
  if (!parsed.expression)
    return { expression: null, confidence: 'low', candidates, notes: [...notes, parsed.syntaxError!.message] };
  const printed = printExpression(parsed.expression);
  const canonicalCandidates = candidates.map((c) => (c === expression ? printed : c));
  return { expression: printed, confidence, candidates: [...new Set(canonicalCandidates)], notes };
}

function unknown(text: string): Answer {
  return { expression: null, confidence: 'low', candidates: [], notes: [`'${text}' is not a licence we can identify`] };
}

function wrap(expression: string): string {
  return /\s(OR|AND)\s/i.test(expression) ? `(${expression})` : expression;
}

function sameIgnoringParens(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/[()\s]+/g, ' ').trim();
  return strip(a) === strip(b);
}

function visitLeaves(expr: LicenseExpression, visit: (leaf: LicenseLeaf) => void): void {
  if (expr.type === 'license') visit(expr);
  else if (expr.type === 'and' || expr.type === 'or') for (const a of expr.args) visitLeaves(a, visit);
}

/** Prints an expression with some leaves replaced by (already valid) expression text. */
function printWith(expr: LicenseExpression, replaced: Map<LicenseLeaf, string>): string {
  if (expr.type === 'license') return replaced.get(expr) ?? printLeaf(expr);
  if (expr.type !== 'and' && expr.type !== 'or') return printExpression(expr);
  const op = expr.type === 'and' ? ' AND ' : ' OR ';
  return expr.args
    .map((a) => {
      const s = printWith(a, replaced);
      return a.type === 'or' || (a.type === 'license' && replaced.has(a)) ? wrap(s) : s;
    })
    .join(op);
}
