// An answer of several lists paged together (a release diff, a vulnerability diff: `limit` and
// `offset` apply to each list, `totals` gives each whole count), with every page joined.
import { get, type Query } from './client.js';

/** The largest page the API gives (src/api-contract/paging.ts). */
const PAGE = 1000;

export async function joinedPages<K extends string, T extends Record<K, unknown[]> & { totals: Record<K, number> }>(
  path: string,
  query: Query,
  lists: readonly K[],
): Promise<T> {
  const first = { ...query, limit: PAGE };
  const whole = await get<T>(path, first);
  const longest = Math.max(0, ...lists.map((k) => whole.totals[k]));
  for (let offset = PAGE; offset < longest; offset += PAGE) {
    const page = await get<T>(path, { ...first, offset });
    for (const k of lists) whole[k].push(...page[k]);
  }
  return whole;
}
