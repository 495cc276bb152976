import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerSbomInspect } from './sbom-inspect.js';
import { registerSbomValidate } from './sbom-validate.js';
import { registerSbomConvert } from './sbom-convert.js';
import { registerSbomGenerate } from './sbom-generate.js';
import { registerSbomDiff } from './sbom-diff.js';
import { registerSbomQuality } from './sbom-quality.js';

export function registerSbom(program: Command, ctx: CommandContext): void {
  const sbom = program
    .command('sbom')
    .description('read, check, convert, generate and compare SBOMs (CycloneDX, SPDX 2/3, ORT, KISSBOM)');
  registerSbomInspect(sbom, ctx);
  registerSbomValidate(sbom, ctx);
  registerSbomConvert(sbom, ctx);
  registerSbomGenerate(sbom, ctx);
  registerSbomDiff(sbom, ctx);
  registerSbomQuality(sbom, ctx);
}
