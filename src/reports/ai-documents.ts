// Markdown renderings of the AI Act documents (Annex XII information, training-content summary).
// Every string from the SBOM is escaped: a model card is untrusted input.
import type { AnnexXii } from '../ai/annex-xii.js';
import type { TrainingSummary } from '../ai/training-summary.js';
import { escapeMarkdownText as md } from './escape.js';

export function renderAnnexXiiMarkdown(doc: AnnexXii): string {
  const out = [
    `# Information for downstream providers: ${md(doc.model)}`,
    '',
    'AI Act Art. 53(1)(b) and Annex XII, from the SBOM. Items marked MISSING have no answer in it.',
    '',
  ];
  for (const item of doc.items) {
    out.push(`## ${item.id} ${md(item.title)}${item.present ? '' : ' — MISSING'}`, '');
    for (const a of item.answers) out.push(`- ${md(a)}`);
    if (!item.present) out.push(`- fill in: ${item.sources.map(md).join('; ')}`);
    out.push('');
  }
  out.push(
    doc.missing.length === 0 ? 'Every Annex XII item is answered.' : `Missing items: ${doc.missing.join(', ')}.`,
    '',
  );
  return out.join('\n');
}

export function renderTrainingSummaryMarkdown(doc: TrainingSummary): string {
  const out = [
    `# Public summary of training content: ${md(doc.model)}`,
    '',
    'AI Act Art. 53(1)(d), sections of the AI Office template. Inputs the SBOM does not hold are listed as missing.',
    '',
  ];
  for (const s of doc.sections) {
    out.push(`## ${s.id} ${md(s.title)}`, '');
    for (const line of s.lines) out.push(`- ${md(line)}`);
    for (const m of s.missing) out.push(`- MISSING: ${md(m)}`);
    out.push('');
  }
  out.push(doc.missing.length === 0 ? 'No input is missing.' : `${doc.missing.length} inputs missing.`, '');
  return out.join('\n');
}
