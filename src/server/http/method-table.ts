import type { CatalogueEntry } from '../openapi/route-catalogue.js';

/**
 * Which methods a path answers to, from the route catalogue: a request the router found no route for
 * is a 405 (with `Allow`) when its path exists under another method, a 404 otherwise. A path matches a
 * route pattern the way fastify's router matches it: `:name` is one non-empty segment. The UI's
 * static files (a `*` wildcard) are left out: they are not part of the API's table.
 */
export class MethodTable {
  private patterns: Array<{ pattern: RegExp; methods: Set<string> }> | undefined;

  constructor(private readonly catalogue: readonly CatalogueEntry[]) {}

  /** The methods the path answers to, sorted, HEAD beside GET and OPTIONS beside any; empty when no route has this path. */
  allowed(path: string): string[] {
    const methods = new Set<string>();
    for (const { pattern, methods: declared } of this.table()) {
      if (pattern.test(path)) for (const m of declared) methods.add(m);
    }
    if (methods.size === 0) return [];
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    return [...methods].sort();
  }

  /** Built on first use: the catalogue fills up while routes register. */
  private table(): Array<{ pattern: RegExp; methods: Set<string> }> {
    if (this.patterns) return this.patterns;
    const byUrl = new Map<string, Set<string>>();
    for (const entry of this.catalogue) {
      if (entry.url.includes('*')) continue;
      const methods = byUrl.get(entry.url) ?? new Set<string>();
      methods.add(entry.method);
      byUrl.set(entry.url, methods);
    }
    this.patterns = [...byUrl].map(([url, methods]) => ({ pattern: patternOf(url), methods }));
    return this.patterns;
  }
}

function patternOf(url: string): RegExp {
  const segments = url.split('/').map((segment) => {
    // Every parameter of this API is a whole segment (the catalogue test would show a new kind).
    if (segment.startsWith(':')) return '[^/]+';
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${segments.join('/')}$`);
}
