import { LockfileError } from '../core/lockfile-error.js';

/** One block of a yarn v1 lockfile: the descriptors it answers and its fields. */
export interface YarnV1Entry {
  descriptors: string[];
  line: number;
  fields: Record<string, string>;
  /** dependencies, optionalDependencies, … : name → range. */
  maps: Record<string, Record<string, string>>;
}

const unquote = (s: string) =>
  s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/\\"/g, '"') : s;

/** Splits `key value` where either side may be quoted. */
function keyValue(text: string): [string, string] {
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    return [text.slice(1, end), unquote(text.slice(end + 1).trim())];
  }
  const space = text.indexOf(' ');
  return space < 0 ? [text, ''] : [text.slice(0, space), unquote(text.slice(space + 1).trim())];
}

/**
 * yarn's own (v1) syntax: a top-level line lists descriptors and ends with `:`, fields are indented
 * two spaces (`version "1.0.0"`), maps (`dependencies:`) hold four-space `name "range"` lines.
 */
export function parseYarnV1(path: string, text: string): YarnV1Entry[] {
  const entries: YarnV1Entry[] = [];
  let entry: YarnV1Entry | undefined;
  let map: Record<string, string> | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (indent === 0) {
      if (!body.endsWith(':'))
        throw new LockfileError(
          path,
          `expected a list of package descriptors ending with ":", found "${body.slice(0, 60)}"`,
          i + 1,
        );
      const descriptors = body
        .slice(0, -1)
        .split(/,\s*/)
        .map((d) => unquote(d.trim()))
        .filter(Boolean);
      entry = { descriptors, line: i + 1, fields: {}, maps: {} };
      entries.push(entry);
      map = undefined;
    } else if (!entry) {
      throw new LockfileError(path, 'an indented line comes before any package entry', i + 1);
    } else if (indent <= 2) {
      if (body.endsWith(':') && !body.includes(' ')) {
        map = {};
        entry.maps[unquote(body.slice(0, -1))] = map;
      } else {
        const [key, value] = keyValue(body);
        entry.fields[key] = value;
        map = undefined;
      }
    } else {
      if (!map) throw new LockfileError(path, `unexpected nested line "${body.slice(0, 60)}"`, i + 1);
      const [key, value] = keyValue(body);
      map[key] = value;
    }
  }
  return entries;
}
