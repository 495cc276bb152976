// `vigie license parse|normalize`. Exit codes (src/cli/exit-codes.ts):
//   parse:     0 valid and every id known · 1 valid syntax but unknown ids (a finding) · 2 syntax error
//              (the argument is unreadable as an SPDX expression)
//   normalize: 0 an SPDX expression was found · 1 none could be (vague or unknown: needs a human)
// With --json exactly one JSON document goes to stdout; messages go to stderr.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { printJson } from '../context.js';
import { EXIT } from '../exit-codes.js';
import {
  andToOrCandidates,
  isAmbiguous,
  licenseLeaves,
  parseExpression,
  printExpression,
  printLeaf,
  simplifyExpression,
} from '../../licenses/expression/index.js';
import { normalizeLicense } from '../../licenses/normalize/index.js';

/**
 * The `license` command, created on first use: other modules (show, obligations) add their
 * subcommands to the same command through this function, whichever registers first.
 */
export function licenseCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'license') ??
    program.command('license').description('SPDX licence expressions and the licence knowledge base')
  );
}

export function registerLicense(program: Command, ctx: CommandContext): void {
  const license = licenseCommand(program);

  license
    .command('parse')
    .description(
      'parse an SPDX licence expression: canonical and simplified forms, licences, ambiguity, diagnostics (exit 0 ok, 1 unknown ids, 2 syntax error)',
    )
    .argument('<expression>', 'SPDX licence expression (quote it)')
    .option('--json', 'print one JSON document on stdout')
    .action((text: string, opts: { json?: boolean }) => parseAction(ctx, text, !!opts.json));

  license
    .command('normalize')
    .alias('normalise')
    .description(
      'map a licence string as found in the wild to SPDX, with a confidence and candidates (exit 0 mapped, 1 not mapped)',
    )
    .argument('<string...>', 'licence string(s); several are read as a list')
    .option('--json', 'print one JSON document on stdout')
    .action((parts: string[], opts: { json?: boolean }) => normalizeAction(ctx, parts, !!opts.json));
}

function parseAction(ctx: CommandContext, text: string, json: boolean): void {
  const parsed = parseExpression(text);
  if (!parsed.expression) {
    const e = parsed.syntaxError!;
    if (json) {
      printJson(ctx, {
        input: text,
        valid: false,
        error: { position: e.position, found: e.found, expected: e.expected, message: e.message },
      });
    } else {
      ctx.io.stderr(`vigie: invalid SPDX expression: ${e.message}\n  ${text}\n  ${' '.repeat(e.position)}^\n`);
    }
    ctx.setExit(EXIT.usage);
    return;
  }
  const expr = parsed.expression;
  const unknown = parsed.diagnostics.filter(
    (d) =>
      d.code === 'unknown-license' ||
      d.code === 'unknown-exception' ||
      d.code === 'exception-as-license' ||
      d.code === 'license-as-exception',
  );
  const report = {
    input: text,
    valid: true,
    canonical: printExpression(expr),
    simplified: printExpression(simplifyExpression(expr)),
    licenses: [...new Set(licenseLeaves(expr).map(printLeaf))],
    ambiguous: isAmbiguous(expr),
    andToOrCandidates: andToOrCandidates(expr),
    diagnostics: parsed.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      position: d.position,
      id: d.id,
      message: d.message,
    })),
  };
  if (json) printJson(ctx, report);
  else {
    const lines = [
      `canonical:  ${report.canonical}`,
      `simplified: ${report.simplified}`,
      `licences:   ${report.licenses.join(', ') || '(none)'}`,
      `ambiguous:  ${report.ambiguous ? `yes (several licences joined by AND; confirm, or rewrite as: ${report.andToOrCandidates.join(' | ')})` : 'no'}`,
    ];
    ctx.io.stdout(lines.join('\n') + '\n');
    for (const d of parsed.diagnostics) ctx.io.stderr(`${d.severity}: ${d.message} (position ${d.position})\n`);
  }
  ctx.setExit(unknown.length > 0 ? EXIT.findings : EXIT.ok);
}

function normalizeAction(ctx: CommandContext, parts: string[], json: boolean): void {
  const result = normalizeLicense(parts.length === 1 ? parts[0] : parts);
  if (json) {
    printJson(ctx, {
      input: result.input,
      expression: result.expression,
      confidence: result.confidence,
      candidates: result.candidates,
      notes: result.notes,
    });
  } else {
    ctx.io.stdout(`${result.expression ?? '(no SPDX expression)'}\n`);
    ctx.io.stderr(
      `confidence: ${result.confidence}${result.candidates.length ? `; candidates: ${result.candidates.join(', ')}` : ''}\n`,
    );
    for (const n of result.notes) ctx.io.stderr(`note: ${n}\n`);
  }
  ctx.setExit(result.expression === null ? EXIT.findings : EXIT.ok);
}
