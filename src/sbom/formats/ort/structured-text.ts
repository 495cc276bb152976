import { yaml } from '../../../text/libraries.js';
import { UnreadableDocumentError } from '../../format.js';
import { lineAt, parseJsonDocument } from '../../json-text.js';

/**
 * Reads a JSON or YAML document into plain values. ORT writes both, and so may a KISSBOM; a syntax
 * error becomes one UnreadableDocumentError naming the line, never a parser stack trace.
 */
export function parseStructuredText(text: string, what: string, options: { numbersAsText?: boolean } = {}): unknown {
  if (/^\s*[[{]/.test(text)) {
    return parseJsonDocument(text, what);
  }
  const doc = yaml().parseDocument(text, { schema: 'core', uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = lineAt(text, error.pos[0]);
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new UnreadableDocumentError(`malformed ${what} YAML at line ${line}: ${reason}`, line);
  }
  if (options.numbersAsText) {
    // A format that holds no numbers: `copyright: 2024` or `notes: 1.0` is the text as written.
    yaml().visit(doc, {
      Scalar(key, node) {
        if (key !== 'key' && typeof node.value === 'number' && node.type === 'PLAIN' && node.range)
          node.value = text.slice(node.range[0], node.range[1]);
      },
    });
  }
  return doc.toJS({ maxAliasCount: 1000 });
}

/** Plain-object test used when walking parsed documents of unknown shape. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string, or undefined: ORT writes "" for every absent text field. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
