import { Command, Option } from 'commander';
import type { CommandContext } from '../context.js';
import { printJson } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { choices, parseExpression } from '../../licenses/expression/index.js';
import {
  EXPLOITATIONS,
  LINKINGS,
  MODIFICATIONS,
  findLicense,
  obligationsOfLicense,
  policyFor,
  type Exploitation,
  type KnowledgeBase,
  type Linking,
  type Modification,
} from '../../licenses/kb/index.js';
import { triggerObligations } from '../../licenses/obligations/index.js';
import { loadKb } from './kb-source.js';

/** The `license` command, whoever registered it first. */
function licenseCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'license') ??
    program.command('license').description('SPDX licence expressions and the licence knowledge base')
  );
}

/** The KB entry for one licence of an expression: the full "X WITH Y" first, then X without "+". */
function kbIdFor(kb: KnowledgeBase, leaf: string): string | undefined {
  const withoutPlus = leaf.replace(/\+(?= WITH |$)/, '');
  const base = withoutPlus.split(' WITH ')[0];
  return (findLicense(kb, leaf) ?? findLicense(kb, withoutPlus) ?? findLicense(kb, base))?.id;
}

export function registerLicenseKb(program: Command, ctx: CommandContext): void {
  const license = licenseCommand(program);

  license
    .command('show')
    .description('facts, policy, obligations and text availability of one licence')
    .argument('<id>', 'SPDX licence id (any case)')
    .option('--kb <path>', 'knowledge base: Hermine directory, shared.json or stored KB (default: built-in)')
    .option('--json', 'print one JSON document')
    .action((id: string, opts: { kb?: string; json?: boolean }) => {
      const { kb, policies, source } = loadKb(ctx, opts.kb);
      const facts = findLicense(kb, id);
      if (!facts) throw new UsageError(`unknown licence '${id}': not in the ${source} knowledge base`);
      const policy = policyFor({ entries: policies }, facts.id);
      const obligations = obligationsOfLicense(kb, facts.id);
      const text = { inKnowledgeBase: facts.text !== null, reference: facts.url };
      if (opts.json) return printJson(ctx, { license: facts, policy, obligations, text, source });
      const lines = [
        `${facts.id}: ${facts.name}`,
        `  copyleft: ${facts.copyleft ?? 'unknown'}   FOSS: ${facts.foss ?? 'unknown'}   OSI: ${yesNo(facts.osiApproved)}   FSF: ${yesNo(facts.fsfApproved)}`,
        `  patent grant: ${yesNo(facts.patentGrant)}   anti-tivoisation: ${yesNo(facts.antiTivoisation)}   non-commercial: ${yesNo(facts.nonCommercial)}   ethical clause: ${yesNo(facts.ethicalClause)}`,
        `  law: ${facts.law ?? '-'}   venue: ${facts.venue ?? '-'}   steward: ${facts.steward ?? '-'}`,
        `  policy: ${policy.allowed} (review: ${policy.reviewStatus})`,
        `  text: ${text.inKnowledgeBase ? 'in the knowledge base' : 'not in the knowledge base'}${facts.url ? `; reference ${facts.url}` : ''}`,
        `  obligations (${obligations.length}):`,
        ...obligations.map(
          (o) =>
            `    [${o.passivity === 'dont' ? "DON'T" : 'DO'}] ${o.name} — on ${o.exploitation ?? 'any exploitation'}, ${o.modification ?? 'either'}${o.action ? ` → ${o.action}` : ''}`,
        ),
      ];
      ctx.io.stdout(lines.join('\n') + '\n');
    });

  license
    .command('obligations')
    .description('obligations and compliance actions an expression triggers for a usage (one list per OR choice)')
    .argument('<expr>', 'SPDX licence expression')
    .addOption(
      new Option('--exploitation <e>', 'how the component is exploited')
        .choices([...EXPLOITATIONS])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--modification <m>', 'whether the component is modified')
        .choices([...MODIFICATIONS])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--linking <l>', 'how it is linked (recorded; does not change obligations)').choices([...LINKINGS]),
    )
    .option('--kb <path>', 'knowledge base: Hermine directory, shared.json or stored KB (default: built-in)')
    .option('--json', 'print one JSON document')
    .action(
      (
        expr: string,
        opts: {
          exploitation: Exploitation;
          modification: Modification;
          linking?: Linking;
          kb?: string;
          json?: boolean;
        },
      ) => {
        const parsed = parseExpression(expr);
        if (!parsed.expression)
          throw new UsageError(`invalid licence expression: ${parsed.syntaxError?.message ?? 'cannot parse'}`);
        const { kb, source } = loadKb(ctx, opts.kb);
        const context = { exploitation: opts.exploitation, modification: opts.modification, linking: opts.linking };
        const unknown = new Set<string>();
        const alternatives = choices(parsed.expression).map((licenses) => {
          const obligations = licenses.flatMap((leaf) => {
            const id = kbIdFor(kb, leaf);
            if (!id) unknown.add(leaf);
            return id ? obligationsOfLicense(kb, id) : [];
          });
          const triggered = triggerObligations(context, obligations, kb.actions);
          return {
            licenses,
            obligations: triggered.obligations,
            actions: triggered.actions,
            unknownActions: triggered.unknownActions,
          };
        });
        const result = {
          expression: expr,
          context,
          source,
          choiceNeeded: alternatives.length > 1,
          choices: alternatives,
          unknownLicenses: [...unknown],
        };
        if (unknown.size) ctx.setExit(EXIT.findings);
        if (opts.json) return printJson(ctx, result);
        const out: string[] = [];
        if (result.choiceNeeded) out.push(`${expr} offers ${alternatives.length} choices; obligations per choice:`);
        for (const alt of alternatives) {
          out.push(
            `${alt.licenses.join(' AND ') || '(no licence)'}: ${alt.obligations.length} obligation(s), ${alt.actions.length + alt.unknownActions.length} compliance action(s)`,
          );
          for (const o of alt.obligations)
            out.push(
              `  [${o.passivity === 'dont' ? "DON'T" : 'DO'}] ${o.license}: ${o.name}${o.action ? ` → ${o.action}` : ''}`,
            );
        }
        ctx.io.stdout(out.join('\n') + '\n');
        for (const id of unknown)
          ctx.io.stderr(
            `vigie: warning: '${id}' is not in the ${source} knowledge base: its obligations are unknown\n`,
          );
      },
    );
}

function yesNo(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}
