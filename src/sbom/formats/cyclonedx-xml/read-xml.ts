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

let parser: XMLParser | undefined;

const newParser = (): XMLParser =>
  new (xml().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: '@',
    removeNSPrefix: true,
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

export function readXml(text: string, what: string): XmlNode {
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
  parser ??= newParser();
  try {
    return parser.parse(text) as XmlNode;
  } catch (err) {
    if (err instanceof Error && /nested tags/i.test(err.message)) {
      throw new UnreadableDocumentError(
        `${what} nests XML elements more than ${MAX_NESTED_TAGS} deep, deeper than Vigie follows`,
      );
    }
    throw err;
  }
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
