/**
 * Text made of lines written by a generator: joined whole (the CLI's files) or handed over a line at
 * a time with the line breaks between them (a download written as it is made). Both give the
 * same text: the lines joined by "\n", none after the last.
 */
export function joinLines(lines: Iterable<string>): string {
  return Array.from(lines).join('\n');
}

/** The lines as pieces of the joined text: each after the first is preceded by its line break. */
export function* linesAsChunks(lines: Iterable<string>): Generator<string> {
  let first = true;
  for (const line of lines) {
    yield first ? line : `\n${line}`;
    first = false;
  }
}
