/** Builds indented XML text; element order is the caller's responsibility (XSD sequences are ordered). */
export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private depth = 0;

  open(name: string, attrs: Record<string, string | undefined> = {}): void {
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}>`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.lines.push(`${this.indent()}</${name}>`);
  }

  /** An element holding text; nothing is written when the value is undefined. */
  leaf(name: string, value: string | undefined, attrs: Record<string, string | undefined> = {}): void {
    if (value === undefined) return;
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}>${escapeXml(value)}</${name}>`);
  }

  empty(name: string, attrs: Record<string, string | undefined>): void {
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}/>`);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }

  private indent(): string {
    return '  '.repeat(this.depth);
  }
}

function attributes(attrs: Record<string, string | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out += ` ${k}="${escapeXml(v)}"`;
  return out;
}

// Characters XML 1.0 cannot carry at all (C0 controls other than tab, newline, carriage return).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  return s
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}
