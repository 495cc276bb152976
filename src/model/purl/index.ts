import { formatPurl } from './format.js';
import { parsePurl } from './parse.js';
import { isPurlError, type Purl } from './purl.js';

export * from './purl.js';
export { parsePurl } from './parse.js';
export { parsePurlRemembered } from './remembered.js';
export { formatPurl, buildPurl } from './format.js';
export { normalizePurl, type PurlParts, type NormalizeOptions } from './normalize.js';

/** The canonical spelling of a purl string, or undefined when it is not a valid purl. */
export function canonicalPurl(text: string): string | undefined {
  const p = parsePurl(text);
  return isPurlError(p) ? undefined : formatPurl(p);
}

/** The purl without its version (qualifiers and subpath kept): identifies the package across versions. */
export function purlWithoutVersion(p: Purl): Purl {
  const { version: _version, ...rest } = p;
  return rest;
}
