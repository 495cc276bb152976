import type { Component } from '../../model/index.js';
import { formatPurl, isPurlError, parsePurl } from '../../model/purl/index.js';

/**
 * What makes two components "the same package" across documents and formats: the canonical purl
 * with version, qualifiers and subpath dropped when the component has a valid purl, else its type,
 * group and name. Versions are compared separately.
 */
export function componentIdentity(c: Component): string {
  if (c.purl) {
    const p = parsePurl(c.purl);
    if (!isPurlError(p)) return formatPurl({ type: p.type, namespace: p.namespace, name: p.name });
  }
  return c.group ? `${c.type}:${c.group}/${c.name}` : `${c.type}:${c.name}`;
}

/** The canonical full purl (for pairing equal coordinates first), or undefined. */
export function canonicalFullPurl(c: Component): string | undefined {
  if (!c.purl) return undefined;
  const p = parsePurl(c.purl);
  return isPurlError(p) ? undefined : formatPurl(p);
}
