import { issue, type Issue } from '../../../model/index.js';
import { UnreadableDocumentError } from '../../format.js';

/** One `Tag: value` of a tag-value document; `line` is where the tag starts (1-based). */
export interface TagLine {
  tag: string;
  value: string;
  line: number;
}

const TAG = /^([A-Za-z][A-Za-z0-9]*)\s*:\s?(.*)$/;
const TEXT_OPEN = '<text>';
const TEXT_CLOSE = '</text>';

/**
 * Splits a tag-value document into tags. Blank lines and `#` comments are skipped; a value that
 * starts with `<text>` runs, across lines if need be, to the next `</text>` and is kept verbatim.
 * A `<text>` that never closes makes the document unreadable; a line that is not `Tag: value` is
 * reported and skipped.
 */
export function splitTagLines(text: string, issues: Issue[]): TagLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out: TagLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = TAG.exec(trimmed);
    if (!m) {
      issues.push(issue('warning', 'unparsable-line', `line is not "Tag: value": ${trimmed.slice(0, 60)}`, { line: i + 1 }));
      continue;
    }
    const tag = m[1]!;
    let value = m[2]!.trim();
    const line = i + 1;
    if (value.startsWith(TEXT_OPEN)) {
      let body = m[2]!.trimStart().slice(TEXT_OPEN.length);
      let close = body.indexOf(TEXT_CLOSE);
      while (close < 0 && i + 1 < lines.length) {
        i++;
        body += `\n${lines[i]!}`;
        close = body.indexOf(TEXT_CLOSE);
      }
      if (close < 0) {
        throw new UnreadableDocumentError(`tag-value line ${line}: ${tag} opens <text> that never closes`, line);
      }
      value = body.slice(0, close);
    }
    out.push({ tag, value, line });
  }
  return out;
}
