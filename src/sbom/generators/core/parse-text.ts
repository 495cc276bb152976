// The three syntaxes lockfiles are written in, each failure turned into one LockfileError with a line.
import { jsYaml, toml } from '../../../text/libraries.js';
import { UnreadableDocumentError } from '../../format.js';
import { parseJsonDocument } from '../../json-text.js';
import { LockfileError } from './lockfile-error.js';

export type Obj = Record<string, unknown>;

export function parseJsonFile(path: string, text: string): unknown {
  try {
    return parseJsonDocument(text, 'JSON');
  } catch (err) {
    if (err instanceof UnreadableDocumentError) {
      throw new LockfileError(
        path,
        err.message
          .replace(/^JSON is not valid JSON( at line \d+)?(, )?/, 'not valid JSON')
          .replace(/^not valid JSONcolumn/, 'not valid JSON at column'),
        err.line,
      );
    }
    throw err;
  }
}

export function parseYamlFile(path: string, text: string): unknown {
  try {
    // js-yaml (4.x, whose default schema builds plain data only) reads lockfiles many times faster
    // than the `yaml` package; aliases become shared references, never copies. `json` lets a
    // repeated key override, as YAML 1.1 readers do.
    return jsYaml().load(text, { json: true });
  } catch (err) {
    const e = err as { mark?: { line: number }; reason?: string; message?: string };
    const reason = e.reason ?? String(e.message ?? err).split('\n')[0];
    throw new LockfileError(path, `not valid YAML: ${reason}`, e.mark ? e.mark.line + 1 : undefined);
  }
}

export function parseTomlFile(path: string, text: string): Obj {
  try {
    return toml().parse(text) as Obj;
  } catch (err) {
    const e = err as { line?: number; message?: string };
    const reason = String(e.message ?? err)
      .split('\n')[0]!
      .replace(/^Invalid TOML document: /, '');
    throw new LockfileError(path, `not valid TOML: ${reason}`, e.line);
  }
}

/**
 * JSON with comments and trailing commas (bun.lock): both are removed outside strings, keeping every
 * newline so that error lines stay right, then the text is read as JSON.
 */
export function parseJsoncFile(path: string, text: string): unknown {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      const start = i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === ',') {
      let j = i + 1;
      while (j < n && /\s/.test(text[j]!)) j++;
      out += text[j] === '}' || text[j] === ']' ? ' ' : ',';
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return parseJsonFile(path, out);
}

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
export const objectOr = (v: unknown): Obj => (isObject(v) ? v : {});
export const arrayOr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
