// Agents (people, organisations, software agents) and tools, read from their elements.
import type { Contact, OrganizationalEntity } from '../../../model/index.js';
import { isNode, objects, str, typeOf, type Node } from './graph.js';
import type { LookUp } from './decode-licenses.js';
import { parseActor } from '../spdx2-common/actor.js';

export interface AgentInfo {
  kind: 'person' | 'organization' | 'agent' | 'tool';
  name?: string;
  email?: string;
  url?: string;
}

export function agentOf(target: string | Node, lookUp: LookUp): AgentInfo | undefined {
  const node = isNode(target) ? target : lookUp(target);
  if (!node) return undefined;
  const type = typeOf(node);
  const kind =
    type === 'Person' ? 'person' : type === 'Organization' ? 'organization' : type === 'Tool' ? 'tool' : 'agent';
  const identifiers = objects(node, 'externalIdentifier');
  const email = identifiers.find((i) => str(i, 'externalIdentifierType') === 'email');
  const url = identifiers.find((i) => str(i, 'externalIdentifierType') === 'urlScheme');
  const name = str(node, 'name');
  // sbom-tool names its agents the SPDX 2 way ("Organization: Microsoft"): the prefix is the kind.
  const actor = parseActor(name);
  const spelledAsActor = actor && (actor.kind === kind || kind === 'agent');
  return {
    kind,
    name: spelledAsActor ? actor.name : name,
    email: email ? str(email, 'identifier') : spelledAsActor ? actor.email : undefined,
    url: url ? str(url, 'identifier') : undefined,
  };
}

export function contactOf(agent: AgentInfo): Contact {
  return { ...(agent.name ? { name: agent.name } : {}), ...(agent.email ? { email: agent.email } : {}) };
}

export function entityOf(agent: AgentInfo): OrganizationalEntity {
  return {
    ...(agent.name ? { name: agent.name } : {}),
    ...(agent.url ? { urls: [agent.url] } : {}),
    ...(agent.email ? { contacts: [{ email: agent.email }] } : {}),
    kind: agent.kind === 'person' ? 'person' : 'organization',
  };
}
