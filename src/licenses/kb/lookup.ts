import type { ComplianceAction, KnowledgeBase, LicenseFacts, Obligation } from './types.js';

/** Finds a licence by id, ignoring case (ids are printed in the case the KB stores). */
export function findLicense(kb: KnowledgeBase, id: string): LicenseFacts | undefined {
  const lower = id.toLowerCase();
  return kb.licenses.find((l) => l.id.toLowerCase() === lower);
}

export function obligationsOfLicense(kb: KnowledgeBase, id: string): Obligation[] {
  const lower = id.toLowerCase();
  return kb.obligations.filter((o) => o.license.toLowerCase() === lower);
}

export function findAction(kb: KnowledgeBase, name: string): ComplianceAction | undefined {
  return kb.actions.find((a) => a.name === name);
}

/** Obligations whose compliance action is not in the KB (e.g. Hermine data with missing generics). */
export function danglingActionReferences(kb: KnowledgeBase): Obligation[] {
  const names = new Set(kb.actions.map((a) => a.name));
  return kb.obligations.filter((o) => o.action !== null && !names.has(o.action));
}
