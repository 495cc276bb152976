import type { ReleaseObligations } from '../compliance/obligations.js';
import { escapeMarkdownText as md, mdCell } from './escape.js';
import { joinLines } from '../text/lines.js';

export function renderObligationsJson(o: ReleaseObligations): string {
  return JSON.stringify(o, null, 2) + '\n';
}

export function renderObligationsMarkdown(o: ReleaseObligations, title = `Release #${o.releaseId}`): string {
  return joinLines(obligationsMarkdownLines(o, title));
}

/** The lines of renderObligationsMarkdown, one at a time (a large release's plan is written as it is made). */
export function* obligationsMarkdownLines(o: ReleaseObligations, title = `Release #${o.releaseId}`): Generator<string> {
  // Licence and action texts come from the knowledge base (a Hermine import), components from SBOMs:
  // all of it is escaped so that no HTML or link reaches a Markdown renderer.
  yield* [`# Compliance actions — ${md(title)}`, ''];
  for (const g of o.groups) {
    yield* [`## ${md(g.name)}${g.core ? ' (core)' : ''}`, ''];
    if (g.action?.description) yield* [md(g.action.description), ''];
    if (g.category) yield* [`Category: ${md(g.category)}`, ''];
    yield* [`Triggered by ${g.obligations.map((x) => `${md(x.license)} (“${md(x.name)}”)`).join(', ')}.`, ''];
    yield* ['| Component | Project | Scope | Exploitation | Modification | Licences |', '|---|---|---|---|---|---|'];
    for (const u of g.usages)
      yield `| ${mdCell(u.component)} | ${mdCell(u.project || '(root)')} | ${mdCell(u.scope || '(none)')} | ${u.exploitation} | ${u.modification} | ${mdCell(u.licenses.join(', '))} |`;
    yield '';
  }
  if (o.coreActions.length) {
    yield* [
      '## Core actions no usage triggers',
      '',
      'Included by default in every compliance plan; no licence clause of this release calls for them.',
      '',
    ];
    for (const a of o.coreActions)
      yield `- ${md(a.name)}${a.category ? ` (${md(a.category)})` : ''}${a.description ? `: ${md(a.description)}` : ''}`;
    yield '';
  }
  if (o.unresolved.length) {
    yield* [
      '## Not yet covered',
      '',
      `${o.unresolved.length} usage(s) are left out until validation establishes their licence and exploitation:`,
      '',
    ];
    for (const u of o.unresolved) yield `- ${md(u.component)}: ${md(u.reason)}`;
    yield '';
  }
  for (const a of o.assumptions) yield* [`> ${md(a)}`, ''];
}
