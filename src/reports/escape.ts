/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Text for XML content and attributes. Characters XML 1.0 cannot hold at all (most C0 controls,
 * lone surrogates, U+FFFE/FFFF) are replaced with U+FFFD, since no escape makes them legal.
 */
export function escapeXml(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; quotes doubled. A text
 * that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a CR: OWASP's "CSV
 * injection") gets a leading apostrophe, so a component named `=HYPERLINK(…)` stays text.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Markdown table cell: untrusted text escaped as in prose (pipes included), line breaks flattened. */
export function mdCell(text: string): string {
  return escapeMarkdownText(text);
}

/**
 * A link target for Markdown and HTML: only an absolute http(s) URL without spaces or angle brackets
 * is kept; anything else (`javascript:`, `data:`, relative paths) is not linked.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s<>"'`]+$/i.test(url)) return null;
  return url;
}

/**
 * Untrusted text inside Markdown prose: HTML is escaped (no raw tags reach a renderer), and the
 * characters that open links, emphasis or code are backslash-escaped, so an SBOM string cannot
 * become a `javascript:` link or markup.
 */
export function escapeMarkdownText(text: string): string {
  // The apostrophe opens nothing in Markdown, and its HTML entity (&#39;) would have its '#' escaped
  // below, leaving "&\#39;" printed as is: "Copyright O'Reilly" must read as written.
  return text
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    .replace(/([\\`*_[\]()#!|~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}
