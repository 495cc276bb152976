import { parsePurl } from './parse.js';
import type { Purl, PurlError } from './purl.js';

/**
 * Distinct purl texts remembered. An import of 100k components reads each purl three times (its
 * component identity when planning, the quality profiles' identifier check, the vulnerability scan
 * twice), and parsing is a good part of planning: one parse per text serves all of them. Bounded:
 * past the limit the memory starts afresh (a long-running server does not keep every purl it saw).
 */
const LIMIT = 250_000;
let remembered = new Map<string, Purl | PurlError>();

/**
 * parsePurl(text) with the default options, remembered by text. The answer is shared between callers
 * and therefore frozen (its qualifiers too): copy it before changing it.
 */
export function parsePurlRemembered(text: string): Purl | PurlError {
  let parsed = remembered.get(text);
  if (parsed === undefined) {
    const fresh = parsePurl(text);
    if ('qualifiers' in fresh && fresh.qualifiers) Object.freeze(fresh.qualifiers);
    parsed = Object.freeze(fresh);
    if (remembered.size >= LIMIT) remembered = new Map();
    remembered.set(text, parsed);
  }
  return parsed;
}
