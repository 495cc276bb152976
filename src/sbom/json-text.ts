import { UnreadableDocumentError } from './format.js';

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * JSON.parse, with a failure turned into one UnreadableDocumentError naming the line and column:
 * `<what> is not valid JSON at line 4, column 1: <reason>`. A leading byte-order mark is ignored.
 */
export function parseJsonDocument(text: string, what = 'document'): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = jsonErrorOffset(body);
    const reason = /Unexpected end of JSON input/.test(message)
      ? 'the text ends too early (truncated?)'
      : message
          .replace(/\s*\(line \d+ column \d+\)/, '')
          .replace(/ in JSON at position \d+.*$/s, '')
          .replace(/, ("|\.\.\.)[\s\S]*is not valid JSON$/, '');
    if (offset === undefined) throw new UnreadableDocumentError(`${what} is not valid JSON: ${reason}`);
    const line = lineAt(body, offset);
    const column = offset - body.lastIndexOf('\n', offset - 1);
    throw new UnreadableDocumentError(`${what} is not valid JSON at line ${line}, column ${column}: ${reason}`, line);
  }
}

/**
 * The offset of the first JSON syntax error in `text`, for messages: Node 20's JSON.parse does not
 * always say where it stopped. Called only after JSON.parse failed; a scan without building values.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < n && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= n) fail();
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '') fail();
    i += match![0].length;
  };
  // Iterative over containers so that a deeply nested document cannot overflow the stack.
  const stack: string[] = [];
  const value = () => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? '}' : ']');
      i++;
      skipSpace();
      if (text[i] === stack[stack.length - 1]) {
        i++;
        stack.pop();
        return;
      }
      if (c === '{') key();
      return value();
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail();
  };
  const key = () => {
    skipSpace();
    if (text[i] !== '"') fail();
    string();
    skipSpace();
    if (text[i] !== ':') fail();
    i++;
  };
  try {
    value();
    for (;;) {
      skipSpace();
      const close = stack[stack.length - 1];
      if (close === undefined) break;
      if (text[i] === ',') {
        i++;
        if (close === '}') key();
        value();
      } else if (text[i] === close) {
        i++;
        stack.pop();
      } else fail();
    }
    skipSpace();
    return i < n ? i : undefined;
  } catch (offset) {
    return offset as number;
  }
}
