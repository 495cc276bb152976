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
