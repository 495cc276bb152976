import type { Curation, Decision, Derogation, LicenseChoice } from '../model/decision.js';
import type { ExploitationRule } from '../model/portfolio.js';
import {
  EXPLOITATIONS,
  LINKINGS,
  MODIFICATIONS,
  type Exploitation,
  type Linking,
  type Modification,
} from '../model/usage-context.js';
import { ALLOWED_VALUES, type LicensePolicyTable } from '../licenses/kb/policy.js';
import type { Allowed, LicensePolicy } from '../licenses/kb/types.js';
import { parseExpression } from '../licenses/expression/index.js';
import { componentReference } from '../model/component-identity.js';
import { FIELD_OF_USE_NAMES, undeclaredUse, type FieldOfUse, type UseDeclaration } from '../model/use-declaration.js';
import { NORMALISER_ACCEPTANCES, type NormaliserAcceptance } from '../model/policy-settings.js';
import type { ValidationSettings } from './snapshot.js';

/** What a policy file holds once read (see docs/policy-file.md). */
export interface PolicyFile {
  policy: LicensePolicyTable;
  decisions: Decision[];
  exploitationRules: Omit<ExploitationRule, 'id' | 'releaseId'>[];
  outboundLicenses: string[];
  /** The `use` section: how the product is used, for the licences' use restrictions. */
  use?: UseDeclaration;
  /** The organisation's settings (`settings:`), defaults when left out. */
  settings: ValidationSettings;
}

/** The first problem found, naming the field: `choices[2].to: 'MIT OR' is not a valid SPDX expression`. */
export class PolicyFileError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'PolicyFileError';
  }
}

type Obj = Record<string, unknown>;
const TOP_KEYS = [
  'version',
  'outbound',
  'settings',
  'licenses',
  'exploitations',
  'curations',
  'confirmations',
  'choices',
  'derogations',
  'use',
];

/** Reads the parsed YAML/JSON value of a policy file; throws PolicyFileError on the first bad field. */
export function parsePolicyFile(value: unknown): PolicyFile {
  const root = object(value, '(document)');
  for (const k of Object.keys(root))
    if (!TOP_KEYS.includes(k)) throw new PolicyFileError(k, `unknown key (expected one of ${TOP_KEYS.join(', ')})`);
  if (root.version !== undefined && root.version !== 1)
    throw new PolicyFileError(
      'version',
      `unsupported version ${JSON.stringify(root.version)} (this Vigie reads version 1)`,
    );
  let nextId = 1;
  const decisions: Decision[] = [];
  const record = (o: Obj, field: string) => ({
    id: nextId++,
    author: optString(o, 'author', field) ?? 'policy file',
    createdAt: optString(o, 'date', field) ?? '',
    explanation: optString(o, 'explanation', field) ?? optString(o, 'justification', field) ?? '',
  });
  const scope = (o: Obj, field: string) => ({
    categoryId: null,
    productId: null,
    releaseId: null,
    scope: optString(o, 'scope', field) ?? null,
    project: optString(o, 'project', field) ?? null,
    exploitation: (optEnum(o, 'exploitation', EXPLOITATIONS, field) as Exploitation | undefined) ?? null,
    ...componentOf(o, field),
  });

  for (const kind of ['curations', 'confirmations'] as const) {
    list(root, kind).forEach((item, i) => {
      const field = `${kind}[${i}]`;
      const o = object(item, field);
      const d: Curation = {
        ...record(o, field),
        type: 'curation',
        kind: kind === 'curations' ? 'curation' : 'and-confirmation',
        ...componentOf(o, field),
        fromExpression: optString(o, 'from', field) ?? null,
        toExpression: expression(o, 'to', field),
      };
      if (d.version !== null && d.component === null)
        throw new PolicyFileError(`${field}.version`, 'a version needs its component');
      if (d.component === null && d.fromExpression === null)
        throw new PolicyFileError(
          field,
          'a curation must name what it corrects: "from" (the licence string as found), "component", or both',
        );
      decisions.push(d);
    });
  }
  list(root, 'choices').forEach((item, i) => {
    const field = `choices[${i}]`;
    const o = object(item, field);
    const d: LicenseChoice = {
      ...record(o, field),
      ...scope(o, field),
      type: 'choice',
      fromExpression: expression(o, 'from', field),
      toExpression: expression(o, 'to', field),
    };
    decisions.push(d);
  });
  list(root, 'derogations').forEach((item, i) => {
    const field = `derogations[${i}]`;
    const o = object(item, field);
    const d: Derogation = {
      ...record(o, field),
      ...scope(o, field),
      type: 'derogation',
      license: expression(o, 'license', field),
      linking: (optEnum(o, 'linking', LINKINGS, field) as Linking | undefined) ?? null,
      modification: (optEnum(o, 'modification', MODIFICATIONS, field) as Modification | undefined) ?? null,
    };
    decisions.push(d);
  });
  const exploitationRules = list(root, 'exploitations').map((item, i) => {
    const field = `exploitations[${i}]`;
    const o = object(item, field);
    const exploitation = optEnum(o, 'exploitation', EXPLOITATIONS, field);
    if (!exploitation)
      throw new PolicyFileError(`${field}.exploitation`, `missing (one of ${EXPLOITATIONS.join(', ')})`);
    return {
      scope: optString(o, 'scope', field) ?? null,
      project: optString(o, 'project', field) ?? null,
      exploitation: exploitation as Exploitation,
    };
  });
  const use = root.use === undefined || root.use === null ? undefined : useDeclaration(root.use);
  return {
    policy: { entries: licensePolicies(root.licenses) },
    decisions,
    exploitationRules,
    outboundLicenses: stringList(root, 'outbound'),
    ...(use ? { use } : {}),
    settings: settingsOf(root.settings),
  };
}

