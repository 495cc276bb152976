// purl percent-encoding: everything but the URL "unreserved" characters is encoded, except ':' which
// the spec keeps as is (it can never be mistaken for the scheme separator after the type).
const KEPT = /[A-Za-z0-9.\-_~:]/;
const ALL_KEPT = /^[A-Za-z0-9.\-_~:]*$/;

export function encodePurlPart(text: string): string {
  // Most parts need no escape: the text itself, not a copy built a character at a time.
  if (ALL_KEPT.test(text)) return text;
  let out = '';
  for (const ch of text) {
    if (KEPT.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Decoded text, or undefined when the input holds a broken escape (`%zz`, truncated UTF-8). */
export function decodePurlPart(text: string): string | undefined {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
