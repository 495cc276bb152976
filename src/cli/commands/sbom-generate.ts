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
    .option('--quiet', 'do not print generator warnings')
    .action(async (dir: string, opts: { to: string; output?: string; quiet?: boolean }) => {
      let input;
      try {
        input = await readNpmProject(resolve(ctx.io.cwd, dir));
      } catch (err) {
        throw new UsageError(err instanceof Error ? err.message : String(err));
      }
      const { sbom, issues } = generateNpmSbom(input);
      if (!opts.quiet) for (const i of issues) ctx.io.stderr(formatIssue(dir, i) + '\n');
      await encodeAndWrite(ctx, sbom, opts.to, opts.output, dir);
    });
}
