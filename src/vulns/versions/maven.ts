import { compareDigits, compareText, type VersionScheme } from './scheme.js';

/**
 * Maven's ComparableVersion order: the version is cut into numbers and qualifiers at `.`, `-` and
 * digit/letter boundaries; `-` (and a digit/letter switch) opens a sub-list. Known qualifiers
 * order alpha < beta < milestone < rc < snapshot < "" (release, also ga/final/release) < sp,
 * unknown ones after them alphabetically; numbers sort after qualifiers; trailing nulls are
 * dropped (`1.0.0` = `1`).
 */
type Item = { kind: 'int'; value: string } | { kind: 'string'; value: string } | { kind: 'list'; items: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };

function stringItem(text: string, followedByDigit: boolean): Item {
  let value = text;
  if (followedByDigit && value.length === 1) {
    value = value === 'a' ? 'alpha' : value === 'b' ? 'beta' : value === 'm' ? 'milestone' : value;
  }
  return { kind: 'string', value: ALIASES[value] ?? value };
}

function comparable(qualifier: string): string {
  const i = QUALIFIERS.indexOf(qualifier);
  return i === -1 ? `${QUALIFIERS.length}-${qualifier}` : String(i);
}

function intItem(digits: string): Item {
  return { kind: 'int', value: digits.replace(/^0+(?=.)/, '') };
}

function isNull(item: Item): boolean {
  if (item.kind === 'int') return item.value === '0';
  if (item.kind === 'string') return comparable(item.value) === RELEASE_INDEX;
  return item.items.length === 0;
}

function normalize(list: Item & { kind: 'list' }, isRoot: boolean): void {
  for (let i = list.items.length - 1; i >= 0; i--) {
    const last = list.items[i]!;
    if (isNull(last)) list.items.splice(i, 1);
    else if (last.kind !== 'list') break;
  }
  // Trimming repeats at every hyphen (pom reference, version order): `1-ga-1` is `1-1`, so a
  // sub-list left holding only its own sub-list is the same as that sub-list.
  while (!isRoot && list.items.length === 1 && list.items[0]!.kind === 'list') list.items = list.items[0]!.items;
}

export function parseMaven(version: string): Item {
  const text = version.trim().toLowerCase();
  const root: Item & { kind: 'list' } = { kind: 'list', items: [] };
  let list = root;
  const stack = [root];
  let isDigit = false;
  let start = 0;
  const parseItem = (digit: boolean, s: string) => (digit ? intItem(s) : stringItem(s, false));
  const push = () => {
    const sub: Item & { kind: 'list' } = { kind: 'list', items: [] };
    list.items.push(sub);
    list = sub;
    stack.push(sub);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '.' || c === '-') {
      if (i === start) list.items.push(intItem('0'));
      else list.items.push(parseItem(isDigit, text.slice(start, i)));
      start = i + 1;
      if (c === '-') push();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        list.items.push(stringItem(text.slice(start, i), true));
        start = i;
        push();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.items.push(parseItem(true, text.slice(start, i)));
        start = i;
        push();
      }
      isDigit = false;
    }
  }
  if (text.length > start) list.items.push(parseItem(isDigit, text.slice(start)));
  while (stack.length > 0) {
    const next = stack.pop()!;
    normalize(next, next === root);
  }
  return root;
}

function compareItem(a: Item, b: Item | undefined): number {
  if (a.kind === 'int') {
    if (b === undefined) return a.value === '0' ? 0 : 1;
    if (b.kind === 'int') return compareDigits(a.value, b.value);
    return 1;
  }
  if (a.kind === 'string') {
    if (b === undefined) return compareText(comparable(a.value), RELEASE_INDEX);
    if (b.kind === 'string') return compareText(comparable(a.value), comparable(b.value));
    return -1;
  }
  if (b === undefined) return a.items.length === 0 ? 0 : compareItem(a.items[0]!, undefined);
  if (b.kind === 'int') return -1;
  if (b.kind === 'string') return 1;
  const n = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < n; i++) {
    const l = a.items[i];
    const r = b.items[i];
    const c = l === undefined ? (r === undefined ? 0 : -compareItem(r, l)) : compareItem(l, r);
    if (c !== 0) return c;
  }
  return 0;
}

export const maven: VersionScheme = {
  id: 'maven',
  title: 'Maven ComparableVersion',
  compare: (a, b) => Math.sign(compareItem(parseMaven(a), parseMaven(b))),
};
