import { issue, type Issue } from '../../../model/index.js';

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
 * A line that is not `Tag: value` is reported and skipped.
 *
 * A `<text>` that never closes (a licence text pasted into PackageCopyrightText, seen in published
 * SBOMs) would swallow the rest of the document, or everything up to the next field's `</text>`. It
 * is recognised when no `</text>` follows, or when a line opening another known tag's `<text>` comes
 * first; the text then ends before the next line that starts a known tag, and an error Issue names
 * the line, so one broken field does not lose the packages after it (issue 13 item 2).
 */
export function splitTagLines(text: string, issues: Issue[], isKnownTag: (tag: string) => boolean): TagLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const knownTagOf = (raw: string): string | undefined => {
    const m = TAG.exec(raw.trim());
    return m && isKnownTag(m[1]!) ? m[1] : undefined;
  };
  const opensKnownText = (raw: string) => {
    const m = TAG.exec(raw.trim());
    return m !== null && isKnownTag(m[1]!) && m[2]!.trim().startsWith(TEXT_OPEN);
  };
  const out: TagLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = TAG.exec(trimmed);
    if (!m) {
      issues.push(
        issue('warning', 'unparsable-line', `line is not "Tag: value": ${trimmed.slice(0, 60)}`, { line: i + 1 }),
      );
      continue;
    }
    const tag = m[1]!;
    let value = m[2]!.trim();
    const line = i + 1;
    if (value.startsWith(TEXT_OPEN)) {
      const first = m[2]!.trimStart().slice(TEXT_OPEN.length);
      let body = first;
      let close = body.indexOf(TEXT_CLOSE);
      let j = i;
      while (close < 0 && j + 1 < lines.length && !opensKnownText(lines[j + 1]!)) {
        j++;
        body += `\n${lines[j]!}`;
        close = body.indexOf(TEXT_CLOSE);
      }
      if (close >= 0) {
        i = j;
        value = body.slice(0, close);
      } else {
        let end = i + 1;
        while (end < lines.length && knownTagOf(lines[end]!) === undefined) end++;
        value = [first, ...lines.slice(i + 1, end)].join('\n').trimEnd();
        const rest =
          end < lines.length
            ? `up to line ${end}, before the next tag (${knownTagOf(lines[end]!)})`
            : 'to the end of the document';
        issues.push(
          issue(
            'error',
            'unterminated-text',
            `line ${line}: ${tag} opens <text> that never closes; its text is read ${rest}`,
            { line, field: tag },
          ),
        );
        i = end - 1;
      }
    }
    out.push({ tag, value, line });
  }
  return out;
}
