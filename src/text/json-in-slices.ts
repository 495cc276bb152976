/**
 * `JSON.parse` of a large text cut into pieces, with `turn()` awaited between them: the run details
 * of a 50k-component release are ~45 MB of JSON, ~0.3–0.4 s of parsing in one call during which a
 * server answers nothing (issue 13 item 6). Here the lists and objects larger than a slice are
 * walked, and their items are parsed by JSON.parse a slice of about `sliceChars` at a time. Where
 * an item ends is found by a scan that jumps from quote to quote; a scan that passes `sliceChars`
 * without finding it stops there, and that item is walked in turn: each character is scanned about
 * once, never a whole large list in one go.
 *
 * The value is the one JSON.parse gives (same key order, `__proto__` an own key). Text that is not
 * valid JSON is handed to JSON.parse whole, so the error is its error.
 */
export async function parseJsonInSlices(
  text: string,
  turn: () => Promise<void>,
  sliceChars = 2 * 1024 * 1024,
): Promise<unknown> {
  if (text.length <= sliceChars) return JSON.parse(text);
  try {
    const reader = new SlicedReader(text, turn, sliceChars);
    const [value, end] = await reader.value(reader.skipSpace(0));
    if (reader.skipSpace(end) !== text.length) throw new NotPlain();
    return value;
  } catch (err) {
    if (err instanceof NotPlain || err instanceof SyntaxError) return JSON.parse(text);
    throw err;
  }
}

/** The scan found something JSON.parse would refuse: it is asked to say what. */
class NotPlain extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** An own property set as JSON.parse sets it (`__proto__` included, which assignment would not). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

class SlicedReader {
  constructor(
    private readonly text: string,
    private readonly turn: () => Promise<void>,
    private readonly sliceChars: number,
  ) {}

  skipSpace(i: number): number {
    while (i < this.text.length && isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** The index just after the closing quote of the string opening at `i`. */
  private endOfString(i: number): number {
    let from = i + 1;
    for (;;) {
      const quote = this.text.indexOf('"', from);
      if (quote < 0) throw new NotPlain();
      let backslashes = 0;
      while (this.text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /**
   * The index just after the value that starts at `i` (its brackets balanced; JSON.parse checks the
   * rest), or -1 for a list or object that does not end within `limit` characters.
   */
  private endOf(i: number, limit = Infinity): number {
    const text = this.text;
    const first = text.charCodeAt(i);
    if (first === QUOTE) return this.endOfString(i);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      let depth = 0;
      const stop = Math.min(text.length, i + limit);
      for (let j = i; j < stop; j++) {
        const c = text.charCodeAt(j);
        if (c === QUOTE) j = this.endOfString(j) - 1;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (--depth === 0) return j + 1;
        }
      }
      if (stop < text.length) return -1;
      throw new NotPlain();
    }
    let j = i;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) break;
      j++;
    }
    if (j === i) throw new NotPlain();
    return j;
  }

  /** The value starting at `i` and the index just after it: parsed whole when small, else walked. */
  async value(i: number): Promise<[unknown, number]> {
    const first = this.text.charCodeAt(i);
    const container = first === OPEN_BRACKET || first === OPEN_BRACE;
    const end = this.endOf(i, container ? this.sliceChars : Infinity);
    if (end >= 0) return [JSON.parse(this.text.slice(i, end)), end];
    return this.container(i, first === OPEN_BRACKET);
  }

  /** Where the value at `i` ends when it is small enough to join a slice; -1 when it is to be walked. */
  private smallEnd(i: number): number {
    const first = this.text.charCodeAt(i);
    return this.endOf(i, first === OPEN_BRACKET || first === OPEN_BRACE ? this.sliceChars : Infinity);
  }

  /**
   * The list or object opening at `start`, walked: its items (members) gathered into slices parsed
   * by JSON.parse, an item larger than a slice walked in turn.
   */
  private async container(start: number, isList: boolean): Promise<[unknown, number]> {
    const close = isList ? CLOSE_BRACKET : CLOSE_BRACE;
    const items: unknown[] = [];
    const members: Record<string, unknown> = {};
    const done = (at: number): [unknown, number] => [isList ? items : members, at + 1];
    let from = -1;
    let to = -1;
    const flush = async () => {
      if (from < 0) return;
      const slice = this.text.slice(from, to);
      if (isList) for (const item of JSON.parse(`[${slice}]`) as unknown[]) items.push(item);
      else {
        const part = JSON.parse(`{${slice}}`) as Record<string, unknown>;
        for (const key of Object.keys(part)) setOwn(members, key, part[key]);
      }
      from = -1;
      await this.turn();
    };
    let i = this.skipSpace(start + 1);
    if (this.text.charCodeAt(i) === close) return done(i);
    for (;;) {
      const valueStart = isList ? i : this.afterKey(i);
      let end = this.smallEnd(valueStart);
      if (end < 0) {
        await flush();
        const [value, valueEnd] = await this.value(valueStart);
        if (isList) items.push(value);
        else setOwn(members, JSON.parse(this.text.slice(i, this.endOfString(i))) as string, value);
        end = valueEnd;
      } else {
        if (from < 0) from = i;
        to = end;
        if (to - from >= this.sliceChars) await flush();
      }
      i = this.skipSpace(end);
      const c = this.text.charCodeAt(i);
      if (c === close) {
        await flush();
        return done(i);
      }
      if (c !== COMMA) throw new NotPlain();
      i = this.skipSpace(i + 1);
    }
  }

  /** Where the value of the member whose key opens at `i` starts. */
  private afterKey(i: number): number {
    if (this.text.charCodeAt(i) !== QUOTE) throw new NotPlain();
    const colon = this.skipSpace(this.endOfString(i));
    if (this.text.charCodeAt(colon) !== COLON) throw new NotPlain();
    return this.skipSpace(colon + 1);
  }
}
