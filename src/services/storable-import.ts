import { createHash } from 'node:crypto';
import { INPUT_LIMITS, findNulCharacter, textProblem, type TextKind } from '../model/input-limits.js';
import { issue, type Issue } from '../model/issue.js';
import type { ImportPlan } from '../compliance/release-plan.js';
import { ServiceError } from './service-error.js';

/**
 * Makes a plan's texts storable the same way on both dialects, before the import transaction
 * starts; what it changed comes back as warnings for the import's issues.
 * - An identifying text over its limit (a name, namespace, version, scope or project over 300
 *   characters, a purl over 600: PostgreSQL's index entries cannot hold more) is shortened, not
 *   refused: one such field is no reason to lose a whole document (issue 13 item 2; ADR 54). A name
 *   keeps its first characters, then "…" and 16 hex digits of the SHA-256 of the whole text, so
 *   that two long names stay two and the same name is shortened the same way at every import; a
 *   purl loses its qualifiers and subpath, or is dropped (the component is then known by its name).
 * - A lone surrogate is repaired to U+FFFD (repairIllFormedText).
 * - A NUL character anywhere is refused, naming the component and the field: nothing is
 *   half-written and SQLite does not accept what PostgreSQL would refuse.
 */
export function assertStorable(plan: ImportPlan): Issue[] {
  const warnings: Issue[] = [];
  const shortened = shortenIdentifiers(plan);
  if (shortened.count > 0)
    warnings.push(
      issue(
        'warning',
        'shortened-identifier',
        `${shortened.count} identifying text${shortened.count === 1 ? ' was' : 's were'} over Vigie's limits ` +
          `(${INPUT_LIMITS.name} characters for a name, namespace, version, scope or project; ${INPUT_LIMITS.purl} for a purl) ` +
          `and stored shortened (a name: its first characters, "…" and a hash of the whole; a purl: without qualifiers and subpath, or none); ` +
          `first: ${shortened.first}`,
      ),
    );
  // One pass reads what the texts hold; only a plan with a NUL is searched again, for the place to name.
  const found = planTextFlags(plan);
  if (found & NUL) {
    throwIdentifyingNul(plan);
    throw new ServiceError(
      'unreadable-document',
      `The document holds a NUL character (U+0000) at ${findNulCharacter(plan)} of its components: Vigie does not store it`,
    );
  }
  const repaired = found & ILL_FORMED ? repairIllFormedText(plan) : 0;
  if (repaired > 0)
    warnings.push(
      issue(
        'warning',
        'ill-formed-text',
        `${repaired} text${repaired === 1 ? '' : 's'} of the document held a lone UTF-16 surrogate (no character, as "\\ud800" spells one): stored with U+FFFD in its place`,
      ),
    );
  return warnings;
}

/**
 * A NUL in an identifying text (a component's name, namespace or purl, a version's number or purl,
 * a usage's scope or project) is named by its record, in words, in the plan's order.
 */
function throwIdentifyingNul(plan: ImportPlan): void {
  for (let i = 0; i < plan.components.length; i++) {
    const c = plan.components[i]!;
    const where = () => `component ${i + 1} ("${preview(c.name)}")`;
    check(where, 'name', c.name, 'name');
    check(where, 'namespace', c.namespace, 'name');
    check(where, 'purl', c.purl, 'purl');
  }
  for (let i = 0; i < plan.versions.length; i++) {
    const v = plan.versions[i]!;
    const where = () =>
      `version ${i + 1} ("${preview(plan.components[v.component]?.name ?? '')}@${preview(v.number)}")`;
    check(where, 'version', v.number, 'name');
    check(where, 'purl', v.purl, 'purl');
  }
  for (const u of plan.usages) {
    check(() => `usage scope "${preview(u.scope)}"`, 'scope', u.scope, 'name');
    check(() => `usage project "${preview(u.project)}"`, 'project', u.project, 'name');
  }
}

