/**
 * Who may do what: the four roles of Vigie's users. What each role may do (its permissions) is the
 * API's table (server/auth/permissions.ts); the roles themselves are domain vocabulary shared by the
 * store, the services, the API and the CLI.
 */
export type Role = 'project-manager' | 'legal' | 'compliance-officer' | 'guest';
export const ROLES: readonly Role[] = ['project-manager', 'legal', 'compliance-officer', 'guest'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
