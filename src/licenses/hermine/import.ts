import { issue, type Issue } from '../../model/issue.js';
import type { ComplianceAction, KnowledgeBase, LicenseFacts, LicensePolicy, Obligation } from '../kb/types.js';
import {
  ALLOWED,
  COPYLEFT,
  DISCLAIMER,
  EXPLOITATION,
  FOSS,
  METACATEGORY,
  MODIFICATION_TRIGGER,
  PASSIVITY,
  type Vocabulary,
} from './vocabulary.js';
import {
  GENERIC_FIELDS,
  LICENSE_FIELDS,
  OBLIGATION_FIELDS,
  POLICY_FIELDS,
  type HermineFiles,
  type HermineRecord,
} from './records.js';

export interface HermineImport {
  kb: KnowledgeBase;
  /** Policies found in old exports (`allowed`); empty for current Hermine data. */
  policies: LicensePolicy[];
  issues: Issue[];
}

/**
 * Reads one record field by field. Whatever our model cannot hold exactly (unknown fields, values
 * outside the vocabulary) goes into `extra` under its Hermine name, so that export gives it back.
 */
class RecordReader {
  readonly extra: Record<string, unknown> = {};
  constructor(
    private readonly record: HermineRecord,
    known: readonly string[],
    private readonly where: string,
    private readonly issues: Issue[],
  ) {
    for (const [key, value] of Object.entries(record)) if (!known.includes(key)) this.extra[key] = value;
  }

  text(field: string): string | null {
    const v = this.record[field];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v === 'string') return v;
    this.keep(field, v, 'is not a string');
    return null;
  }

  bool(field: string): boolean | null {
    const v = this.record[field];
    if (v === undefined || v === null) return null;
    if (typeof v === 'boolean') return v;
    this.keep(field, v, 'is not a boolean');
    return null;
  }

  term<T extends string>(field: string, vocabulary: Vocabulary<T>): T | null {
    const v = this.record[field];
    if (v === undefined || v === null || v === '') return null;
    const ours = typeof v === 'string' ? vocabulary.toOurs.get(v) : undefined;
    if (ours !== undefined) return ours;
    this.keep(field, v, `has an unknown value ${JSON.stringify(v)}`);
    return null;
  }

  /** Natural-key references are one-element arrays (`["MIT"]`); null means no reference. */
  naturalKey(field: string): string | null {
    const v = this.record[field];
    if (v === undefined || v === null) return null;
    if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'string') return v[0];
    if (typeof v === 'string') return v;
    this.keep(field, v, 'is not a natural key');
    return null;
  }

  private keep(field: string, value: unknown, problem: string): void {
    this.extra[field] = value;
    this.issues.push(
      issue('warning', 'hermine-value-kept', `${field} ${problem}; kept as is`, { component: this.where, field }),
    );
  }

  extraOrUndefined(): Record<string, unknown> | undefined {
    return Object.keys(this.extra).length ? this.extra : undefined;
  }
}

function withExtra<T extends object>(value: T, extra: Record<string, unknown> | undefined): T {
  return extra ? { ...value, extra } : value;
}

