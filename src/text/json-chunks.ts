/**
 * `JSON.stringify(value, null, indent)` written in pieces: the outer objects and arrays (down to
 * `depth` levels) are walked here, and each member below them is stringified on its own. Joined,
 * the pieces are exactly the text JSON.stringify gives (a test holds them to it), so a document of
 * tens of megabytes can be sent as it is written, with the event loop turning between pieces,
 * instead of being stringified in one long synchronous call.
 *
 * For plain JSON data (what the SBOM encoders build): no `toJSON` and no replacer are honoured
 * above `depth`; below it JSON.stringify does everything as usual.
 */
export function* jsonChunks(value: unknown, indent = 2, depth = 2): Generator<string> {
  // Without indentation there are no line breaks to place: one piece.
  if (indent < 1) return yield JSON.stringify(value) ?? 'null';
  yield* chunksOf(value, ' '.repeat(indent), '', depth);
}

/** Where JSON.stringify leaves a member out of an object (and writes null in an array). */
function unwritable(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function* chunksOf(value: unknown, step: string, at: string, depth: number): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object' || hasToJson(value)) {
    // JSON strings never hold a raw line break: every line after the first is indented by `at`.
    const text = JSON.stringify(value, null, step) ?? 'null';
    yield at ? text.replaceAll('\n', `\n${at}`) : text;
    return;
  }
  const inner = at + step;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      const item: unknown = value[i];
      if (unwritable(item)) yield 'null';
      else yield* chunksOf(item, step, inner, depth - 1);
    }
    return yield `\n${at}]`;
  }
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    if (unwritable(member)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* chunksOf(member, step, inner, depth - 1);
  }
  yield first ? '{}' : `\n${at}}`;
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
