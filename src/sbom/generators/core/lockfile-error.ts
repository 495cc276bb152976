import { UnreadableDocumentError } from '../../format.js';
import { lineAt } from '../../json-text.js';

/**
 * A lockfile that cannot be read at all (syntax error, unknown version, not the format its name
 * says). The message names the file; `line` points at the offending line when it is known.
 */
export class LockfileError extends UnreadableDocumentError {
  constructor(
    readonly file: string,
    reason: string,
    line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`, line);
    this.name = 'LockfileError';
  }
}

/** The 1-based line of the first match of `pattern` in `text` (for messages about a field). */
export function lineOfMatch(text: string, pattern: RegExp | string): number | undefined {
  const at = typeof pattern === 'string' ? text.indexOf(pattern) : text.search(pattern);
  return at < 0 ? undefined : lineAt(text, at);
}
