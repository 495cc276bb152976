import type { ReleaseObligations } from '../compliance/obligations.js';
import { mdCell } from './escape.js';

export function renderObligationsJson(o: ReleaseObligations): string {
  return JSON.stringify(o, null, 2) + '\n';
}

export function renderObligationsMarkdown(o: ReleaseObligations, title = `Release #${o.releaseId}`): string {
  const out: string[] = [`# Compliance actions — ${title}`, ''];
  for (const g of o.groups) {
    out.push(`## ${g.name}${g.core ? ' (core)' : ''}`, '');
    if (g.action?.description) out.push(g.action.description, '');
    if (g.category) out.push(`Category: ${g.category}`, '');
    if (!g.triggered) {
      out.push('Included by default (core action); no usage triggers it through a licence clause.', '');
      continue;
    }
    out.push(`Triggered by ${g.obligations.map((x) => `${x.license} (“${x.name}”)`).join(', ')}.`, '');
    out.push('| Component | Project | Scope | Exploitation | Modification | Licences |', '|---|---|---|---|---|---|');
    for (const u of g.usages) {
      out.push(`| ${mdCell(u.component)} | ${mdCell(u.project || '(root)')} | ${mdCell(u.scope || '(none)')} | ${u.exploitation} | ${u.modification} | ${mdCell(u.licenses.join(', '))} |`);
    }
    out.push('');
  }
  if (o.unresolved.length) {
    out.push('## Not yet covered', '', `${o.unresolved.length} usage(s) are left out until validation establishes their licence and exploitation:`, '');
    for (const u of o.unresolved) out.push(`- ${u.component}: ${u.reason}`);
    out.push('');
  }
  for (const a of o.assumptions) out.push(`> ${a}`, '');
  return out.join('\n');
}
