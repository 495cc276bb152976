// `vigie cra deadlines`: the Art. 14 clocks of a case, computed without a store.
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { formatUtc, reportingDeadlines, type CaseType, type Deadline } from '../../cra/reporting/index.js';
import { instantOption } from './cra-instant.js';

interface DeadlineFlags {
  type?: string;
  awareAt?: string;
  fixAvailableAt?: string;
  notifiedAt?: string;
  json?: boolean;
}

export function deadlinesJson(deadlines: readonly Deadline[]) {
  return deadlines.map((d) => ({
    stage: d.stage,
    due: d.due === null ? null : formatUtc(d.due),
    legalLatest: d.legalLatest === null ? null : formatUtc(d.legalLatest),
    clause: d.clause,
  }));
}

export function deadlinesText(deadlines: readonly Deadline[]): string {
  return (
    deadlines
      .map((d) =>
        d.due === null
          ? `${d.stage.padEnd(14)} pending: ${d.pending ?? ''}  (${d.clause})`
          : `${d.stage.padEnd(14)} due ${formatUtc(d.due)}  legal latest ${formatUtc(d.legalLatest!)}  (${d.clause})`,
      )
      .join('\n') + '\n'
  );
}

export function registerCraDeadlines(cra: Command, ctx: CommandContext): void {
  cra
    .command('deadlines')
    .description(
      'Art. 14 reporting deadlines in UTC, conservative first, with the legal-latest value (Reg. 1182/71) beside each',
    )
    .requiredOption('--type <type>', 'vulnerability (actively exploited) or incident (severe)')
    .requiredOption('--aware-at <iso>', 'when you became aware, ISO 8601 with Z or an offset')
    .option('--fix-available-at <iso>', 'vulnerability: when a corrective or mitigating measure became available')
    .option('--notified-at <iso>', 'incident: when the incident notification was submitted')
    .option('--json', 'print one JSON document')
    .action((opts: DeadlineFlags) => {
      const type = opts.type as CaseType;
      if (type !== 'vulnerability' && type !== 'incident')
        throw new UsageError(`--type: "${opts.type}" is neither "vulnerability" nor "incident"`);
      const awareAt = instantOption('--aware-at', opts.awareAt!);
      if (opts.fixAvailableAt !== undefined && type !== 'vulnerability')
        throw new UsageError('--fix-available-at applies to --type vulnerability only');
      if (opts.notifiedAt !== undefined && type !== 'incident')
        throw new UsageError(
          '--notified-at applies to --type incident only (a vulnerability final report runs from --fix-available-at)',
        );
      const fixAvailableAt =
        opts.fixAvailableAt === undefined ? undefined : instantOption('--fix-available-at', opts.fixAvailableAt);
      const notifiedAt = opts.notifiedAt === undefined ? undefined : instantOption('--notified-at', opts.notifiedAt);
      if (notifiedAt !== undefined && notifiedAt < awareAt)
        throw new UsageError('--notified-at is before --aware-at: a notification cannot precede awareness');
      const deadlines = reportingDeadlines(type, { awareAt, fixAvailableAt, notifiedAt });
      if (opts.json) printJson(ctx, { deadlines: deadlinesJson(deadlines) });
      else ctx.io.stdout(deadlinesText(deadlines));
    });
}
