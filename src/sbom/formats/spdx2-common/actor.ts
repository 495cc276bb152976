import type { Contact, OrganizationalEntity, Tool } from '../../../model/index.js';

/** An SPDX 2 actor string (`Person: Jane (jane@x.org)`, `Organization: Acme ()`, `Tool: syft-1.0`). */
export interface Spdx2Actor {
  kind: 'person' | 'organization' | 'tool';
  name: string;
  email?: string;
}

/** Parses an actor; undefined for NOASSERTION, empty or unrecognised values. */
export function parseActor(value: string | undefined): Spdx2Actor | undefined {
  if (!value) return undefined;
  const m = /^\s*(Person|Organization|Tool)\s*:\s*(.*?)\s*$/i.exec(value);
  if (!m) return undefined;
  const kind = m[1]!.toLowerCase() as Spdx2Actor['kind'];
  let name = m[2]!;
  let email: string | undefined;
  // The e-mail sits in the last parentheses, which may be empty: "Organization: Acme ()".
  const mail = /^(.*?)\s*\(([^()]*)\)$/.exec(name);
  if (mail && kind !== 'tool') {
    name = mail[1]!.trim();
    email = mail[2]!.trim() || undefined;
  }
  if (!name) return undefined;
  return { kind, name, ...(email ? { email } : {}) };
}

export function formatActor(kind: 'Person' | 'Organization', name: string, email?: string): string {
  return email ? `${kind}: ${name} (${email})` : `${kind}: ${name}`;
}

export function actorToEntity(actor: Spdx2Actor): OrganizationalEntity {
  return {
    name: actor.name,
    kind: actor.kind === 'person' ? 'person' : 'organization',
    ...(actor.email ? { contacts: [{ email: actor.email }] } : {}),
  };
}

export function actorToContact(actor: Spdx2Actor): Contact {
  return { name: actor.name, ...(actor.email ? { email: actor.email } : {}) };
}

export function entityToActor(entity: OrganizationalEntity | undefined): string | undefined {
  if (!entity?.name) return undefined;
  const email = entity.contacts?.find((c) => c.email)?.email;
  return formatActor(entity.kind === 'person' ? 'Person' : 'Organization', entity.name, email);
}

/** `Tool: LicenseFind-1.0` → name LicenseFind, version 1.0: the version starts at the first "-<digit>". */
export function toolFromActorName(name: string): Tool {
  const m = /^(.+?)-(v?\d.*)$/.exec(name);
  return m ? { name: m[1]!, version: m[2]! } : { name };
}

export function toolToActor(tool: Tool): string {
  return `Tool: ${tool.version ? `${tool.name}-${tool.version}` : tool.name}`;
}
