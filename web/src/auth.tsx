// Who is logged in, and what their role may do: the server's own permission table (src/model), so
// that the UI hides what the server would refuse anyway (the server stays the authority).
import { createContext, useContext } from 'react';
import type { Me, Role } from './api/types.js';
import { ROLE_PERMISSIONS, type Permission } from '../../src/model/permissions.js';

export type { Permission };

export const ROLE_LABELS: Record<Role, string> = {
  guest: 'Guest',
  'project-manager': 'Project manager',
  legal: 'Legal',
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
