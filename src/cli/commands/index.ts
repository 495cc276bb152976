import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerSbom } from './sbom.js';
import { registerLicense } from './license.js';
import { registerLicenseKb } from './license-kb.js';
import { registerKb } from './kb.js';

/** Registers one top-level command (with its subcommands) on the program. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

/** The command table: one module per top-level command. */
export const COMMANDS: RegisterCommand[] = [registerSbom, registerLicense, registerLicenseKb, registerKb];
