/**
 * A deliberately conservative test: is this licence string surely a valid SPDX expression? It only
 * says yes for expressions built from the licence ids that make up nearly all of npm, so a
 * false "yes" cannot happen; anything else stays a raw statement for the licence engine
 * (src/licenses) to normalise later with its full parser and curations.
 */
const COMMON_NPM_LICENSE_IDS = new Set([
  '0BSD',
  'AFL-2.1',
  'AFL-3.0',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
  'Apache-2.0',
  'Artistic-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'BSL-1.0',
  'CC0-1.0',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'EPL-1.0',
  'EPL-2.0',
  'GPL-2.0-only',
  'GPL-2.0-or-later',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'ISC',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'MIT',
  'MIT-0',
  'MPL-1.1',
  'MPL-2.0',
  'ODC-By-1.0',
  'OFL-1.1',
  'Python-2.0',
  'Unicode-3.0',
  'Unicode-DFS-2016',
  'Unlicense',
  'W3C',
  'WTFPL',
  'Zlib',
]);

// Lockfiles repeat the same few licence strings thousands of times.
const verdicts = new Map<string, boolean>();

export function isSurelySpdxExpression(text: string): boolean {
  let verdict = verdicts.get(text);
  if (verdict === undefined) {
    verdict = check(text);
    if (verdicts.size < 10_000) verdicts.set(text, verdict);
  }
  return verdict;
}

function check(text: string): boolean {
  const tokens = text.match(/\(|\)|[^\s()]+/g);
  if (!tokens) return false;
  let position = 0;
  // expression := term ((AND|OR) term)* ; term := id | '(' expression ')'
  const term = (): boolean => {
    const token = tokens[position++];
    if (token === '(') return expression() && tokens[position++] === ')';
    return token !== undefined && COMMON_NPM_LICENSE_IDS.has(token);
  };
  const expression = (): boolean => {
    if (!term()) return false;
    while (tokens[position] === 'AND' || tokens[position] === 'OR') {
      position++;
      if (!term()) return false;
    }
    return true;
  };
  return expression() && position === tokens.length;
}
