// `vigie ai summary|annex-xii <sbom>`: the AI Act documents of a model described by an SBOM
// (CycloneDX ML-BOM or SPDX 3 AI profile): the public summary of training content (Art. 53(1)(d))
// and the information for downstream providers (Art. 53(1)(b), Annex XII). Works on files.
import type { Command } from 'commander';
import { annexXii } from '../../ai/annex-xii.js';
import { ModelNotFoundError, modelView, selectModel } from '../../ai/model-view.js';
import { trainingSummary, type SummaryInputs } from '../../ai/training-summary.js';
import { renderAnnexXiiMarkdown, renderTrainingSummaryMarkdown } from '../../reports/ai-documents.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { loadSbom } from '../load-sbom.js';
import { writeOutput } from '../write-output.js';

interface DocumentFlags {
  model?: string;
  format?: string;
  output?: string;
  maxSize?: string;
}

interface SummaryFlags extends DocumentFlags {
  provider?: string;
  contact?: string;
  representative?: string;
  summaryVersion?: string;
  updated?: string;
  placedOnMarket?: string;
  knowledgeCutoff?: string;
  tdmMeasures?: string;
  illegalContentMeasures?: string;
  topDomains?: string;
}

const FORMATS = ['md', 'json'] as const;

function formatOf(value: string | undefined): (typeof FORMATS)[number] {
  const format = value ?? 'md';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format: "${format}" is not one of ${FORMATS.join(', ')}`);
  return format as (typeof FORMATS)[number];
}

async function viewOf(file: string, ctx: CommandContext, opts: DocumentFlags) {
  const { sbom } = await loadSbom(file, ctx.io.cwd, opts);
  try {
    return modelView(sbom, selectModel(sbom, opts.model));
  } catch (err) {
    if (err instanceof ModelNotFoundError) throw new UsageError(`${file}: ${err.message}`);
    throw err;
  }
}

function common(command: Command): Command {
  return command
    .option('--model <name|ref>', 'the model to describe when the SBOM has several')
    .option('--format <format>', FORMATS.join(' or '), 'md')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--max-size <size>', 'largest input accepted (default 512MiB)');
}

/** Exit 1 when an input is missing, as `sbom validate` does for an invalid document. */
function finish(ctx: CommandContext, missing: number, format: string): void {
  if (missing > 0) {
    if (format !== 'json')
      ctx.io.stderr(`${missing} item${missing === 1 ? '' : 's'} missing (named in the document)\n`);
    ctx.setExit(1);
  }
}

export function registerAi(program: Command, ctx: CommandContext): void {
  const ai = program
    .command('ai')
    .description('AI Act documents of a model from its ML-BOM: training-content summary, Annex XII information');
  common(
    ai
      .command('summary <sbom>')
      .description('public summary of training content (AI Act Art. 53(1)(d), AI Office template sections)'),
  )
    .option('--provider <name>', 'provider name (default: the model supplier)')
    .option('--contact <contact>', 'provider contact')
    .option('--representative <name>', 'authorised representative in the Union (Art. 54)')
    .option('--summary-version <v>', 'version of this summary')
    .option('--updated <date>', 'date of this summary (default: today, UTC)')
    .option('--placed-on-market <date>', 'date the model was placed on the EU market')
    .option('--knowledge-cutoff <date>', 'knowledge cut-off of the training data')
    .option('--tdm-measures <text>', 'measures taken to respect text-and-data-mining opt-outs')
    .option('--illegal-content-measures <text>', 'measures taken to remove illegal content')
    .option('--top-domains <list>', 'comma-separated most relevant crawled domains (from crawl logs)')
    .action(async (file: string, opts: SummaryFlags) => {
      const format = formatOf(opts.format);
      const view = await viewOf(file, ctx, opts);
      const inputs: SummaryInputs = {
        provider: opts.provider,
        contact: opts.contact,
        authorisedRepresentative: opts.representative,
        summaryVersion: opts.summaryVersion,
        updated: opts.updated ?? new Date().toISOString().slice(0, 10),
        placedOnMarket: opts.placedOnMarket,
        knowledgeCutoff: opts.knowledgeCutoff,
        tdmOptOutMeasures: opts.tdmMeasures,
        illegalContentMeasures: opts.illegalContentMeasures,
        topDomains: opts.topDomains
          ?.split(',')
          .map((d) => d.trim())
          .filter(Boolean),
      };
      const doc = trainingSummary(view, inputs);
      await writeOutput(
        ctx,
        format === 'json' ? JSON.stringify(doc, null, 2) : renderTrainingSummaryMarkdown(doc),
        opts.output,
      );
      finish(ctx, doc.missing.length, format);
    });
  common(
    ai
      .command('annex-xii <sbom>')
      .description(
        'information for downstream providers (AI Act Art. 53(1)(b), Annex XII), each item mapped to a field or named missing',
      ),
  ).action(async (file: string, opts: DocumentFlags) => {
    const format = formatOf(opts.format);
    const doc = annexXii(await viewOf(file, ctx, opts));
    await writeOutput(ctx, format === 'json' ? JSON.stringify(doc, null, 2) : renderAnnexXiiMarkdown(doc), opts.output);
    finish(ctx, doc.missing.length, format);
  });
}
