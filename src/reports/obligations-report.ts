import type { ReleaseObligations } from '../compliance/obligations.js';
import { escapeMarkdownText as md, mdCell } from './escape.js';

export function renderObligationsJson(o: ReleaseObligations): string {
  return JSON.stringify(o, null, 2) + '\n';
}

export function renderObligationsMarkdown(o: ReleaseObligations, title = `Release #${o.releaseId}`): string {
  // Licence and action texts come from the knowledge base (a Hermine import), components from SBOMs:
  // all of it is escaped so that no HTML or link reaches a Markdown renderer.
  const out: string[] = [`# Compliance actions — ${md(title)}`, ''];
  for (const g of o.groups) {
    out.push(`## ${md(g.name)}${g.core ? ' (core)' : ''}`, '');
    if (g.action?.description) out.push(md(g.action.description), '');
    if (g.category) out.push(`Category: ${md(g.category)}`, '');
    out.push(`Triggered by ${g.obligations.map((x) => `${md(x.license)} (“${md(x.name)}”)`).join(', ')}.`, '');
    out.push('| Component | Project | Scope | Exploitation | Modification | Licences |', '|---|---|---|---|---|---|');
    for (const u of g.usages) {
      out.push(
        `| ${mdCell(u.component)} | ${mdCell(u.project || '(root)')} | ${mdCell(u.scope || '(none)')} | ${u.exploitation} | ${u.modification} | ${mdCell(u.licenses.join(', '))} |`,
      );
    }
    out.push('');
  }
  if (o.coreActions.length) {
    out.push(
      '## Core actions no usage triggers',
      '',
      'Included by default in every compliance plan; no licence clause of this release calls for them.',
      '',
    );
    for (const a of o.coreActions)
      out.push(
        `- ${md(a.name)}${a.category ? ` (${md(a.category)})` : ''}${a.description ? `: ${md(a.description)}` : ''}`,
      );
    out.push('');
  }
  if (o.unresolved.length) {
    out.push(
      '## Not yet covered',
      '',
      `${o.unresolved.length} usage(s) are left out until validation establishes their licence and exploitation:`,
      '',
    );
    for (const u of o.unresolved) out.push(`- ${md(u.component)}: ${md(u.reason)}`);
    out.push('');
  }
  for (const a of o.assumptions) out.push(`> ${md(a)}`, '');
  return out.join('\n');
}
