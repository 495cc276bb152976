/** An input the user handed us cannot be read (missing, too large, binary…): one line, exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
