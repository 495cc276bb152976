// Escaping of recorded text in generated documents: what a user typed must print as text, never as
// Markdown syntax or HTML markup (a product called "<script>" or "*Foo*" stays exactly that).

// Characters with an inline meaning; list and heading markers matter only at the start of a line.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]#!|<>~]/g;
const LINE_START_MARKER = /^(\s*)([-+=]|\d+(?=[.)]))/;

/** Inline Markdown text: every character with a Markdown meaning backslash-escaped, `&` as an entity, line breaks folded. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, '&amp;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/\n+/g, ' ')
    .replace(
      LINE_START_MARKER,
      (_m, space: string, marker: string) => `${space}${/^\d/.test(marker) ? `${marker}\\` : `\\${marker}`}`,
    );
}

/** A Markdown paragraph block: escaped line by line, line breaks kept as hard breaks. */
export function escapeMarkdownBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => escapeMarkdown(line))
    .join('  \n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
