import { purlError, type Purl, type PurlError } from './purl.js';
import { applyProseRules, typeRuleOf } from './type-checks.js';

/** Decoded parts as a caller or the splitter hands them over: anything may be missing or blank. */
export interface PurlParts {
  type?: string | null;
  namespace?: string | null;
  name?: string | null;
  version?: string | null;
  qualifiers?: Readonly<Record<string, string | null | undefined>> | null;
  subpath?: string | null;
}

export interface NormalizeOptions {
  /** Reject qualifier keys that are not already lower case instead of folding them. */
  strict?: boolean;
}

const TYPE_SYNTAX = /^[a-z.+-][a-z0-9.+-]*$/;
const QUALIFIER_KEY_SYNTAX = /^[a-z][a-z0-9._-]*$/;

/** Applies the generic purl rules, then the type's own rules; the result is canonical. */
export function normalizePurl(parts: PurlParts, options: NormalizeOptions = {}): Purl | PurlError {
  const type = (parts.type ?? '').toLowerCase();
  if (type === '') return purlError('the type is missing', 'type');
  if (/^[0-9]/.test(type)) return purlError(`type "${type}" must not start with a digit`, 'type');
  if (!TYPE_SYNTAX.test(type))
    return purlError(`type "${type}" may only hold letters, digits, ".", "+" and "-"`, 'type');

  const name = parts.name ?? '';
  if (name === '') return purlError('the name is missing', 'name');

  const purl: Purl = { type, name };
  const namespace = cleanSegments(parts.namespace);
  if (namespace) purl.namespace = namespace;
  if (parts.version) purl.version = parts.version;
  const subpath = cleanSegments(parts.subpath, true);
  if (subpath) purl.subpath = subpath;

  if (parts.qualifiers) {
    const problem = normaliseQualifiers(purl, parts.qualifiers, options);
    if (problem) return problem;
  }
  return applyTypeRules(purl);
}

/** Sets the purl's qualifiers (keys folded, blanks dropped, sorted), or says what is wrong with them. */
function normaliseQualifiers(
  purl: Purl,
  given: Readonly<Record<string, string | null | undefined>>,
  options: NormalizeOptions,
): PurlError | undefined {
  const qualifiers: Record<string, string> = {};
  for (const [rawKey, value] of Object.entries(given)) {
    const key = rawKey.toLowerCase();
    if (options.strict && key !== rawKey)
      return purlError(`qualifier key "${rawKey}" must be lower case`, 'qualifiers');
    if (!QUALIFIER_KEY_SYNTAX.test(key)) {
      return purlError(
        `qualifier key "${rawKey}" may only hold letters, digits, ".", "-" and "_", starting with a letter`,
        'qualifiers',
      );
    }
    if (key in qualifiers) return purlError(`qualifier "${key}" appears twice`, 'qualifiers');
    if (value) qualifiers[key] = value;
  }
  if (Object.keys(qualifiers).length > 0) purl.qualifiers = sortedByKey(qualifiers);
  return undefined;
}

/** Type rules' patterns, compiled once each. */
const compiled = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) compiled.set(source, (re = new RegExp(source)));
  return re;
}

function applyTypeRules(p: Purl): Purl | PurlError {
  const rule = typeRuleOf(p.type);
  if (rule) {
    if (rule.namespace === 'required' && !p.namespace)
      return purlError(`${p.type} purls need a namespace`, 'namespace');
    if (rule.namespace === 'prohibited' && p.namespace) {
      return purlError(`${p.type} purls have no namespace, found "${p.namespace}"`, 'namespace');
    }
    if (rule.namespaceFoldsCase && p.namespace) p.namespace = p.namespace.toLowerCase();
    if (rule.nameFoldsCase) p.name = p.name.toLowerCase();
    if (rule.versionFoldsCase && p.version) p.version = p.version.toLowerCase();
    for (const [from, to] of rule.nameReplacements ?? []) p.name = p.name.split(from).join(to);
    if (rule.namePattern && !pattern(rule.namePattern).test(p.name)) {
      return purlError(`${p.type} name "${p.name}" does not match ${rule.namePattern}`, 'name');
    }
    if (rule.versionPattern && p.version && !pattern(rule.versionPattern).test(p.version)) {
      return purlError(`${p.type} version "${p.version}" does not match ${rule.versionPattern}`, 'version');
    }
    for (const key of rule.requiredQualifiers ?? []) {
      if (!p.qualifiers?.[key]) return purlError(`${p.type} purls need the "${key}" qualifier`, 'qualifiers');
    }
  }
  const problem = applyProseRules(p);
  return problem ? purlError(problem, 'name') : p;
}

/** Joins `/`-separated segments without blanks (and, for subpaths, without `.` and `..`). */
function cleanSegments(text: string | null | undefined, dropDots = false): string | undefined {
  if (!text) return undefined;
  // The usual path has no blank (or dot) segment: kept as given.
  if (!text.startsWith('/') && !text.endsWith('/') && !text.includes('//') && !(dropDots && text.includes('.')))
    return text;
  const kept = text.split('/').filter((s) => s !== '' && !(dropDots && (s === '.' || s === '..')));
  return kept.length > 0 ? kept.join('/') : undefined;
}

function sortedByKey(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
