import { encodePurlPart } from './percent-encoding.js';
import { normalizePurl, type PurlParts } from './normalize.js';
import { isPurlError, type Purl, type PurlError } from './purl.js';

/** The canonical string of an already-normalised purl (as parsePurl or buildPurl return it). */
export function formatPurl(p: Purl): string {
  let out = `pkg:${p.type}/`;
  if (p.namespace) out += encodeSegments(p.namespace) + '/';
  // Only types whose name is a path (git) may hold '/' in the name; others have it encoded.
  out += p.name.includes('/') && p.type === 'git' ? encodeSegments(p.name) : encodePurlPart(p.name);
  if (p.version) out += '@' + encodePurlPart(p.version);
  if (p.qualifiers) {
    const qualifiers = Object.entries(p.qualifiers)
      .filter(([, v]) => v !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (qualifiers.length > 0) out += '?' + qualifiers.map(([k, v]) => `${k}=${encodePurlPart(v)}`).join('&');
  }
  if (p.subpath) out += '#' + encodeSegments(p.subpath);
  return out;
}

/** Builds the canonical purl string from decoded parts, or says why the parts make no valid purl. */
export function buildPurl(parts: PurlParts): string | PurlError {
  const purl = normalizePurl(parts);
  return isPurlError(purl) ? purl : formatPurl(purl);
}

/** A path of segments that need no escape (the characters encodePurlPart keeps, and `/`). */
const PLAIN_PATH = /^[A-Za-z0-9.\-_~:/]*$/;

function encodeSegments(path: string): string {
  if (PLAIN_PATH.test(path)) return path;
  return path.split('/').map(encodePurlPart).join('/');
}
