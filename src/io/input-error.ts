/**
 * Why an input cannot be read: `too-large` (over a size, decompression or download limit), else
 * `unreadable` (missing, binary, bad encoding or syntax, not the kind of file expected). Callers
 * branch on the code, never on the message (issue 8 item 14).
 */
export type InputErrorCode = 'unreadable' | 'too-large';

/** An input the user handed us cannot be read (missing, too large, binary…): one line, exit code 2. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly code: InputErrorCode = 'unreadable',
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * A RangeError V8 threw while reading an input, as the InputError it stands for; null for anything
 * else. Nesting deeper than the readers' recursion (a 3 MB document can nest 50k deep) is unreadable;
 * a string or object beyond V8's limits is too large. Both are the input's problem, not a bug.
 */
export function inputErrorOfRangeError(err: unknown, name: string): InputError | null {
  if (!(err instanceof RangeError)) return null;
  if (/call stack/i.test(err.message))
    return new InputError(`${name}: nests components (or other arrays and objects) deeper than Vigie can follow`);
  return new InputError(`${name}: too large to decode in memory (${err.message})`, 'too-large');
}
