import {
  issue,
  licenseFromExpression,
  type Component,
  type ExternalReference,
  type Hash,
  type Issue,
  type LicenseRoles,
  type Property,
} from '../../../model/index.js';
import { canonicalPurl } from '../../../model/purl/index.js';
import { groupOf, parseOrtIdentifier, purlFromOrtIdentifier } from './identifier.js';
import { asArray, isRecord, text } from './structured-text.js';

export interface PackageReadOptions {
  isProject: boolean;
  /** Turns one `declared_licenses` entry into its string (the evaluated model stores table indices). */
  licenseText?: (entry: unknown) => string | undefined;
  /** Where the package sits in the document, for Issues. */
  field: string;
}

/**
 * One ORT package or project as a Vigie component. The ORT identifier is the component ref: it is
 * what every dependency tree, graph and issue in the file points at.
 */
export function componentFromOrtPackage(
  pkg: Record<string, unknown>,
  options: PackageReadOptions,
  issues: Issue[],
): Component | undefined {
  const ref = text(pkg.id);
  if (!ref) {
    issues.push(
      issue('warning', 'missing-identifier', 'an ORT package without "id" was skipped', { field: options.field }),
    );
    return undefined;
  }
  const id = parseOrtIdentifier(ref);
  const component: Component = {
    ref,
    type: options.isProject ? 'application' : 'library',
    name: id.name || ref,
    hashes: [],
    licenses: licensesOf(pkg, options),
    externalReferences: [],
    properties: [],
  };
  const group = groupOf(id);
  if (group) component.group = group;
  if (id.version) component.version = id.version;
  const description = text(pkg.description);
  if (description) component.description = description;

  const purl = purlOf(pkg, ref, options, issues);
  if (purl) component.purl = purl;

  const authors = asArray(pkg.authors)
    .map(text)
    .filter((a): a is string => a !== undefined);
  if (authors.length > 0) component.authors = authors.map((name) => ({ name }));

  const homepage = text(pkg.homepage_url);
  if (homepage) component.externalReferences.push({ type: 'website', url: homepage });
  const vcs = vcsReference(pkg);
  if (vcs) component.externalReferences.push(vcs);
  for (const [key, label] of [
    ['binary_artifact', 'binary artifact'],
    ['source_artifact', 'source artifact'],
  ] as const) {
    const artifact = artifactReference(pkg[key], label, component, options.field, issues);
    if (artifact) component.externalReferences.push(artifact);
  }

  component.properties.push(...propertiesOf(pkg, id.type));
  return component;
}

function purlOf(
  pkg: Record<string, unknown>,
  ref: string,
  options: PackageReadOptions,
  issues: Issue[],
): string | undefined {
  const derived = options.isProject ? undefined : purlFromOrtIdentifier(parseOrtIdentifier(ref));
  const given = text(pkg.purl);
  if (!given) return derived;
  const canonical = canonicalPurl(given);
  if (canonical) return canonical;
  const instead = derived ? `the purl derived from the identifier (${derived}) is used instead` : 'it was dropped';
  issues.push(
    issue('warning', 'invalid-purl', `"${given}" is not a valid purl; ${instead}`, {
      component: ref,
      field: `${options.field}.purl`,
    }),
  );
  return derived;
}

function licensesOf(pkg: Record<string, unknown>, options: PackageReadOptions): LicenseRoles {
  const roles: LicenseRoles = {};
  const read = options.licenseText ?? text;
  const declared = asArray(pkg.declared_licenses)
    .map(read)
    .filter((l): l is string => l !== undefined);
  const processed = isRecord(pkg.declared_licenses_processed)
    ? text(pkg.declared_licenses_processed.spdx_expression)
    : undefined;
  if (declared.length > 0 || processed) {
    const wrap = (l: string) => (declared.length > 1 && /\s(OR|AND|WITH)\s/i.test(l) ? `(${l})` : l);
    roles.declared = {
      raw: declared.length > 0 ? declared.map(wrap).join(' AND ') : (processed as string),
      entries: declared.map((name) => ({ name })),
    };
    if (processed) roles.declared.expression = processed;
  }
  const concluded = text(pkg.concluded_license);
  if (concluded) roles.concluded = licenseFromExpression(concluded);
  const effective = text(pkg.effective_license);
  if (effective) roles.effective = licenseFromExpression(effective);
  return roles;
}

/** The processed VCS info is what ORT resolved and used; the raw one is the fallback. */
function vcsReference(pkg: Record<string, unknown>): ExternalReference | undefined {
  for (const key of ['vcs_processed', 'vcs']) {
    const vcs = pkg[key];
    if (!isRecord(vcs)) continue;
    const url = text(vcs.url);
    if (!url) continue;
    const notes = [
      text(vcs.type),
      text(vcs.revision) && `revision ${text(vcs.revision)}`,
      text(vcs.path) && `path ${text(vcs.path)}`,
    ];
    const comment = notes.filter(Boolean).join(', ');
    return comment ? { type: 'vcs', url, comment } : { type: 'vcs', url };
  }
  return undefined;
}

function artifactReference(
  artifact: unknown,
  label: string,
  component: Component,
  field: string,
  issues: Issue[],
): ExternalReference | undefined {
  if (!isRecord(artifact)) return undefined;
  const url = text(artifact.url);
  if (!url) return undefined;
  const ref: ExternalReference = { type: 'distribution', url, comment: label };
  const hash = hashOf(artifact.hash);
  if (hash === 'invalid') {
    issues.push(
      issue('warning', 'invalid-hash', `the ${label} hash is not a hex digest and was dropped`, {
        component: component.ref,
        field: `${field}.${label.replace(' ', '_')}.hash`,
      }),
    );
  } else if (hash) ref.hashes = [hash];
  return ref;
}

const HASH_NAMES: Record<string, string> = { SHA1: 'SHA-1', SHA256: 'SHA-256', SHA384: 'SHA-384', SHA512: 'SHA-512' };

function hashOf(value: unknown): Hash | 'invalid' | undefined {
  if (!isRecord(value)) return undefined;
  const content = text(value.value);
  if (!content) return undefined;
  if (!/^[0-9a-fA-F]+$/.test(content)) return 'invalid';
  const name = (text(value.algorithm) ?? '').toUpperCase();
  const alg =
    HASH_NAMES[name.replace(/-/g, '')] && !name.endsWith('GIT')
      ? HASH_NAMES[name.replace(/-/g, '')]
      : name || 'UNKNOWN';
  return { alg, content: content.toLowerCase() };
}

function propertiesOf(pkg: Record<string, unknown>, ortType: string): Property[] {
  const out: Property[] = [];
  if (ortType) out.push({ name: 'ort:type', value: ortType });
  const definition = text(pkg.definition_file_path);
  if (definition) out.push({ name: 'ort:definition-file', value: definition });
  if (isRecord(pkg.labels)) {
    for (const [key, value] of Object.entries(pkg.labels)) {
      const v = text(value);
      if (v) out.push({ name: `ort:label:${key}`, value: v });
    }
  }
  if (pkg.is_excluded === true) out.push({ name: 'ort:excluded', value: 'true' });
  return out;
}
