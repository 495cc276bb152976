// One small document model rendered to Markdown and to HTML, so both carry the same content and
// every recorded value goes through the one escaping of text-escape.ts. A value that the record
// lacks is a `missing` item: it prints as MISSING with its label and the field to fill.
import { escapeHtml, escapeMarkdown, escapeMarkdownBlock } from './text-escape.js';

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'fact'; label: string; value: string; clause?: string }
  | { kind: 'missing'; label: string; field: string; clause?: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

export interface Section {
  heading: string;
  clause?: string;
  blocks: Block[];
}

export interface Document {
  title: string;
  /** Under the title: the regulation and the date of issue. */
  subtitle: string;
  sections: Section[];
}

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

/** A fact from the record, or a named MISSING when it is absent. */
export function factOrMissing(label: string, value: string | null | undefined, field: string, clause?: string): Block {
  return value?.trim()
    ? { kind: 'fact', label, value: value.trim(), clause }
    : { kind: 'missing', label, field, clause };
}

/** Fields the document lacks, in order. */
export function missingFields(doc: Document): string[] {
  return doc.sections.flatMap((s) =>
    s.blocks.filter((b): b is Extract<Block, { kind: 'missing' }> => b.kind === 'missing').map((b) => b.field),
  );
}

const clauseMd = (clause?: string) => (clause ? ` _\\[${escapeMarkdown(clause)}\\]_` : '');
const clauseHtml = (clause?: string) => (clause ? ` <small class="clause">[${escapeHtml(clause)}]</small>` : '');

function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return escapeMarkdownBlock(b.text);
    case 'fact':
      return `**${escapeMarkdown(b.label)}**${clauseMd(b.clause)}:  \n${escapeMarkdownBlock(b.value)}`;
    case 'missing':
      return `**${escapeMarkdown(b.label)}**${clauseMd(b.clause)}:  \n**MISSING** (record field \`${b.field.replace(/`/g, '')}\`)`;
    case 'list':
      return b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
    case 'table':
      return [
        `| ${b.head.map(escapeMarkdown).join(' | ')} |`,
        `|${b.head.map(() => '---').join('|')}|`,
        ...b.rows.map((r) => `| ${r.map(escapeMarkdown).join(' | ')} |`),
      ].join('\n');
  }
}

export function renderMarkdown(doc: Document): string {
  const out = [`# ${escapeMarkdown(doc.title)}`, '', escapeMarkdown(doc.subtitle)];
  for (const s of doc.sections) {
    out.push('', `## ${escapeMarkdown(s.heading)}${clauseMd(s.clause)}`);
    for (const b of s.blocks) out.push('', blockMarkdown(b));
  }
  return out.join('\n') + '\n';
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text).replace(/\r?\n/g, '<br>')}</p>`;
    case 'fact':
      return `<p><strong>${escapeHtml(b.label)}</strong>${clauseHtml(b.clause)}:<br>${escapeHtml(b.value).replace(/\r?\n/g, '<br>')}</p>`;
    case 'missing':
      return `<p class="missing"><strong>${escapeHtml(b.label)}</strong>${clauseHtml(b.clause)}:<br><strong>MISSING</strong> (record field <code>${escapeHtml(b.field)}</code>)</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }
}

export function renderHtml(doc: Document): string {
  const body = doc.sections
    .map(
      (s) =>
        `<section><h2>${escapeHtml(s.heading)}${clauseHtml(s.clause)}</h2>\n${s.blocks.map(blockHtml).join('\n')}</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head>\n<body><h1>${escapeHtml(doc.title)}</h1>\n<p>${escapeHtml(doc.subtitle)}</p>\n${body}\n</body></html>\n`;
}
