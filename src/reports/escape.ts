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
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Markdown table cell: pipes escaped, line breaks flattened. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Untrusted text inside Markdown prose: HTML is escaped (no raw tags reach a renderer), and the
 * characters that open links, emphasis or code are backslash-escaped, so an SBOM string cannot
 * become a `javascript:` link or markup.
 */
export function escapeMarkdownText(text: string): string {
  return escapeHtml(text)
    .replace(/([\\`*_[\]()#!|~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}