/**
 * Shortens the plan's over-long identifying texts in place: how many, and the first, in words. Each
 * text is only measured; the words are made for the first one found (a 100k-component plan is 600k
 * texts, and a closure per text to describe it cost more than the check).
 */
function shortenIdentifiers(plan: ImportPlan): { count: number; first: string } {
  const NAME = INPUT_LIMITS.name;
  const PURL = INPUT_LIMITS.purl;
  let count = 0;
  let first = '';
  const found = (value: string, where: string): void => {
    if (count++ === 0) first = `${where} (${value.length} characters)`;
  };
  const componentWhere = (i: number, field: string) =>
    `component ${i + 1} ("${preview(plan.components[i]!.name)}") ${field}`;
  for (let i = 0; i < plan.components.length; i++) {
    const c = plan.components[i]!;
    if (c.name.length > NAME) {
      found(c.name, componentWhere(i, 'name'));
      c.name = shortenedName(c.name);
    }
    if (c.namespace !== null && c.namespace.length > NAME) {
      found(c.namespace, componentWhere(i, 'namespace'));
      c.namespace = shortenedName(c.namespace);
    }
    if (c.purl !== null && c.purl.length > PURL) {
      found(c.purl, componentWhere(i, 'purl'));
      c.purl = shortenedPurl(c.purl);
    }
  }
  const versionWhere = (i: number, field: string) => {
    const v = plan.versions[i]!;
    return `version ${i + 1} ("${preview(plan.components[v.component]?.name ?? '')}@${preview(v.number)}") ${field}`;
  };
  for (let i = 0; i < plan.versions.length; i++) {
    const v = plan.versions[i]!;
    if (v.number.length > NAME) {
      found(v.number, versionWhere(i, 'number'));
      v.number = shortenedName(v.number);
    }
    if (v.purl !== null && v.purl.length > PURL) {
      found(v.purl, versionWhere(i, 'purl'));
      v.purl = shortenedPurl(v.purl);
    }
  }
  for (let i = 0; i < plan.usages.length; i++) {
    const u = plan.usages[i]!;
    if (u.scope.length > NAME) {
      found(u.scope, 'a usage scope');
      u.scope = shortenedName(u.scope);
    }
    if (u.project.length > NAME) {
      found(u.project, 'a usage project');
      u.project = shortenedName(u.project);
    }
  }
  // An edge names its project as the usages do: shortened the same way, it still names the same one.
  for (let i = 0; i < plan.edges.length; i++) {
    const e = plan.edges[i]!;
    if (e.project.length > NAME) {
      found(e.project, 'a dependency edge project');
      e.project = shortenedName(e.project);
    }
  }
  return { count, first };
}

/** The first characters of a name, "…" and 16 hex digits of the whole name's SHA-256: INPUT_LIMITS.name long. */
export function shortenedName(value: string): string {
  const digest = createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 16);
  let keep = INPUT_LIMITS.name - 1 - digest.length;
  // A surrogate pair is not cut in two.
  const last = value.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep -= 1;
  return `${value.slice(0, keep)}…${digest}`;
}

