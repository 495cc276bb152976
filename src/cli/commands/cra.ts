// `vigie cra …`: EU Cyber Resilience Act duties.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerCraDeadlines } from './cra-deadlines.js';
import { registerCraCase } from './cra-case.js';
import { registerCraRecord } from './cra-record.js';
import { registerCraDocs } from './cra-docs.js';

export function registerCra(program: Command, ctx: CommandContext): void {
  const cra = program
    .command('cra')
    .description('EU Cyber Resilience Act: product records, Annex I matrix, Art. 14 reporting clocks and cases');
  registerCraDeadlines(cra, ctx);
  registerCraCase(cra, ctx);
  registerCraRecord(cra, ctx);
  registerCraDocs(cra, ctx);
}
