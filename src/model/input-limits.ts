/**
 * What Vigie stores, it stores the same way on SQLite and PostgreSQL. PostgreSQL refuses a NUL
 * character in text, an index entry above 2,704 bytes and an integer above 2^31−1 where SQLite takes
 * all three; so every input is held to the stricter rules, on both dialects, before it reaches the
 * store. Route schemas (server/http/common-schemas.ts), services (check-input.ts) and the import
 * all read these numbers.
 */
export const INPUT_LIMITS = {
  /**
   * Names, numbers, scopes, projects, licence ids: indexed columns, several per index entry. 300
   * characters of up to 4 UTF-8 bytes each keep two of them under PostgreSQL's btree limit.
   */
  name: 300,
  /** Package URLs: one per index entry (components' identity key). */
  purl: 600,
  /** Free text: descriptions, comments, explanations (not indexed). */
  text: 65_536,
  /** Store ids are PostgreSQL `integer`s. */
  maxId: 2_147_483_647,
} as const;

export type TextKind = 'name' | 'purl' | 'text';

/** Why this text cannot be stored, or null when it can. */
export function textProblem(value: string, kind: TextKind): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000), which cannot be stored';
  const max = INPUT_LIMITS[kind];
  if (value.length > max) return `is ${value.length} characters long; the limit is ${max}`;
  return null;
}

/** The first NUL character anywhere in a value (strings, arrays, plain objects), as a path and a message. */
export function findNulCharacter(value: unknown, path = ''): string | null {
  const below = nulBelow(value);
  if (below === null) return null;
  if (below.length === 0) return path || '(value)';
  return `${path}/${below.reverse().join('/')}`;
}

/**
 * The path segments from value down to its first NUL character, innermost first (a key holding one
 * ends the path, escaped), or null. The path is built only once something is found: a whole import
 * plan is searched, and a path string per value searched cost more than the search.
 */
function nulBelow(value: unknown): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? [] : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulBelow(value[i]);
      if (found) {
        found.push(String(i));
        return found;
      }
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const key of Object.keys(value)) {
      if (key.includes('\u0000')) return [key.replace(/\u0000/g, '\\0')];
      const found = nulBelow((value as Record<string, unknown>)[key]);
      if (found) {
        found.push(key);
        return found;
      }
    }
  }
  return null;
}

/** A UTF-16 surrogate that is not half of a pair: no character at all, and no UTF-8 form to store. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a text is not well-formed Unicode (a lone surrogate, as `"\ud800"` in JSON makes), or null. */
export function illFormedProblem(value: string): string | null {
  const at = value.search(LONE_SURROGATE);
  if (at === -1) return null;
  const unit = value.charCodeAt(at).toString(16).toUpperCase();
  return `is not well-formed Unicode: a lone surrogate (U+${unit}) at character ${at + 1}, which neither store can hold`;
}

/**
 * The first text anywhere in a value (strings, keys, arrays, plain objects) that is not well-formed
 * Unicode, as its path ("/tags/0") and the problem; null when there is none. SQLite would store the
 * lone surrogate's bytes and read back three replacement characters, PostgreSQL one: refused on both.
 */
export function findIllFormedText(value: unknown, path = ''): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = illFormedProblem(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findIllFormedText(value[i], `${path}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const key of Object.keys(value)) {
      const problem = illFormedProblem(key);
      if (problem) return { path: `${path}/${key.replace(LONE_SURROGATE, '?')}`, problem: `has a key that ${problem}` };
      const found = findIllFormedText((value as Record<string, unknown>)[key], `${path}/${key}`);
      if (found) return found;
    }
  }
  return null;
}
