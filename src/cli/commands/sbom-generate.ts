import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { generateInventory } from '../../services/generate-inventory.js';
import { isServiceError } from '../../services/service-error.js';
import type { Issue } from '../../model/index.js';
import { encodeAndWrite, outputWriter } from './sbom-convert.js';

const SCOPES = ['dev', 'optional', 'peer'];

export function registerSbomGenerate(sbom: Command, ctx: CommandContext): void {
  sbom
    .command('generate <path>')
    .description(
      'inventory a repository or an unpacked image: every lockfile and package database under <path> ' +
        '(npm, yarn, pnpm, bun, Python, Go, Rust, …; see docs/lockfiles.md), or one such file',
    )
    .option('--to <format>', 'output format', 'cyclonedx-json@1.6')
    .option('-o, --output <file>', 'write here instead of stdout (written whole, or not at all)')
    .option('--omit <scope...>', `leave out packages of these scopes: ${SCOPES.join(', ')}`)
    .option('--all', 'also search node_modules, vendor, build output and the other folders skipped by default')
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--name <name>', 'name of the primary component (default: the project found, or the folder)')
    .option('--quiet', 'print no generator messages')
    .option('--verbose', 'also print informational notes (e.g. optional peers not installed)')
    .action(async (path: string, opts: GenerateFlags) => {
      const omit = (opts.omit ?? [])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = omit.find((s) => !SCOPES.includes(s));
      if (bad) throw new UsageError(`--omit: "${bad}" is not one of ${SCOPES.join(', ')}`);
      const writer = outputWriter(opts.to);
      let result;
      try {
        result = await generateInventory(resolve(ctx.io.cwd, path), {
          omit,
          all: opts.all,
          gitignore: opts.gitignore,
          name: opts.name,
        });
      } catch (err) {
        if (isServiceError(err)) throw new UsageError(err.message);
        throw err;
      }
      if (!opts.quiet) printIssues(ctx, path, result.issues, opts.verbose === true);
      await encodeAndWrite(ctx, result.sbom, writer, opts.output, path);
      if (!opts.quiet && result.failed.length > 0) {
        ctx.io.stderr(
          `${path}: ${result.failed.length} file(s) could not be read and are missing from the inventory (see the warnings above)\n`,
        );
      }
    });
}

interface GenerateFlags {
  to: string;
  output?: string;
  omit?: string[];
  all?: boolean;
  gitignore?: boolean;
  name?: string;
  quiet?: boolean;
  verbose?: boolean;
}

/** Each message already names its file (and line); informational notes only with --verbose. */
export function printIssues(ctx: CommandContext, label: string, issues: Issue[], verbose: boolean): void {
  const shown = verbose ? issues : issues.filter((i) => i.severity !== 'info');
  for (const i of shown) ctx.io.stderr(`${i.severity} [${i.code}]: ${i.message}\n`);
  const hidden = issues.length - shown.length;
  if (hidden > 0) ctx.io.stderr(`${label}: ${hidden} informational notes (show them with --verbose)\n`);
}