function isRecord(x: unknown): x is HermineRecord {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function readLicense(record: HermineRecord, issues: Issue[]): { facts: LicenseFacts; policy?: LicensePolicy } | null {
  const id = typeof record.spdx_id === 'string' && record.spdx_id ? record.spdx_id : null;
  if (!id) {
    issues.push(issue('error', 'hermine-no-id', 'licence record without spdx_id skipped', { field: 'spdx_id' }));
    return null;
  }
  const r = new RecordReader(record, [...LICENSE_FIELDS, 'obligations', ...POLICY_FIELDS], id, issues);
  const facts: LicenseFacts = {
    id,
    name: r.text('long_name') ?? '',
    kind: null,
    copyleft: r.term('copyleft', COPYLEFT),
    osiApproved: r.bool('osi_approved'),
    fsfApproved: r.bool('fsf_approved'),
    foss: r.term('foss', FOSS),
    patentGrant: r.bool('patent_grant'),
    ethicalClause: r.bool('ethical_clause'),
    nonCommercial: r.bool('non_commercial'),
    antiTivoisation: r.bool('non_tivoisation'),
    warrantyDisclaimer: r.term('warranty', DISCLAIMER),
    liabilityDisclaimer: r.term('liability', DISCLAIMER),
    law: r.text('law_choice'),
    venue: r.text('venue_choice'),
    steward: r.text('steward'),
    url: r.text('url'),
    comment: r.text('comment'),
    text: r.text('verbatim'),
  };
  let policy: LicensePolicy | undefined;
  if ('allowed' in record) {
    const allowed = r.term('allowed', ALLOWED) ?? 'not-reviewed';
    policy = {
      license: id,
      allowed,
      reviewStatus: allowed === 'not-reviewed' ? 'not-reviewed' : 'checked',
      comment: r.text('allowed_explanation'),
      categories: [],
    };
  }
  return { facts: withExtra(facts, r.extraOrUndefined()), policy };
}

function readObligation(record: HermineRecord, owner: string | null, issues: Issue[]): Obligation | null {
  const r = new RecordReader(record, OBLIGATION_FIELDS, owner ?? '?', issues);
  const license = r.naturalKey('license') ?? owner;
  const name = r.text('name');
  if (!license || !name) {
    issues.push(
      issue('error', 'hermine-bad-obligation', 'obligation without licence or name skipped', {
        component: owner ?? undefined,
      }),
    );
    return null;
  }
  const obligation: Obligation = {
    license,
    name,
    passivity: r.term('passivity', PASSIVITY),
    exploitation: r.term('trigger_expl', EXPLOITATION),
    modification: r.term('trigger_mdf', MODIFICATION_TRIGGER),
    action: r.naturalKey('generic'),
    clause: r.text('verbatim'),
  };
  // An absent "generic" (oldest exports) reads the same as null; remember which it was.
  if (!('generic' in record)) r.extra['$noGeneric'] = true;
  return withExtra(obligation, r.extraOrUndefined());
}

function readGeneric(record: HermineRecord, issues: Issue[]): ComplianceAction | null {
  const name = typeof record.name === 'string' ? record.name : null;
  if (!name) {
    issues.push(issue('error', 'hermine-bad-generic', 'generic obligation without name skipped', { field: 'name' }));
    return null;
  }
  const r = new RecordReader(record, GENERIC_FIELDS, name, issues);
  const action: ComplianceAction = {
    name,
    description: r.text('description') ?? '',
    category: r.term('metacategory', METACATEGORY),
    passivity: r.term('passivity', PASSIVITY),
    team: r.naturalKey('team'),
    core: r.bool('in_core') ?? false,
  };
  if ('in_core' in record) r.extra['$inCore'] = true;
  return withExtra(action, r.extraOrUndefined());
}

function finish(
  licenses: LicenseFacts[],
  obligations: Obligation[],
  actions: ComplianceAction[],
  policies: LicensePolicy[],
  issues: Issue[],
): HermineImport {
  const actionNames = new Set(actions.map((a) => a.name));
  const missing = new Map<string, number>();
  for (const o of obligations)
    if (o.action && !actionNames.has(o.action)) missing.set(o.action, (missing.get(o.action) ?? 0) + 1);
  for (const [name, count] of missing) {
    issues.push(
      issue(
        'warning',
        'hermine-dangling-generic',
        `${count} obligation(s) refer to generic "${name}", which the data set does not define`,
      ),
    );
  }
  return { kb: { licenses, obligations, actions }, policies, issues };
}

/** Imports Hermine's per-file layout (licences with embedded obligations, and generics). */
export function importHermineFiles(files: HermineFiles): HermineImport {
  const issues: Issue[] = [];
  const licenses: LicenseFacts[] = [];
  const obligations: Obligation[] = [];
  const policies: LicensePolicy[] = [];
  for (const record of files.licenses) {
    if (!isRecord(record) || !Array.isArray(record.obligations)) {
      issues.push(
        issue('error', 'hermine-not-a-licence', 'record is not a Hermine licence (no spdx_id/obligations); skipped'),
      );
      continue;
    }
    const read = readLicense(record, issues);
    if (!read) continue;
    licenses.push(read.facts);
    if (read.policy) policies.push(read.policy);
    for (const o of record.obligations) {
      const obligation = isRecord(o) ? readObligation(o, read.facts.id, issues) : null;
      if (obligation) obligations.push(obligation);
    }
  }
  const actions = files.generics.flatMap((g) => (isRecord(g) ? (readGeneric(g, issues) ?? []) : []));
  return finish(licenses, obligations, actions, policies, issues);
}

/** Imports Hermine's bundled `shared.json`. */
export function importHermineShared(shared: unknown): HermineImport {
  const issues: Issue[] = [];
  if (!isRecord(shared) || !Array.isArray(shared.objects)) {
    issues.push(issue('error', 'hermine-not-shared', 'not a Hermine shared.json: no "objects" array'));
    return { kb: { licenses: [], obligations: [], actions: [] }, policies: [], issues };
  }
  const licenses: LicenseFacts[] = [];
  const obligations: Obligation[] = [];
  const actions: ComplianceAction[] = [];
  const policies: LicensePolicy[] = [];
  for (const [index, object] of shared.objects.entries()) {
    const fields = isRecord(object) && isRecord(object.fields) ? object.fields : null;
    const model = isRecord(object) ? object.model : undefined;
    if (!fields) {
      issues.push(
        issue('error', 'hermine-bad-object', `objects[${index}] has no fields; skipped`, {
          field: `objects[${index}]`,
        }),
      );
    } else if (model === 'cube.license') {
      const read = readLicense(fields, issues);
      if (read) licenses.push(read.facts);
      if (read?.policy) policies.push(read.policy);
    } else if (model === 'cube.obligation') {
      const o = readObligation(fields, null, issues);
      if (o) obligations.push(o);
    } else if (model === 'cube.generic') {
      const g = readGeneric(fields, issues);
      if (g) actions.push(g);
    } else {
      issues.push(
        issue('warning', 'hermine-unknown-model', `objects[${index}]: model ${JSON.stringify(model)} ignored`, {
          field: `objects[${index}].model`,
        }),
      );
    }
  }
  return finish(licenses, obligations, actions, policies, issues);
}
