import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { loadSbom } from '../load-sbom-lazily.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { QualityProfile } from '../../cra/profiles/index.js';

type Profiles = typeof import('../../cra/profiles/index.js');

function parseProfiles({ QUALITY_PROFILES, findProfile }: Profiles, list: string | undefined): QualityProfile[] {
  if (list === undefined) return [...QUALITY_PROFILES];
  const ids = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new UsageError('--profile: give at least one profile');
  return ids.map((id) => {
    const profile = findProfile(id);
    if (!profile)
      throw new UsageError(
        `--profile: unknown profile "${id}" (known: ${QUALITY_PROFILES.map((p) => p.id).join(', ')})`,
      );
    return profile;
  });
}

export function registerSbomQuality(sbom: Command, ctx: CommandContext): void {
  sbom
    .command('quality <file>')
    .description(
      'score an SBOM against quality profiles: ntia-2021, cisa-2026, bsi-tr-03183-2@2.1.0, cra-annex-i, ai-g7-2026 (exit 1 when a required check fails)',
    )
    .option('--profile <ids>', 'comma-separated profile ids (default: all)')
    .option('--json', 'print one JSON document')
    .option('--max-size <size>', 'largest input accepted (default 512MiB)')
    .action(async (file: string, opts: { profile?: string; json?: boolean; maxSize?: string }) => {
      const profileTable = await import('../../cra/profiles/index.js');
      const { renderQualityText } = await import('../../reports/quality-text.js');
      const profiles = parseProfiles(profileTable, opts.profile);
      const loaded = await loadSbom(file, ctx.io.cwd, opts);
      const results = profileTable.evaluateProfiles(profiles, loaded.sbom);
      if (results.some((r) => !r.pass)) ctx.setExit(EXIT.findings);
      if (opts.json) printJson(ctx, { profiles: results });
      else ctx.io.stdout(renderQualityText(results, profiles, file));
    });
}
