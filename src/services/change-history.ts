/**
 * The change history (issue 8 item 18): services that change a decision, a licence policy or a
 * release's sign-off append who, when, why, and the state before and after. Reads never write.
 */
import type { ChangeRecord, NewChangeRecord } from '../model/change-history.js';
import type { ChangeFilter, Store } from '../store/index.js';
import { ServiceError } from './service-error.js';

/** Who made a change, and why, when the caller knows (the API signs with the token's name). */
export interface ChangedBy {
  actor: string;
  reason?: string | null;
}

/** The CLI runs without an identity: its changes are signed as the local operator. */
export const LOCAL_ACTOR = 'local operator (CLI)';

export async function recordChange(store: Store, change: Omit<NewChangeRecord, 'at'>): Promise<ChangeRecord> {
  return store.appendChange({ ...change, at: new Date().toISOString() });
}

export async function listChanges(store: Store, filter: ChangeFilter = {}): Promise<ChangeRecord[]> {
  if (filter.limit !== undefined && (!Number.isInteger(filter.limit) || filter.limit < 1 || filter.limit > 1000)) {
    throw new ServiceError('invalid-input', `limit must be an integer from 1 to 1000, not ${filter.limit}`);
  }
  return store.listChanges(filter);
}
