import { decodePurlPart } from './percent-encoding.js';
import { normalizePurl, type NormalizeOptions, type PurlParts } from './normalize.js';
import { isPurlError, purlError, type Purl, type PurlError, type PurlPart } from './purl.js';
import { SINGLE_SEGMENT_NAMESPACE_TYPES } from './type-checks.js';

/**
 * Parses a purl string into canonical parts. Never throws: a malformed purl yields a PurlError naming
 * the problem and where it is. By default non-canonical spellings (upper-case type or qualifier keys,
 * unencoded characters, stray slashes) are normalised; `strict` rejects upper-case qualifier keys.
 */
export function parsePurl(text: string, options: NormalizeOptions = {}): Purl | PurlError {
  const input = text.trim();
  const offset = text.indexOf(input);
  const colon = input.indexOf(':');
  if (colon < 0) return purlError('the "pkg:" scheme is missing', 'scheme', offset);
  if (input.slice(0, colon).toLowerCase() !== 'pkg') {
    return purlError(`the scheme must be "pkg", found "${input.slice(0, colon)}"`, 'scheme', offset);
  }

  // Work from the right, as the spec does: subpath, then qualifiers, then type, path and version.
  const starts: Partial<Record<PurlPart, number>> = {};
  let rest = input;
  const parts: PurlParts = {};

  const hash = rest.lastIndexOf('#');
  if (hash >= 0) {
    starts.subpath = hash + 1;
    const decoded = decodeSegments(rest.slice(hash + 1));
    if (decoded === undefined) return purlError('the subpath holds a broken %-escape', 'subpath', offset + hash + 1);
    parts.subpath = decoded;
    rest = rest.slice(0, hash);
  }

  const question = rest.lastIndexOf('?');
  if (question >= 0) {
    starts.qualifiers = question + 1;
    const qualifiers: Record<string, string> = {};
    let at = question + 1;
    for (const pair of rest.slice(question + 1).split('&')) {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      if (pair !== '' && key === '') return purlError('a qualifier has no key', 'qualifiers', offset + at);
      const value = decodePurlPart(eq < 0 ? '' : pair.slice(eq + 1));
      if (value === undefined)
        return purlError(`qualifier "${key}" holds a broken %-escape`, 'qualifiers', offset + at);
      if (key !== '') {
        if (Object.prototype.hasOwnProperty.call(qualifiers, key.toLowerCase())) {
          return purlError(`qualifier "${key}" appears twice`, 'qualifiers', offset + at);
        }
        qualifiers[key] = value;
      }
      at += pair.length + 1;
    }
    parts.qualifiers = qualifiers;
    rest = rest.slice(0, question);
  }

  // Leading slashes after the scheme ("pkg://npm/…") are tolerated.
  let typeStart = colon + 1;
  while (rest[typeStart] === '/') typeStart++;
  starts.type = typeStart;
  const slash = rest.indexOf('/', typeStart);
  parts.type = rest.slice(typeStart, slash < 0 ? rest.length : slash);
  const pathStart = slash < 0 ? rest.length : slash + 1;
  const tail = rest.slice(pathStart);
  const path = tail.endsWith('/') ? tail.replace(/\/+$/, '') : tail;
  starts.namespace = starts.name = pathStart;

  const segments = path.split('/').filter((s) => s !== '');
  let last = segments.pop() ?? '';
  const at = last.lastIndexOf('@');
  if (at >= 0) {
    starts.version = pathStart + path.lastIndexOf('@') + 1;
    const version = decodePurlPart(last.slice(at + 1));
    if (version === undefined)
      return purlError('the version holds a broken %-escape', 'version', offset + starts.version);
    parts.version = version;
    last = last.slice(0, at);
  }
  const type = parts.type.toLowerCase();
  let nameText = last;
  if (SINGLE_SEGMENT_NAMESPACE_TYPES.has(type) && segments.length > 1)
    nameText = [...segments.splice(1), last].join('/');
  const name = decodeSegments(nameText);
  const namespace = decodeSegments(segments.join('/'));
  if (name === undefined) return purlError('the name holds a broken %-escape', 'name', offset + pathStart);
  if (namespace === undefined)
    return purlError('the namespace holds a broken %-escape', 'namespace', offset + pathStart);
  parts.name = name;
  parts.namespace = namespace;

  const result = normalizePurl(parts, options);
  if (isPurlError(result) && result.part && result.position === undefined) {
    const start = starts[result.part];
    if (start !== undefined) result.position = offset + start;
  }
  return result;
}

function decodeSegments(text: string): string | undefined {
  // Without an escape there is nothing to decode segment by segment.
  if (!text.includes('%')) return text;
  const out: string[] = [];
  for (const segment of text.split('/')) {
    const decoded = decodePurlPart(segment);
    if (decoded === undefined) return undefined;
    out.push(decoded);
  }
  return out.join('/');
}
