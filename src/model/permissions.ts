/**
 * The one permission table (issue 8 item 13): the API enforces it on every route and the web UI
 * reads the same table to hide what a role may not do (the server stays the authority).
 */
import type { Role } from './access.js';

/**
 * What a route needs. Every route declares exactly one permission (route option `config.permission`);
 * the table below says which roles hold it. `public` routes need no token at all.
 */
export type Permission =
  | 'public'
  /** Any authenticated role: reading the portfolio, validation, outputs, queries. */
  | 'read'
  /** Categories, products, releases, imports, exploitation rules. */
  | 'portfolio:write'
  /** Curations, AND confirmations, licence choices, derogations, authorised contexts, a release's declared use (ADR 31). */
  | 'decisions:write'
  /** Licence policy and the knowledge base (Hermine import). */
  | 'licenses:write'
  /** Vulnerability scans on request and triage (VEX analyses). */
  | 'vulnerabilities:write'
  /** API tokens of other users. */
  | 'tokens:manage'
  /** CRA records, the Annex I matrix and CRA documents (issue 12 item 8: compliance officers and legal edit). */
  | 'cra:write';

export const PERMISSIONS: readonly Permission[] = [
  'public',
  'read',
  'portfolio:write',
  'decisions:write',
  'licenses:write',
  'vulnerabilities:write',
  'tokens:manage',
  'cra:write',
];

/** Guest reads; project managers run the portfolio; legal owns licences and decisions; compliance officers do everything. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  guest: ['public', 'read'],
  'project-manager': ['public', 'read', 'portfolio:write', 'vulnerabilities:write'],
  legal: ['public', 'read', 'decisions:write', 'licenses:write', 'cra:write'],
  'compliance-officer': PERMISSIONS,
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}