/** `settings: { acceptNormaliser: off | exact | high }` (model/policy-settings.ts). */
function settingsOf(value: unknown): ValidationSettings {
  if (value === undefined || value === null) return { acceptNormaliser: 'off' };
  const o = object(value, 'settings');
  for (const k of Object.keys(o))
    if (k !== 'acceptNormaliser')
      throw new PolicyFileError(`settings.${k}`, 'unknown setting (expected acceptNormaliser)');
  return {
    acceptNormaliser:
      (optEnum(o, 'acceptNormaliser', NORMALISER_ACCEPTANCES, 'settings') as NormaliserAcceptance | undefined) ?? 'off',
  };
}

/**
 * `licenses:` either maps each allowed status to a list of ids (`always: [MIT, ISC]`), or lists
 * entries `{ license, allowed, comment }`.
 */
function licensePolicies(value: unknown): LicensePolicy[] {
  if (value === undefined) return [];
  const entries: LicensePolicy[] = [];
  const seen = new Map<string, string>();
  const add = (license: string, allowed: Allowed, comment: string | null, field: string) => {
    const prev = seen.get(license.toLowerCase());
    if (prev) throw new PolicyFileError(field, `${license} is already given a status at ${prev}`);
    seen.set(license.toLowerCase(), field);
    entries.push({
      license,
      allowed,
      reviewStatus: allowed === 'not-reviewed' ? 'not-reviewed' : 'checked',
      comment,
      categories: [],
    });
  };
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const field = `licenses[${i}]`;
      const o = object(item, field);
      const allowed = optEnum(o, 'allowed', ALLOWED_VALUES, field);
      if (!allowed) throw new PolicyFileError(`${field}.allowed`, `missing (one of ${ALLOWED_VALUES.join(', ')})`);
      add(licenseId(o.license, `${field}.license`), allowed as Allowed, optString(o, 'comment', field) ?? null, field);
    });
    return entries;
  }
  const o = object(value, 'licenses');
  for (const [key, ids] of Object.entries(o)) {
    if (!(ALLOWED_VALUES as readonly string[]).includes(key))
      throw new PolicyFileError(`licenses.${key}`, `unknown status (expected ${ALLOWED_VALUES.join(', ')})`);
    if (!Array.isArray(ids)) throw new PolicyFileError(`licenses.${key}`, 'must be a list of licence ids');
    ids.forEach((id, i) => add(licenseId(id, `licenses.${key}[${i}]`), key as Allowed, null, `licenses.${key}[${i}]`));
  }
  return entries;
}

