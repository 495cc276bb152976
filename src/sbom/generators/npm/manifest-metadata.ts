import type { Contact, ExternalReference, LicenseStatement } from '../../../model/index.js';
import { isSurelySpdxExpression } from './spdx-confidence.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** What an installed package.json adds to a lockfile entry. */
export interface ManifestMetadata {
  description?: string;
  authors: Contact[];
  externalReferences: ExternalReference[];
  declaredLicense?: LicenseStatement;
}

export function metadataOfManifest(manifest: Obj): ManifestMetadata {
  const references: ExternalReference[] = [];
  const homepage = text(manifest.homepage);
  if (homepage) references.push({ type: 'website', url: homepage });
  const repository = repositoryUrl(manifest.repository);
  if (repository) references.push({ type: 'vcs', url: repository });
  const bugs = isObject(manifest.bugs) ? text(manifest.bugs.url) : text(manifest.bugs);
  if (bugs) references.push({ type: 'issue-tracker', url: bugs });
  return {
    description: text(manifest.description),
    authors: authorsOf(manifest),
    externalReferences: references,
    declaredLicense: declaredLicenseOf(manifest),
  };
}

/**
 * The declared licence, raw as found: `license` (a string, or the legacy `{type, url}` object) or the
 * legacy `licenses` array. An SPDX expression is set only when the string surely is one; a legacy
 * array gets none, because its entries were as often meant as a choice as a conjunction.
 */
export function declaredLicenseOf(manifest: Obj): LicenseStatement | undefined {
  const single = text(manifest.license) ?? (isObject(manifest.license) ? text(manifest.license.type) : undefined);
  if (single) return licenseFromString(single);
  const legacy = Array.isArray(manifest.licenses)
    ? manifest.licenses
    : isObject(manifest.licenses)
      ? [manifest.licenses]
      : [];
  const names = legacy
    .map((l) => text(l) ?? (isObject(l) ? (text(l.type) ?? text(l.name)) : undefined))
    .filter((n): n is string => !!n);
  if (names.length === 0) return undefined;
  if (names.length === 1) return licenseFromString(names[0]!);
  return {
    raw: names.map((n) => (/\s(AND|OR)\s/i.test(n) ? `(${n})` : n)).join(' AND '),
    entries: names.map((name) => ({ name })),
  };
}

export function licenseFromString(raw: string): LicenseStatement {
  if (isSurelySpdxExpression(raw)) {
    return { raw, expression: raw, entries: [/[\s()]/.test(raw) ? { expression: raw } : { id: raw }] };
  }
  return { raw, entries: [{ name: raw }] };
}

function authorsOf(manifest: Obj): Contact[] {
  const people = [manifest.author, ...(Array.isArray(manifest.contributors) ? manifest.contributors : [])];
  const contacts: Contact[] = [];
  for (const person of people) {
    const contact = contactOf(person);
    if (contact && !contacts.some((c) => c.name === contact.name && c.email === contact.email)) contacts.push(contact);
  }
  return contacts;
}

/** `Name <email> (url)` or `{ name, email, url }`; the url has no place in a Contact and is dropped. */
function contactOf(person: unknown): Contact | undefined {
  if (isObject(person)) {
    const name = text(person.name);
    const email = text(person.email);
    return name || email ? { ...(name && { name }), ...(email && { email }) } : undefined;
  }
  const raw = text(person);
  if (!raw) return undefined;
  const email = /<([^>]*)>/.exec(raw)?.[1]?.trim();
  const name = raw
    .replace(/<[^>]*>/, '')
    .replace(/\([^)]*\)/, '')
    .trim();
  if (!name && !email) return undefined;
  return { ...(name && { name }), ...(email && { email }) };
}

// npm's shorthands for hosted repositories (`github:user/repo`, bare `user/repo`, …).
const HOSTS: Record<string, string> = {
  github: 'https://github.com/',
  gitlab: 'https://gitlab.com/',
  bitbucket: 'https://bitbucket.org/',
  gist: 'https://gist.github.com/',
};

export function repositoryUrl(repository: unknown): string | undefined {
  const raw = isObject(repository) ? text(repository.url) : text(repository);
  if (!raw) return undefined;
  const shorthand = /^(?:(github|gitlab|bitbucket|gist):)?([\w.-]+(?:\/[\w.-]+)?)$/.exec(raw);
  if (shorthand && (shorthand[1] || raw.includes('/'))) return `${HOSTS[shorthand[1] ?? 'github']}${shorthand[2]}`;
  // scp-like SSH form (git@host:owner/repo.git) is not a URI; npm itself rewrites it to git+ssh://.
  const scp = /^([\w.-]+@[\w.-]+):(?!\/\/)(.+)$/.exec(raw);
  if (scp) return `git+ssh://${scp[1]}/${scp[2]}`;
  return raw;
}
