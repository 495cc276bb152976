/**
 * The tree of an SPDX licence expression (SPDX spec, annex D). WITH only ever applies to a single
 * licence, so the exception is carried by the licence leaf rather than by a node of its own.
 * AND / OR nodes are n-ary: a chain `A AND B AND C` is one node with three args.
 */
export type LicenseExpression = LicenseLeaf | SpecialLeaf | CompoundExpression;

export interface LicenseLeaf {
  type: 'license';
  /** Canonical list id (`MIT`), or a `LicenseRef-…` (prefix in canonical case, the rest as written). */
  id: string;
  /** `DocumentRef-…` when the licence is defined in another SPDX document (`DocumentRef-x:LicenseRef-y`). */
  documentRef?: string;
  /** The `+` operator: this version or any later one. */
  orLater: boolean;
  /** WITH addition: canonical exception id, or `[DocumentRef-…:]AdditionRef-…`. */
  exception?: string;
}

/** NONE (no licence) and NOASSERTION (no statement made); both stand only on their own. */
export interface SpecialLeaf {
  type: 'none' | 'noassertion';
}

export interface CompoundExpression {
  type: 'and' | 'or';
  args: LicenseExpression[];
}

export function isLicenseRef(id: string): boolean {
  return id.startsWith('LicenseRef-');
}
