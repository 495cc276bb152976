// The API's list endpoints may wrap their arrays (`{ items: [...] }`, `{ products: [...] }`); the
// views want plain arrays, so the unwrapping lives here once.
export function asList<T>(body: unknown, ...keys: string[]): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of [...keys, 'items', 'data', 'results']) {
      if (Array.isArray(record[key])) return record[key] as T[];
    }
  }
  return [];
}

export function asObject<T>(body: unknown, key: string): T {
  if (body && typeof body === 'object' && key in (body as Record<string, unknown>)) {
    const inner = (body as Record<string, unknown>)[key];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) return inner as T;
  }
  return body as T;
}
