// `vigie cra case open|update|list|show`: Art. 14 reporting cases in the store.
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { listOption, withStore, withStoreOptions, choiceOf, type StoreFlags } from './with-store.js';
import {
  listReportingCases,
  openReportingCase,
  reportingCaseView,
  updateReportingCase,
  type ReportingCaseChanges,
  type ReportingCaseView,
} from '../../services/index.js';
import { FORM_STAGES, formatTimeLeft, formatUtc, type FormStage } from '../../cra/reporting/index.js';
import { deadlinesJson } from './cra-deadlines.js';
import { caseAdvisory, reportingCaseProposals } from '../../services/index.js';
import { writeOutput } from '../write-output.js';

/** `--fact key=value` (repeatable); an empty value removes the fact. */
function factOption(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new UsageError(`--fact: "${value}" is not key=value`);
  return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1) };
}

function caseId(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`case id must be a number, not "${value}"`);
  return Number(value);
}

function viewJson(view: ReportingCaseView) {
  return {
    case: { ...view.case, productName: view.productName },
    deadlines: deadlinesJson(view.deadlines).map((d, i) => ({
      ...d,
      state: view.deadlines[i]!.state,
      submittedAt: view.deadlines[i]!.submittedAt,
    })),
    forms: view.forms.map((f) => ({ stage: f.stage, missing: f.missing, text: f.text })),
  };
}

function viewText(view: ReportingCaseView, stages: readonly FormStage[]): string {
  const c = view.case;
  const lines = [
    `case #${c.id} [${c.status}] ${c.type}: ${c.title}${c.vulnerabilityId ? ` (${c.vulnerabilityId})` : ''}`,
    `product ${view.productName}; aware ${c.awareAt}${c.memberStates.length ? `; Member States ${c.memberStates.join(', ')}` : ''}`,
  ];
  for (const d of view.deadlines) {
    const when =
      d.state === 'submitted'
        ? `submitted ${d.submittedAt}`
        : d.due === null
          ? `pending: ${d.pending}`
          : `due ${formatUtc(d.due)} (${formatTimeLeft(d.msLeft!)}; legal latest ${formatUtc(d.legalLatest!)})`;
    lines.push(
      `  ${d.state === 'overdue' || d.state === 'due-soon' ? '!' : ' '} ${d.stage.padEnd(14)} ${when}  ${d.clause}`,
    );
  }
  for (const form of view.forms.filter((f) => stages.includes(f.stage))) lines.push('', form.text.trimEnd());
  return lines.join('\n') + '\n';
}

interface CaseFlags extends StoreFlags {
  type?: string;
  title?: string;
  awareAt?: string;
  vulnerability?: string;
  fixAvailableAt?: string;
  earlyWarningSentAt?: string;
  notificationSentAt?: string;
  finalReportSentAt?: string;
  memberStates?: string[];
  fact?: Record<string, string>;
  by?: string;
  close?: boolean;
  reopen?: boolean;
  product?: string;
  stage?: string;
}

