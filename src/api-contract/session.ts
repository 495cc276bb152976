/** Who the caller is: the UI hides what the role may not do (the server stays the authority). */
import { ROLES } from '../model/access.js';
import { PERMISSIONS } from '../model/permissions.js';
import { STRING, closed, type Infer } from './json-schema.js';
import { route } from './route.js';

const ROLE = { type: 'string', enum: ROLES } as const;

export const SESSION = closed(
  { name: STRING, role: ROLE, permissions: { type: 'array', items: { type: 'string', enum: PERMISSIONS } } },
  ['name', 'role', 'permissions'],
);

export const SESSION_ROUTES = {
  me: route({
    method: 'GET',
    path: '/api/me',
    permission: 'read',
    tags: ['session'],
    summary: 'The caller: token name, role and permissions',
    response: { 200: SESSION },
  }),
} as const;

export type Session = Infer<typeof SESSION>;
