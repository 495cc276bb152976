/** Loads what the compliance engine needs about one release from the store, in a few queries. */
import { eventLoopTurn } from '../io/event-loop-turn.js';
import { builtinKnowledgeBase, type KnowledgeBase } from '../licenses/kb/index.js';
import type { ReleaseSnapshot, ReleaseUsage } from '../compliance/index.js';
import type { ReleaseData, Store } from '../store/index.js';
import { notFound } from './service-error.js';
import { recordsById } from '../model/records-by-id.js';

/** `loaded`: the release's data when the caller has just read it from the store. */
export async function loadReleaseSnapshot(
  store: Store,
  releaseId: number,
  loaded?: ReleaseData,
): Promise<ReleaseSnapshot> {
  const data = loaded ?? (await store.loadReleaseData(releaseId));
  if (!data) throw notFound(`release ${releaseId}`);
  const facts = await loadSnapshotFacts(store, releaseId);
  await eventLoopTurn();
  return snapshotOf(data, facts);
}

/** What a snapshot holds beside the release's data: the knowledge base, AI facts and policy settings. */
export type SnapshotFacts = Pick<ReleaseSnapshot, 'knowledgeBase' | 'lineage' | 'useDeclaration' | 'settings'>;

export async function loadSnapshotFacts(store: Store, releaseId: number): Promise<SnapshotFacts> {
  return {
    knowledgeBase: await knowledgeBaseOf(store),
    ...(await aiFactsOf(store, releaseId)),
    settings: { acceptNormaliser: (await store.getPolicySettings()).acceptNormaliser },
  };
}

/** The engine's view of a release's data and facts. */
export function snapshotOf(data: ReleaseData, facts: SnapshotFacts): ReleaseSnapshot {
  const versions = recordsById(data.versions);
  const components = recordsById(data.components);
  const usages: ReleaseUsage[] = data.usages.map((usage) => {
    const version = versions.get(usage.versionId)!;
    return { usage, version, component: components.get(version.componentId)! };
  });
  return {
    release: data.release,
    product: data.product,
    categories: data.categories,
    usages,
    exploitationRules: data.exploitationRules,
    decisions: data.decisions,
    policy: { entries: data.policies },
    ...facts,
  };
}

/** The organisation's stored knowledge base, or the shipped one while none has been loaded. */
export async function knowledgeBaseOf(store: Store): Promise<KnowledgeBase> {
  const stored = await store.loadKnowledgeBase();
  return stored.licenses.length > 0 ? stored : builtinKnowledgeBase();
}

/** The release's AI lineage edges and use declaration (issue 10), when it has them. */
async function aiFactsOf(
  store: Store,
  releaseId: number,
): Promise<Pick<ReleaseSnapshot, 'lineage' | 'useDeclaration'>> {
  const [lineage, use] = await Promise.all([store.listLineageEdges(releaseId), store.getUseDeclaration(releaseId)]);
  return { ...(lineage.length > 0 ? { lineage } : {}), ...(use ? { useDeclaration: use.declaration } : {}) };
}