export function registerCraCase(cra: Command, ctx: CommandContext): void {
  const cases = cra
    .command('case')
    .description('Art. 14 reporting cases: actively exploited vulnerabilities and severe incidents (stored; see --db)');

  withStoreOptions(cases.command('open <product>').description('open a case for a product'))
    .requiredOption('--type <type>', 'vulnerability (actively exploited) or incident (severe)')
    .requiredOption('--title <text>', 'short description')
    .requiredOption('--aware-at <iso>', 'when you became aware, ISO 8601 with Z or an offset')
    .option('--vulnerability <id>', 'CVE, GHSA or EUVD id')
    .option('--fix-available-at <iso>', 'when a corrective or mitigating measure became available')
    .option('--member-states <codes>', 'Member States concerned (comma-separated or repeated)', listOption)
    .option('--fact <key=value>', 'a form element (repeatable), e.g. exploitNature=…', factOption)
    .option('--by <name>', 'who opens the case')
    .action((product: string, opts: CaseFlags) =>
      withStore(ctx, opts, async (store) => {
        const opened = await openReportingCase(store, {
          product,
          type: opts.type!,
          title: opts.title!,
          awareAt: opts.awareAt!,
          vulnerabilityId: opts.vulnerability,
          fixAvailableAt: opts.fixAvailableAt,
          memberStates: opts.memberStates,
          facts: opts.fact,
          createdBy: opts.by,
        });
        if (opts.json) printJson(ctx, opened);
        else
          ctx.io.stdout(
            `opened case #${opened.id} (${opened.type}) for ${product}; see \`vigie cra case show ${opened.id}\`\n`,
          );
      }),
    );

  withStoreOptions(
    cases.command('update <id>').description('record submissions, the fix, Member States and form elements'),
  )
    .option('--title <text>')
    .option('--vulnerability <id>')
    .option('--fix-available-at <iso>')
    .option('--early-warning-sent-at <iso>', 'when the early warning was submitted')
    .option(
      '--notification-sent-at <iso>',
      'when the notification was submitted (starts the incident final-report clock)',
    )
    .option('--final-report-sent-at <iso>', 'when the final report was submitted')
    .option('--member-states <codes>', 'replaces the list', listOption)
    .option('--fact <key=value>', 'a form element (repeatable); an empty value removes it', factOption)
    .option('--by <name>', 'who records the change (evidence log)')
    .option('--close', 'close the case')
    .option('--reopen', 'reopen the case')
    .action((id: string, opts: CaseFlags) =>
      withStore(ctx, opts, async (store) => {
        if (opts.close && opts.reopen) throw new UsageError('--close and --reopen exclude each other');
        const changes: ReportingCaseChanges = {
          title: opts.title,
          vulnerabilityId: opts.vulnerability,
          fixAvailableAt: opts.fixAvailableAt,
          earlyWarningSubmittedAt: opts.earlyWarningSentAt,
          notificationSubmittedAt: opts.notificationSentAt,
          finalReportSubmittedAt: opts.finalReportSentAt,
          memberStates: opts.memberStates,
          facts: opts.fact,
          status: opts.close ? 'closed' : opts.reopen ? 'open' : undefined,
          by: opts.by ?? 'cli',
        };
        const updated = await updateReportingCase(store, caseId(id), changes);
        if (opts.json) printJson(ctx, updated);
        else ctx.io.stdout(`updated case #${updated.id}\n`);
      }),
    );

  withStoreOptions(cases.command('list').description('cases, most recent awareness first'))
    .option('--product <name>')
    .action((opts: CaseFlags) =>
      withStore(ctx, opts, async (store) => {
        const list = await listReportingCases(store, opts.product);
        if (opts.json) printJson(ctx, list);
        else
          for (const c of list)
            ctx.io.stdout(
              `#${c.id}  ${c.status.padEnd(6)}  ${c.type.padEnd(13)}  ${c.awareAt}  ${c.productName}: ${c.title}\n`,
            );
      }),
    );

  withStoreOptions(
    cases.command('show <id>').description('a case with its clocks (time left) and the form-ready text of each stage'),
  )
    .option('--stage <stage>', `one form only: ${FORM_STAGES.join(', ')}`)
    .action((id: string, opts: CaseFlags) =>
      withStore(ctx, opts, async (store) => {
        const stage = choiceOf(opts.stage, FORM_STAGES, '--stage');
        const view = await reportingCaseView(store, caseId(id));
        if (opts.json) printJson(ctx, viewJson(view));
        else ctx.io.stdout(viewText(view, stage ? [stage] : FORM_STAGES));
      }),
    );

  withStoreOptions(
    cases
      .command('advisory <id>')
      .description(
        'the Art. 14(8) user notification as a CSAF 2.0 security advisory (file named per CSAF §5.1); missing inputs are named',
      ),
  )
    .option('--out <file>', 'write to this file (default stdout)')
    .action((id: string, opts: CaseFlags & { out?: string }) =>
      withStore(ctx, opts, async (store) => {
        const advisory = await caseAdvisory(store, caseId(id));
        await writeOutput(ctx, JSON.stringify(advisory.document, null, 2), opts.out);
        if (opts.out) ctx.io.stderr(`CSAF file name: ${advisory.fileName}\n`);
      }),
    );

  withStoreOptions(
    cases
      .command('proposals')
      .description(
        'KEV-listed vulnerabilities in published releases with no not_affected analysis and no case yet: candidates for an Art. 14 case',
      ),
  ).action((opts: CaseFlags) =>
    withStore(ctx, opts, async (store) => {
      const proposals = await reportingCaseProposals(store);
      if (opts.json) printJson(ctx, proposals);
      else if (proposals.length === 0)
        ctx.io.stdout('no proposal: no KEV-listed vulnerability in a published release lacks an analysis or a case\n');
      else
        for (const p of proposals)
          ctx.io.stdout(`${p.product} ${p.release}  ${p.vulnerability}  ${p.component}\n  ${p.reason}\n`);
    }),
  );
}
