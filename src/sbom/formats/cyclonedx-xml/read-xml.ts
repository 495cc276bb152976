// Parses untrusted XML safely: no DTD, no entity declarations, no entity expansion.
import type { XMLParser } from 'fast-xml-parser';
import { xml } from '../../../text/libraries.js';
import { UnreadableDocumentError } from '../../format.js';

/** One parsed element: child elements by local name (always arrays), attributes under '@', text under '#text'. */
export interface XmlNode {
  '@'?: Record<string, string>;
  '#text'?: string;
  [child: string]: XmlNode[] | Record<string, string> | string | undefined;
}

/**
 * A DOCTYPE or ENTITY declaration, or a CDATA section or comment to step over: inside those, the
 * same characters are text (an HTML licence text in CDATA starts with `<!DOCTYPE html>`), not markup.
 */
const DECLARATION_OR_TEXT = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<!(DOCTYPE|ENTITY)/gi;

/** Where the first DOCTYPE or ENTITY declaration is, outside CDATA sections and comments; -1 when none. */
function declarationOffset(text: string): number {
  DECLARATION_OR_TEXT.lastIndex = 0;
  for (let m = DECLARATION_OR_TEXT.exec(text); m !== null; m = DECLARATION_OR_TEXT.exec(text))
    if (m[1] !== undefined) return m.index;
  return -1;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** One parser that drops namespace prefixes, one that keeps them for readXml's namespace filter. */
const parsers = new Map<boolean, XMLParser>();

const newParser = (removeNSPrefix: boolean): XMLParser =>
  new (xml().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: '@',
    removeNSPrefix,
    // Entity processing stays off: the five predefined entities and character references are
    // decoded by `unescapeXml` instead, so no declared entity can ever expand.
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    alwaysCreateTextNode: true,
    isArray: (_name, _path, _isLeafNode, isAttribute) => !isAttribute,
    // The parser's default (100) refused a component tree some fifty levels deep; deeper than this is
    // said as an unreadable document, not an internal error.
    maxNestedTags: MAX_NESTED_TAGS,
  });

const MAX_NESTED_TAGS = 2000;

export interface ReadXmlOptions {
  /**
   * Keeps only the elements whose namespace (resolved through the xmlns declarations in scope) this
   * accepts, named by their local name; an element of another namespace is left out with all it
   * holds. Without it, every element is kept and named by its local name whatever its namespace.
   */
  keepNamespace?: (uri: string) => boolean;
}

export function readXml(text: string, what: string, options: ReadXmlOptions = {}): XmlNode {
  const declaration = declarationOffset(text);
  if (declaration !== -1) {
    throw new UnreadableDocumentError(
      'XML DOCTYPE and entity declarations are not accepted (entity expansion and external entities are unsafe)',
      lineOf(text, declaration),
    );
  }
  const verdict = xml().XMLValidator.validate(text);
  if (verdict !== true) {
    const { msg, line } = verdict.err;
    throw new UnreadableDocumentError(`${what} is not well-formed XML at line ${line}: ${msg}`, line);
  }
  const filter = options.keepNamespace;
  let parser = parsers.get(filter === undefined);
  if (!parser) parsers.set(filter === undefined, (parser = newParser(filter === undefined)));
  try {
    const parsed = parser.parse(text) as XmlNode;
    return filter ? inNamespaces(parsed, new Map([['xml', XML_NAMESPACE]]), filter) : parsed;
  } catch (err) {
    if (err instanceof Error && /nested tags/i.test(err.message)) {
      throw new UnreadableDocumentError(
        `${what} nests XML elements more than ${MAX_NESTED_TAGS} deep, deeper than Vigie follows`,
      );
    }
    throw err;
  }
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/**
 * The element's content with only the child elements of accepted namespaces, by local name. `scope`
 * maps prefixes ('' for the default namespace) to namespaces as declared around the element; each
 * child's own xmlns attributes apply to the child itself. Attributes keep their names as written
 * (CycloneDX's are unqualified); the xmlns declarations themselves are dropped.
 */
function inNamespaces(node: XmlNode, scope: Map<string, string>, keep: (uri: string) => boolean): XmlNode {
  const out: XmlNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '#text' || key === '?xml') {
      (out as Record<string, unknown>)[key] = value;
      continue;
    }
    if (key === '@') {
      const attributes = Object.entries(value as Record<string, string>).filter(
        ([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'),
      );
      if (attributes.length > 0) out['@'] = Object.fromEntries(attributes);
      continue;
    }
    const colon = key.indexOf(':');
    const prefix = colon === -1 ? '' : key.slice(0, colon);
    const local = colon === -1 ? key : key.slice(colon + 1);
    for (const child of value as XmlNode[]) {
      const own = declarations(child, scope);
      const uri = own.get(prefix);
      if (uri === undefined || !keep(uri)) continue;
      const list = (out[local] ??= []) as XmlNode[];
      list.push(inNamespaces(child, own, keep));
    }
  }
  return out;
}

/** The scope inside an element: the one around it with the element's own xmlns declarations. */
function declarations(node: XmlNode, around: Map<string, string>): Map<string, string> {
  const attributes = node['@'];
  if (!attributes) return around;
  let inside: Map<string, string> | undefined;
  for (const [name, uri] of Object.entries(attributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    inside ??= new Map(around);
    inside.set(name === 'xmlns' ? '' : name.slice(6), unescapeXml(uri));
  }
  return inside ?? around;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_m, name: string) => {
    if (name[0] !== '#') return PREDEFINED[name]!;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return String.fromCodePoint(code);
  });
}
