// The Annex I essential requirements matrix as a document (CRA Art. 13(1), Annex VII (3), (5)).
import { ANNEX_I_REQUIREMENTS, emptyEntry } from '../record/annex-i.js';
import { paragraph, type Document } from './document.js';
import { productLine, type DocumentContext } from './context.js';

export function annexIMatrix(ctx: DocumentContext): Document {
  const computed = new Map((ctx.computed ?? []).map((c) => [c.requirement as string, c]));
  const rows = ANNEX_I_REQUIREMENTS.map((r) => {
    const c = computed.get(r.id);
    if (c)
      return [
        r.id,
        r.title,
        `${c.status} (computed${c.release ? ` for release ${c.release.number}` : ''})`,
        c.findings.map((f) => `${f.vulnerability} in ${f.component}`).join(' ; '),
        c.reasons.join(' '),
      ];
    const e = ctx.record.annexI[r.id] ?? emptyEntry();
    return [r.id, r.title, e.status, e.evidence.join(' ; '), e.note ?? ''];
  });
  const m = ctx.assessment.matrix;
  return {
    title: `Annex I essential requirements: ${productLine(ctx)}`,
    subtitle: `Regulation (EU) 2024/2847, Annex I Parts I and II. Issued ${ctx.date}.`,
    sections: [
      {
        heading: 'Status',
        blocks: [
          paragraph(
            `${m.settled} of ${m.total} requirements settled (${m.byStatus.met} met, ${m.byStatus['not-applicable']} not applicable); open: ${m.open.length ? m.open.join(', ') : 'none'}.`,
          ),
          { kind: 'table', head: ['Requirement', 'Title', 'Status', 'Evidence', 'Note'], rows },
        ],
      },
    ],
  };
}
