// Turns the targets of hasDeclaredLicense / hasConcludedLicense into a licence statement.
import {
  NO_ASSERTION,
  NONE,
  licenseFromEntries,
  type LicenseEntry,
  type LicenseStatement,
} from '../../../model/index.js';
import { idOf, isNode, refs, str, strings, typeOf, type Node } from './graph.js';
import { LICENSE_LIST_PREFIXES, NO_ASSERTION_LICENSE, NONE_LICENSE } from './vocabulary.js';

/** What one licence element says: an SPDX expression, a free-text licence, or a special value. */
type LicenseTerm =
  | { kind: 'spdx'; expression: string }
  | { kind: 'text'; entry: LicenseEntry; textOnly?: true }
  | { kind: 'special'; value: typeof NO_ASSERTION | typeof NONE }
  | { kind: 'missing'; id: string };

export type LookUp = (id: string) => Node | undefined;

function lastSegment(iri: string): string {
  return (
    iri
      .replace(/[/#]+$/, '')
      .split(/[/#]/)
      .pop() ?? iri
  );
}

export function listedLicenseId(iri: string): string | undefined {
  const prefix = LICENSE_LIST_PREFIXES.find((p) => iri.startsWith(p));
  return prefix === undefined ? undefined : iri.slice(prefix.length).replace(/\.(html|json|jsonld)$/, '');
}

function specialOf(id: string): LicenseTerm | undefined {
  if (id === NO_ASSERTION_LICENSE || id.endsWith('/ExpandedLicensing/NoAssertionLicense')) {
    return { kind: 'special', value: NO_ASSERTION };
  }
  if (id === NONE_LICENSE || id.endsWith('/ExpandedLicensing/NoneLicense')) return { kind: 'special', value: NONE };
  return undefined;
}

/** True when an id names a licence without needing an element in the graph. */
export function isWellKnownLicense(id: string): boolean {
  return specialOf(id) !== undefined || listedLicenseId(id) !== undefined;
}

const wrap = (e: string) => (/\s(AND|OR)\s/i.test(e) ? `(${e})` : e);

function termOf(target: string | Node, lookUp: LookUp, depth = 0): LicenseTerm {
  const node = isNode(target) ? target : lookUp(target);
  const id = isNode(target) ? (idOf(target) ?? '') : target;
  if (!node) {
    const special = specialOf(id);
    if (special) return special;
    const listed = listedLicenseId(id);
    return listed ? { kind: 'spdx', expression: listed } : { kind: 'missing', id };
  }
  if (depth > 20) return { kind: 'missing', id };
  switch (typeOf(node)) {
    case 'simplelicensing_LicenseExpression': {
      const expression = str(node, 'simplelicensing_licenseExpression')?.trim();
      if (!expression) return { kind: 'missing', id };
      if (expression === NO_ASSERTION || expression === NONE) return { kind: 'special', value: expression };
      return { kind: 'spdx', expression };
    }
    case 'expandedlicensing_ListedLicense':
    case 'expandedlicensing_ListedLicenseException': {
      // Off the licence list's IRIs (syft: "SPDXRef:ListedLicense-1" named "CC0-1.0"), the name is the id.
      const named = str(node, 'name')?.trim();
      return { kind: 'spdx', expression: listedLicenseId(id) ?? (named || lastSegment(id)) };
    }
    case 'expandedlicensing_CustomLicense':
    case 'expandedlicensing_CustomLicenseAddition':
    case 'simplelicensing_SimpleLicensingText':
      return textTermOf(node, id);
    case 'expandedlicensing_NoAssertionLicense':
      return { kind: 'special', value: NO_ASSERTION };
    case 'expandedlicensing_NoneLicense':
      return { kind: 'special', value: NONE };
    case 'expandedlicensing_ConjunctiveLicenseSet':
    case 'expandedlicensing_DisjunctiveLicenseSet': {
      const operator = typeOf(node) === 'expandedlicensing_ConjunctiveLicenseSet' ? ' AND ' : ' OR ';
      const parts = refs(node, 'expandedlicensing_member').map((m) => termOf(m, lookUp, depth + 1));
      return combine(parts, operator) ?? { kind: 'missing', id };
    }
    case 'expandedlicensing_OrLaterOperator': {
      const subject = refs(node, 'expandedlicensing_subjectLicense')[0];
      const inner = subject === undefined ? undefined : termOf(subject, lookUp, depth + 1);
      return inner?.kind === 'spdx'
        ? { kind: 'spdx', expression: `${inner.expression}+` }
        : (inner ?? { kind: 'missing', id });
    }
    case 'expandedlicensing_WithAdditionOperator': {
      const subject = refs(node, 'expandedlicensing_subjectExtendableLicense')[0];
      const addition = refs(node, 'expandedlicensing_subjectAddition')[0];
      const left = subject === undefined ? undefined : termOf(subject, lookUp, depth + 1);
      const right = addition === undefined ? undefined : termOf(addition, lookUp, depth + 1);
      if (left?.kind === 'spdx' && right?.kind === 'spdx') {
        return { kind: 'spdx', expression: `${left.expression} WITH ${right.expression}` };
      }
      return left ?? { kind: 'missing', id };
    }
    default:
      return placeholderOf(node) ?? { kind: 'missing', id };
  }
}

/**
 * sbom-tool's SPDX 3 names no licence with a bare `Element` called "NOASSERTION" (SPDX 2's special
 * value as an element) as the target of HAS_DECLARED_LICENSE / HAS_CONCLUDED_LICENSE.
 */
export function placeholderOf(node: Node): LicenseTerm | undefined {
  if (typeOf(node) !== 'Element') return undefined;
  const name = str(node, 'name')?.trim();
  return name === NO_ASSERTION || name === NONE ? { kind: 'special', value: name } : undefined;
}

/** A licence given by its name and text, or (SimpleLicensingText) a text that only backs a licence. */
function textTermOf(node: Node, id: string): LicenseTerm {
  const name = str(node, 'name') ?? lastSegment(id);
  const text = str(node, 'simplelicensing_licenseText') ?? str(node, 'expandedlicensing_additionText');
  const url = strings(node, 'expandedlicensing_seeAlso')[0];
  const entry = { name, ...(text ? { text } : {}), ...(url ? { url } : {}) };
  return typeOf(node) === 'simplelicensing_SimpleLicensingText'
    ? { kind: 'text', entry, textOnly: true }
    : { kind: 'text', entry };
}

function combine(parts: LicenseTerm[], operator: string): LicenseTerm | undefined {
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  if (parts.every((p) => p.kind === 'spdx')) {
    return {
      kind: 'spdx',
      expression: parts.map((p) => wrap((p as { expression: string }).expression)).join(operator),
    };
  }
  const text = parts
    .map((p) =>
      p.kind === 'spdx' ? wrap(p.expression) : p.kind === 'text' ? p.entry.name : p.kind === 'special' ? p.value : p.id,
    )
    .join(operator);
  return { kind: 'text', entry: { name: text } };
}

export interface ResolvedLicense {
  statement?: LicenseStatement;
  /** Ids the statement referred to that name no licence. */
  missing: string[];
}

/** Several targets of one role (several relationships, or several `to`) are joined with AND. */
export function licenseStatementOf(targets: Array<string | Node>, lookUp: LookUp): ResolvedLicense {
  const terms = targets.map((t) => termOf(t, lookUp));
  const missing = terms.flatMap((t) => (t.kind === 'missing' ? [t.id] : []));
  const known = terms.filter((t) => t.kind !== 'missing');
  const specials = known.filter((t) => t.kind === 'special');
  if (known.length > 0 && specials.length === known.length) {
    const value = (specials[0] as { value: string }).value;
    return { statement: { raw: value, entries: [] }, missing };
  }
  // A SimpleLicensingText is the text of a licence, not a licence: named beside a licence (FreeBSD's
  // SPDX-Lite profile points hasDeclaredLicense at the expression *and* its text) it is that
  // licence's text, not a second licence ANDed to it ("BSD-2-Clause AND BSD-2-Clause", no expression).
  const isText = (t: LicenseTerm) => t.kind === 'text' && t.textOnly === true;
  const licences = known.filter((t) => !isText(t));
  const texts = licences.length > 0 ? known.filter(isText) : [];
  const entries = (licences.length > 0 ? licences : known).flatMap((t): LicenseEntry[] =>
    t.kind === 'spdx'
      ? [
          /^[A-Za-z0-9.+-]+$/.test(t.expression) && !t.expression.endsWith('+')
            ? { id: t.expression }
            : { expression: t.expression },
        ]
      : t.kind === 'text'
        ? [t.entry]
        : [],
  );
  const text = texts.length === 1 && texts[0]!.kind === 'text' ? texts[0]!.entry.text : undefined;
  if (text !== undefined && entries.length === 1 && entries[0]!.id !== undefined) entries[0] = { ...entries[0]!, text };
  return { statement: licenseFromEntries(entries), missing };
}