function licenseId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new PolicyFileError(field, 'must be a licence id');
  const parsed = parseExpression(value);
  if (!parsed.expression || parsed.expression.type !== 'license')
    throw new PolicyFileError(field, `'${value}' is not a single licence id`);
  return value.trim();
}

function object(value: unknown, field: string): Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new PolicyFileError(field, 'must be a mapping');
  return value as Obj;
}

function list(o: Obj, key: string): unknown[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new PolicyFileError(key, 'must be a list');
  return v;
}

function stringList(o: Obj, key: string): string[] {
  return list(o, key).map((v, i) => {
    if (typeof v !== 'string') throw new PolicyFileError(`${key}[${i}]`, 'must be a string');
    return v;
  });
}

function optString(o: Obj, key: string, field: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw new PolicyFileError(`${field}.${key}`, 'must be a string');
  return v;
}

function optEnum(o: Obj, key: string, values: readonly string[], field: string): string | undefined {
  const v = optString(o, key, field);
  if (v !== undefined && !values.includes(v))
    throw new PolicyFileError(`${field}.${key}`, `'${v}' is not one of ${values.join(', ')}`);
  return v;
}

function expression(o: Obj, key: string, field: string): string {
  const v = optString(o, key, field);
  if (v === undefined || v.trim() === '') throw new PolicyFileError(`${field}.${key}`, 'missing');
  const parsed = parseExpression(v);
  if (!parsed.expression)
    throw new PolicyFileError(
      `${field}.${key}`,
      `'${v}' is not a valid SPDX expression (${parsed.syntaxError!.message})`,
    );
  return v;
}

/** A decision's component as its identity key (qualifiers dropped); a versioned purl names the version. */
function componentOf(o: Obj, field: string): { component: string | null; version: string | null } {
  const text = optString(o, 'component', field);
  const version = optString(o, 'version', field) ?? null;
  if (text === undefined) return { component: null, version };
  const ref = componentReference(text);
  if ('error' in ref) throw new PolicyFileError(`${field}.component`, ref.error);
  return { component: ref.key, version: version ?? ref.version };
}

const USE_KEYS = ['commercial', 'fields', 'monthlyActiveUsers', 'outputsTrainOtherModels', 'licenseeInEu'];

/** `use: { commercial, fields, monthlyActiveUsers, outputsTrainOtherModels, licenseeInEu }`; a key left out is "not declared". */
function useDeclaration(value: unknown): UseDeclaration {
  const o = object(value, 'use');
  for (const k of Object.keys(o))
    if (!USE_KEYS.includes(k))
      throw new PolicyFileError(`use.${k}`, `unknown key (expected one of ${USE_KEYS.join(', ')})`);
  const flag = (key: string): boolean | null => {
    const v = o[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'boolean') throw new PolicyFileError(`use.${key}`, 'must be true or false');
    return v;
  };
  const use = undeclaredUse();
  use.commercial = flag('commercial');
  use.outputsTrainOtherModels = flag('outputsTrainOtherModels');
  use.licenseeInEu = flag('licenseeInEu');
  const users = o.monthlyActiveUsers;
  if (users !== undefined && users !== null) {
    if (typeof users !== 'number' || !Number.isSafeInteger(users) || users < 0)
      throw new PolicyFileError('use.monthlyActiveUsers', 'must be a whole number of users');
    use.monthlyActiveUsers = users;
  }
  if (o.fields !== undefined && o.fields !== null) {
    if (!Array.isArray(o.fields))
      throw new PolicyFileError('use.fields', `must be a list (of ${FIELD_OF_USE_NAMES.join(', ')}; [] for none)`);
    use.fieldsOfUse = o.fields.map((f: unknown, i: number) => {
      if (typeof f !== 'string' || !(FIELD_OF_USE_NAMES as string[]).includes(f))
        throw new PolicyFileError(`use.fields[${i}]`, `'${String(f)}' is not one of ${FIELD_OF_USE_NAMES.join(', ')}`);
      return f as FieldOfUse;
    });
  }
  return use;
}
