import type { Exploitation, Linking, Modification } from './usage-context.js';

/**
 * Decisions are recorded once and reused: every field of a DecisionScope left null means "any".
 * Each decision records who made it, when, and why. Conflicting matches never auto-decide.
 */
export interface DecisionScope {
  categoryId: number | null;
  productId: number | null;
  releaseId: number | null;
  /** Usage scope (`devDependencies`…). */
  scope: string | null;
  project: string | null;
  exploitation: Exploitation | null;
  /** Versionless canonical purl of the component, or its name when it has no purl. */
  component: string | null;
  /** A version number of that component; null = all versions. */
  version: string | null;
}

export interface DecisionRecord {
  id: number;
  author: string;
  /** ISO 8601. */
  createdAt: string;
  explanation: string;
}

/**
 * Curation: a licence string found in documents → the SPDX expression it really means. Scope: one
 * version, all versions of a component (version null), or everything (component null).
 * `kind: 'and-confirmation'` records step 2: an AND confirmed as AND, or rewritten to OR.
 */
export interface Curation extends DecisionRecord {
  type: 'curation';
  kind: 'curation' | 'and-confirmation';
  component: string | null;
  version: string | null;
  /** The expression or raw string as found; null = whatever was found. */
  fromExpression: string | null;
  toExpression: string;
}

/** Licence choice: an expression with OR (or or-later) → the expression chosen. */
export interface LicenseChoice extends DecisionRecord, DecisionScope {
  type: 'choice';
  fromExpression: string;
  toExpression: string;
}

/**
 * Derogation: a licence allowed despite the policy for the usages in its scope. An authorised
 * context is a derogation bound to no product and no release (categoryId/productId/releaseId null).
 */
export interface Derogation extends DecisionRecord, DecisionScope {
  type: 'derogation';
  license: string;
  /** Linking covered; null = any. */
  linking: Linking | null;
  /** Whether the derogation covers modified or unmodified components only; null = either. */
  modification?: Modification | null;
}

export type Decision = Curation | LicenseChoice | Derogation;

export function isAuthorisedContext(d: Derogation): boolean {
  return d.productId === null && d.releaseId === null;
}
