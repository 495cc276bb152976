import { UnreadableDocumentError } from '../../format.js';
import { jsonErrorOffset } from './json-error-offset.js';

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** JSON.parse with the failure turned into an UnreadableDocumentError that names the line. */
export function parseJsonDocument(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const offset = jsonErrorOffset(text);
    const line = offset !== undefined ? lineAt(text, offset) : undefined;
    const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/,\s*(\.\.\.)?"[\s\S]*$/, '');
    throw new UnreadableDocumentError(`${what} is not valid JSON${line ? ` (line ${line})` : ''}: ${reason}`, line);
  }
}
