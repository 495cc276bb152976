// Who is logged in, and what their role may do. Mirrors the server's permission table so that the
// UI hides or disables what the server would refuse anyway (the server stays the authority).
import { createContext, useContext } from 'react';
import type { Me, Role } from './api/types.js';

export type Permission = 'read' | 'portfolio:write' | 'decisions:write' | 'licenses:write' | 'vulnerabilities:write' | 'tokens:manage' | 'cra:write';

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  'guest': ['read'],
  'project-manager': ['read', 'portfolio:write', 'vulnerabilities:write'],
  'legal': ['read', 'decisions:write', 'licenses:write', 'cra:write'],
  'compliance-officer': ['read', 'portfolio:write', 'decisions:write', 'licenses:write', 'vulnerabilities:write', 'tokens:manage', 'cra:write'],
};

export const ROLE_LABELS: Record<Role, string> = {
  'guest': 'Guest',
  'project-manager': 'Project manager',
  'legal': 'Legal',
  'compliance-officer': 'Compliance officer',
};

export interface Session {
  me: Me;
  logout: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of a logged-in view');
  return session;
}

export function useCan(permission: Permission): boolean {
  const session = useContext(SessionContext);
  return session ? (ROLE_PERMISSIONS[session.me.role] ?? []).includes(permission) : false;
}
