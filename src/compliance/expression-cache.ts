import {
  andToOrCandidates,
  choices,
  isLicenseRef,
  isAmbiguous,
  licenseLeaves,
  offersLaterVersions,
  parseExpression,
  printExpression,
  printLeaf,
  simplifyExpression,
  type LicenseExpression,
} from '../licenses/expression/index.js';
import { normalizeLicense, type NormalizedLicense } from '../licenses/normalize/index.js';

/** What validation needs to know about one expression string; computed once per distinct string. */
export interface ExpressionFacts {
  input: string;
  expression: LicenseExpression | null;
  /** Canonical form, or null when it does not parse. */
  canonical: string | null;
  /** Simplified, lower-case form: equal for expressions that differ only in order or case. */
  comparable: string | null;
  /** Why it is not a usable SPDX expression (syntax error, unknown id, NOASSERTION…), or null. */
  problem: string | null;
  /** Several licences joined by AND and no choice (step 2). */
  ambiguousAnd: boolean;
  /** Offers a choice: OR or an or-later licence (step 4). */
  offersChoice: boolean;
  /** Licences of each alternative, for choice suggestions. */
  alternatives: string[][];
  /** Every licence leaf, printed (with its exception). */
  licenses: string[];
}

/** Turns strings into ExpressionFacts, remembering each (a release repeats the same few strings). */
export class ExpressionCache {
  private readonly facts = new Map<string, ExpressionFacts>();
  private readonly normalized = new Map<string, NormalizedLicense>();
  private readonly andCandidates = new Map<string, string[]>();

  /** @param knownRef whether a LicenseRef-… is known (knowledge base or policy). */
  constructor(private readonly knownRef: (id: string) => boolean) {}

  get(input: string): ExpressionFacts {
    let f = this.facts.get(input);
    if (!f) {
      f = this.analyse(input);
      this.facts.set(input, f);
    }
    return f;
  }

  normalize(raw: string): NormalizedLicense {
    let n = this.normalized.get(raw);
    if (!n) {
      n = normalizeLicense(raw);
      this.normalized.set(raw, n);
    }
    return n;
  }

  andToOr(facts: ExpressionFacts): string[] {
    const key = facts.canonical ?? facts.input;
    let c = this.andCandidates.get(key);
    if (!c) {
      c = facts.expression ? andToOrCandidates(facts.expression) : [];
      this.andCandidates.set(key, c);
    }
    return c;
  }

  private analyse(input: string): ExpressionFacts {
    const parsed = parseExpression(input);
    const base = {
      input,
      expression: parsed.expression,
      ambiguousAnd: false,
      offersChoice: false,
      alternatives: [],
      licenses: [],
    };
    if (!parsed.expression) {
      return {
        ...base,
        canonical: null,
        comparable: null,
        problem: `not a valid SPDX expression: ${parsed.syntaxError?.message ?? 'empty'}`,
      };
    }
    const expr = parsed.expression;
    const canonical = printExpression(expr);
    const comparable = printExpression(simplifyExpression(expr)).toLowerCase();
    if (expr.type === 'none' || expr.type === 'noassertion') {
      return { ...base, canonical, comparable, problem: `${canonical} states no licence` };
    }
    // A deprecated id is still an SPDX id; unknown ids and misplaced exceptions are not.
    const fatal = parsed.diagnostics.find(
      (d) => d.severity === 'warning' && d.code !== 'deprecated-id' && !this.knownRef(d.id),
    );
    if (fatal) return { ...base, canonical, comparable, problem: fatal.message };
    const leaves = licenseLeaves(expr);
    const unknownRef = leaves.find((l) => isLicenseRef(l.id) && !this.knownRef(l.id));
    if (unknownRef) {
      return {
        ...base,
        canonical,
        comparable,
        problem: `${unknownRef.id} is not in the knowledge base nor in the licence policy`,
      };
    }
    const offersChoice = hasOr(expr) || leaves.some(offersLaterVersions);
    return {
      input,
      expression: expr,
      canonical,
      comparable,
      problem: null,
      ambiguousAnd: isAmbiguous(expr),
      offersChoice,
      alternatives: offersChoice ? choices(expr) : [],
      licenses: [...new Set(leaves.map(printLeaf))],
    };
  }
}

function hasOr(expr: LicenseExpression): boolean {
  if (expr.type === 'or') return true;
  return expr.type === 'and' && expr.args.some(hasOr);
}

/** Canonical form for comparing two expressions as written by different people. */
export function sameExpression(cache: ExpressionCache, a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  const ca = cache.get(a).comparable;
  return ca !== null && ca === cache.get(b).comparable;
}