/** A purl without its qualifiers and subpath when that is short enough, else none. */
function shortenedPurl(value: string): string | null {
  const end = value.search(/[?#]/);
  const bare = end === -1 ? value : value.slice(0, end);
  return bare.length <= INPUT_LIMITS.purl ? bare : null;
}

function check(where: () => string, field: string, value: string | null | undefined, kind: TextKind): void {
  if (typeof value !== 'string') return;
  const problem = textProblem(value, kind);
  if (problem) throw new ServiceError('unreadable-document', `${where()}: ${field} ${problem}`, { field });
}

function preview(text: string): string {
  const clean = text.replace(/\u0000/g, '\\0');
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}

/** String methods of ES2024 (Node 20 has them; the project's lib is ES2023). */
type WellFormedText = string & { isWellFormed(): boolean; toWellFormed(): string };
const illFormed = (value: string | null | undefined): boolean =>
  typeof value === 'string' && !(value as WellFormedText).isWellFormed();

const NUL = 1;
const ILL_FORMED = 2;

/**
 * What a text holds: NUL and/or ILL_FORMED, or 0 (also for null / absent). Each text is asked
 * directly: the search for NUL runs natively over its characters, and the well-formedness check is
 * immediate for a text with no character beyond U+00FF (most of them). Joining the texts a batch at
 * a time first (one copy per batch, then one search) cost twice as much over a 100k-component
 * plan's 1.3 million texts, without counting the collection of the joined copies.
 */
function textFlags(value: string | null | undefined): number {
  if (typeof value !== 'string') return 0;
  return (value.includes('\u0000') ? NUL : 0) | ((value as WellFormedText).isWellFormed() ? 0 : ILL_FORMED);
}

/**
 * What the plan's texts hold (NUL, ILL_FORMED), read field by field, each kind of planned record in
 * an indexed loop of its own (a 100k-component plan is 600k records: one generic loop over field
 * names read each field through a lookup that knew none of the records' shapes, and a for-of loop's
 * iterator results outlived young collections while the code was still cold), the AI facts the
 * generic way.
 * Only a plan that has one is searched again, for the path a NUL is named by or for the texts to
 * repair. Every text field of every record must be here (storable-import.test.ts puts a NUL and a
 * lone surrogate in each).
 */
function planTextFlags(plan: ImportPlan): number {
  let found = 0;
  for (let i = 0; i < plan.components.length; i++) {
    const c = plan.components[i]!;
    found |=
      textFlags(c.purlType) |
      textFlags(c.namespace) |
      textFlags(c.name) |
      textFlags(c.purl) |
      textFlags(c.description) |
      textFlags(c.homepage) |
      textFlags(c.language);
  }
  for (let i = 0; i < plan.versions.length; i++) {
    const v = plan.versions[i]!;
    found |=
      textFlags(v.number) |
      textFlags(v.purl) |
      textFlags(v.declaredLicense) |
      textFlags(v.concludedLicense) |
      textFlags(v.copyright);
  }
  for (let i = 0; i < plan.usages.length; i++) {
    const u = plan.usages[i]!;
    found |= textFlags(u.scope) | textFlags(u.project) | textFlags(u.linking);
  }
  for (let i = 0; i < plan.edges.length; i++) found |= textFlags(plan.edges[i]!.project);
  for (let i = 0; i < plan.lineage.length; i++) found |= textFlags(plan.lineage[i]!.kind);
  if (findNulCharacter(plan.aiFacts) !== null) found |= NUL;
  if (anyIllFormed(plan.aiFacts)) found |= ILL_FORMED;
  return found;
}

/**
 * Replaces each lone UTF-16 surrogate in the plan's texts (a JSON document may spell one, "\\ud800",
 * though it is no character) by U+FFFD, and says how many texts changed. Unrepaired, SQLite stored
 * its bytes and read back three replacement characters where PostgreSQL gave one; one such
 * character in a description is no reason to refuse the document, so it is repaired, not refused.
 */
export function repairIllFormedText(plan: ImportPlan): number {
  let repaired = 0;
  const repair = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (!illFormed(value)) return value;
      repaired++;
      return (value as WellFormedText).toWellFormed();
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = repair(value[i]);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const child = repair(record[key]);
        if (!illFormed(key)) record[key] = child;
        else {
          delete record[key];
          record[(key as WellFormedText).toWellFormed()] = child;
          repaired++;
        }
      }
    }
    return value;
  };
  repair(plan);
  return repaired;
}

/** Whether any text in a value (strings, keys, arrays, objects) is ill-formed: for the AI facts, which are few. */
function anyIllFormed(value: unknown): boolean {
  if (typeof value === 'string') return illFormed(value);
  if (Array.isArray(value)) return value.some(anyIllFormed);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([key, v]) => illFormed(key) || anyIllFormed(v));
  return false;
}
