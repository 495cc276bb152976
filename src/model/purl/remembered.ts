import { parsePurl } from './parse.js';
import type { Purl, PurlError } from './purl.js';

/**
 * Distinct purl texts remembered. An import of 100k components reads each purl several times (its
 * component identity when planning, the quality profiles' identifier check, the vulnerability scan
 * twice), and parsing is a good part of planning: one parse per text serves all of them. Bounded:
 * past the limit the memory starts afresh (a long-running server does not keep every purl it saw).
 */
const LIMIT = 250_000;

/**
 * What is remembered of one text: its parse, and what one caller derives from the parse (the
 * component identity, component-identity.ts), kept in the same entry so that a 100k-component plan
 * looks each text up once, not once per cache (two Maps of 100k texts cost ~0.15 s more).
 */
export interface RememberedPurl {
  readonly parsed: Purl | PurlError;
  derived?: unknown;
}

let remembered = new Map<string, RememberedPurl>();

/** The entry of a text, parsed on its first use (with the default options). */
export function rememberedPurl(text: string): RememberedPurl {
  let entry = remembered.get(text);
  if (entry === undefined) {
    const fresh = parsePurl(text);
    if ('qualifiers' in fresh && fresh.qualifiers) Object.freeze(fresh.qualifiers);
    entry = { parsed: Object.freeze(fresh) };
    if (remembered.size >= LIMIT) remembered = new Map();
    remembered.set(text, entry);
  }
  return entry;
}

/**
 * parsePurl(text) with the default options, remembered by text. The answer is shared between callers
 * and therefore frozen (its qualifiers too): copy it before changing it.
 */
export function parsePurlRemembered(text: string): Purl | PurlError {
  return rememberedPurl(text).parsed;
}
