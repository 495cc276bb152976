import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerVulnScan } from './vuln-scan.js';
import { registerVulnRelease } from './vuln-release.js';

/** `vigie vuln …`: vulnerability matching (scan) and the vulnerability database. */
export function registerVuln(program: Command, ctx: CommandContext): void {
  const vuln = program
    .command('vuln')
    .description('known vulnerabilities: scan SBOMs against OSV advisories, KEV and EPSS');
  registerVulnScan(vuln, ctx);
  registerVulnRelease(vuln, ctx);
}
