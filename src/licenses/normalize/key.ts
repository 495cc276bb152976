// A lookup key for licence names as people write them: case, punctuation, "License"/"Licence",
// "Version", "v2" vs "2.0", "or later" vs "+", and the long GNU family names all fold together, so
// "GNU General Public License, Version 2 or later", "GPLv2+" and "GPL-2.0-or-later" share one key.
// Every table is keyed with this same function, so the folding only has to be consistent.

const FAMILY_NAMES: Array<[RegExp, string]> = [
  [/\b(gnu )?(lesser|library) (gnu )?(general public|gpl)\b|\bgnu lgpl\b/g, 'lgpl'],
  [/\b(gnu )?affero (gnu )?(general public|gpl)\b|\bgnu agpl\b/g, 'agpl'],
  [/\b(gnu )?general public\b|\bgnu gpl\b|\bgnu public\b/g, 'gpl'],
  [/\b(gnu )?free documentation\b|\bgnu fdl\b/g, 'gfdl'],
  [/\bmozilla public\b/g, 'mpl'],
  [/\beclipse public\b/g, 'epl'],
  [/\beclipse distribution\b/g, 'edl'],
  [/\bcommon development and distribution\b/g, 'cddl'],
  [/\bcreative commons\b/g, 'cc'],
  [/\bapache software foundation\b|\bapache software\b/g, 'apache'],
];

const LATER = /\b(or|and) (any )?(later|greater|newer|above|higher)( version| versions)?\b|\+/g;
const STOP_WORDS = new Set([
  'license',
  'licence',
  'licenses',
  'licences',
  'licensed',
  'the',
  'version',
  'ver',
  'v',
  'lic',
]);

export function licenseKey(text: string): string {
  let k = text.toLowerCase();
  k = k.replace(/[^a-z0-9.+]+/g, ' ');
  k = k.replace(LATER, ' + ');
  // "gplv2" / "v2" / "v.2": drop the version marker before digits.
  k = k.replace(/([a-z]{2,})v(?=\d)/g, '$1 ').replace(/\bv\.? ?(?=\d)/g, '');
  k = k.replace(/([a-z])(?=\d)/g, '$1 ');
  // Dots that are not inside a number are punctuation; "2.0" and "2" are the same version.
  k = k.replace(/(?<!\d)\.|\.(?!\d)/g, ' ').replace(/(\d)(\.0)+(?![.\d])/g, '$1');
  for (const [pattern, family] of FAMILY_NAMES) k = k.replace(pattern, family);
  const words: string[] = [];
  for (const w of k.split(' ')) {
    if (w === '' || STOP_WORDS.has(w) || w === words[words.length - 1]) continue;
    words.push(w);
  }
  return words.join(' ');
}
