/**
 * The evidence log (issue 12 item 6; CRA Art. 13(7)): list, verify and export. Entries are only ever
 * appended, by the services that change what they record.
 */
import { verifyChain, type ChainVerdict, type EvidenceEntry } from '../cra/evidence/index.js';
import type { Store } from '../store/index.js';

export async function listEvidence(
  store: Store,
  filter: { subject?: string; afterSeq?: number; limit?: number } = {},
): Promise<EvidenceEntry[]> {
  return store.listEvidence(filter);
}

/** Recomputes the whole chain and names the first broken link. */
export async function verifyEvidence(store: Store): Promise<ChainVerdict> {
  return verifyChain(await store.listEvidence());
}

/**
 * What a market surveillance authority asks for (Art. 13(22)): the entries about one subject (or all)
 * with the verdict over the whole chain, so that the extract can be checked against the log's head.
 */
export async function exportEvidence(
  store: Store,
  subject?: string,
): Promise<{ verdict: ChainVerdict; entries: EvidenceEntry[] }> {
  const all = await store.listEvidence();
  return { verdict: verifyChain(all), entries: subject === undefined ? all : all.filter((e) => e.subject === subject) };
}
