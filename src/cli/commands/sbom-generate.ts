import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { readNpmProject } from '../../io/npm-project.js';
import { generateNpmSbom } from '../../sbom/generators/npm/index.js';
import { encodeAndWrite } from './sbom-convert.js';
import { UsageError } from '../exit-codes.js';
import { formatIssue } from '../format-issues.js';
import { resolve } from 'node:path';

export function registerSbomGenerate(sbom: Command, ctx: CommandContext): void {
  sbom
    .command('generate <dir>')
    .description('inventory an npm project from its package-lock.json / npm-shrinkwrap.json (and node_modules)')
    .option('--to <format>', 'output format', 'cyclonedx-json@1.6')
    .option('-o, --output <file>', 'write here instead of stdout')
    .option('--quiet', 'print no generator messages')
    .option('--verbose', 'also print informational notes (e.g. optional peers not installed)')
    .action(async (dir: string, opts: { to: string; output?: string; quiet?: boolean; verbose?: boolean }) => {
      let input;
      try {
        input = await readNpmProject(resolve(ctx.io.cwd, dir));
      } catch (err) {
        throw new UsageError(err instanceof Error ? err.message : String(err));
      }
      const { sbom, issues } = generateNpmSbom(input);
      if (!opts.quiet) {
        const shown = opts.verbose ? issues : issues.filter((i) => i.severity !== 'info');
        for (const i of shown) ctx.io.stderr(formatIssue(dir, i) + '\n');
        const hidden = issues.length - shown.length;
        if (hidden > 0) ctx.io.stderr(`${dir}: ${hidden} informational notes (show them with --verbose)\n`);
      }
      await encodeAndWrite(ctx, sbom, opts.to, opts.output, dir);
    });
}
