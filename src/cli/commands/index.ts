import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerSbom } from './sbom.js';
import { registerLicense } from './license.js';
import { registerLicenseKb } from './license-kb.js';
import { registerKb } from './kb.js';
import { registerCheck } from './check.js';
import { registerServe } from './serve.js';
import { registerToken } from './token.js';
import { registerProduct } from './product.js';
import { registerRelease } from './release.js';
import { registerImport } from './import.js';
import { registerExploitation } from './exploitation.js';
import { registerDecision } from './decision.js';
import { registerPolicy } from './policy.js';
import { registerValidate } from './validate.js';
import { registerObligations } from './obligations.js';
import { registerNotice } from './notice.js';
import { registerQuery } from './query.js';

/** Registers one top-level command (with its subcommands) on the program. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

/** The command table: one module per top-level command. */
export const COMMANDS: RegisterCommand[] = [registerSbom, registerLicense, registerLicenseKb, registerKb, registerServe, registerToken, registerCheck,
  // Stateful commands: the portfolio in the store (--db).
  registerProduct, registerRelease, registerImport, registerExploitation, registerDecision, registerPolicy,
  registerValidate, registerObligations, registerNotice, registerQuery,
];
