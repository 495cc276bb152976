import { builtinKnowledgeBase, type KnowledgeBase } from '../../licenses/kb/index.js';
import type { Store } from '../../store/index.js';

/**
 * The knowledge base the API shows: the stored one, or the built-in one while nothing was stored
 * (a fresh database). Kept here until the services offer one accessor for it.
 */
export async function knowledgeBaseOf(store: Store): Promise<KnowledgeBase> {
  const stored = await store.loadKnowledgeBase();
  return stored.licenses.length > 0 ? stored : builtinKnowledgeBase();
}
