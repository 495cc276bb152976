/**
 * The copyright statements of an installed package's licence file (issue 8 item 10: the NOTICE
 * shows them when the SBOM has none). Pure: the caller reads the file. A statement is a line that
 * starts with "Copyright", "(c)" or "©" and names a year or a holder; the licence body's own
 * sentences ("the above copyright notice…", "Copyright holders and contributors…"), template
 * placeholders ("Copyright (c) <year> <owner>") and the licence text's own notice (the FSF's, when
 * a COPYING file is the GPL) are not statements.
 */
const STATEMENT = /^\s*(?:copyright\b|\(c\)|©)/i;
const NOT_A_STATEMENT =
  /<year>|\[yyyy\]|\[year\]|<owner>|<name of author>|free software foundation|<copyright holders?>|\[name of copyright owner\]|copyright (?:notice|holders?\s*$|holders? (?:and|or|be|shall|of)\b|owner|law|and license|licen[cs]e)|\bbe liable\b|is copyrighted|copyright (?:statement|claim)s?\b/i;
const MAX_STATEMENTS = 20;
const MAX_LENGTH = 300;

export function copyrightStatements(licenseText: string): string[] {
  const found: string[] = [];
  for (const raw of licenseText.split(/\r?\n/)) {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (!STATEMENT.test(line) || NOT_A_STATEMENT.test(line) || line.length > MAX_LENGTH) continue;
    // "(c)" also numbers a licence's paragraphs: it starts a statement only with a year.
    if (/^\(c\)/i.test(line) && !/\b(?:19|20)\d\d\b/.test(line)) continue;
    // "Copyright" alone, or with only punctuation after it, names nobody.
    if (!/(?:\d{4}|[A-Za-z]{2,}.*[A-Za-z]{2,})/.test(line.replace(/^\s*(?:copyright|\(c\)|©)\s*(?:\(c\)|©)?/i, '')))
      continue;
    if (!found.includes(line)) found.push(line);
    if (found.length === MAX_STATEMENTS) break;
  }
  return found;
}
