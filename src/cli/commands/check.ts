import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { artifactUri, readTarget } from '../read-target.js';
import { writeOutput } from '../write-output.js';
import { BUILTIN_POLICY, builtinPolicyPath } from '../../io/builtin-policy.js';
import { parseJsonDocument } from '../../sbom/json-text.js';
import { UnreadableDocumentError } from '../../sbom/format.js';
import {
  EXPLOITATIONS,
  LINKINGS,
  MODIFICATIONS,
  type Exploitation,
  type Linking,
  type Modification,
} from '../../model/usage-context.js';
import {
  declaredOutboundLicenses,
  parsePolicyFile,
  PolicyFileError,
  snapshotFromSbom,
  validateRelease,
  releaseObligations,
  type PolicyFile,
} from '../../compliance/index.js';
import { renderJunit, renderSarif, renderValidationText } from '../../reports/index.js';

const FORMATS = ['text', 'json', 'junit', 'sarif'] as const;
type CheckFormat = (typeof FORMATS)[number];

interface CheckOptions {
  policy?: string;
  exploitation?: string;
  format: string;
  output?: string;
  outbound?: string;
  linking?: string;
  modification?: string;
  maxSize?: string;
}

/** `vigie check`: licence compliance of one SBOM or npm project against a policy file, no store. */
export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check <target>')
    .description(
      'validate an SBOM file or a project folder (any lockfile Vigie reads) against a policy file, the built-in default one unless --policy is given (exit 0 compliant, 1 violations, 2 bad input)',
    )
    .option(
      '--policy <file>',
      `policy file (YAML or JSON): licence statuses, decisions, exploitations (docs/policy-file.md); default: the built-in ${BUILTIN_POLICY}`,
    )
    .option('--exploitation <e>', `exploitation for usages no rule covers: ${EXPLOITATIONS.join(', ')}`)
    .option('--outbound <ids>', 'outbound licences of the release, comma-separated (overrides the policy file)')
    .option('--linking <l>', `linking of every usage the SBOM says nothing about: ${LINKINGS.join(', ')}`)
    .option('--modification <m>', `whether those components were modified: ${MODIFICATIONS.join(', ')}`)
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'text')
    .option('-o, --output <file>', 'write the report here instead of stdout')
    .option('--max-size <size>', 'largest SBOM accepted (e.g. 300MB)')
    .action(async (target: string, opts: CheckOptions) => {
      const format = opts.format as CheckFormat;
      if (!FORMATS.includes(format))
        throw new UsageError(`--format: "${opts.format}" is not one of ${FORMATS.join(', ')}`);
      if (opts.exploitation !== undefined && !(EXPLOITATIONS as readonly string[]).includes(opts.exploitation)) {
        throw new UsageError(`--exploitation: "${opts.exploitation}" is not one of ${EXPLOITATIONS.join(', ')}`);
      }
      const linking = choiceOf<Linking>(opts.linking, LINKINGS, '--linking');
      const modification = choiceOf<Modification>(opts.modification, MODIFICATIONS, '--modification');
      if (opts.policy === undefined) {
        ctx.io.stderr(
          `vigie check: no --policy given: using the built-in default policy (${BUILTIN_POLICY}); pass --policy <file> to use your own\n`,
        );
      }
      const policy =
        opts.policy === undefined
          ? await readPolicy(builtinPolicyPath(), ctx.io.cwd, BUILTIN_POLICY)
          : await readPolicy(opts.policy, ctx.io.cwd);
      const sbom = await readTarget(target, ctx, opts.maxSize);
      let outbound = opts.outbound
        ? opts.outbound
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : policy.outboundLicenses;
      if (opts.policy === undefined && outbound.length === 0) {
        // The built-in policy cannot know the product's licence: take the one its SBOM declares.
        outbound = declaredOutboundLicenses(sbom);
        if (outbound.length > 0)
          ctx.io.stderr(
            `vigie check: outbound licence taken from the primary component: ${outbound.join(', ')} (--outbound sets it)\n`,
          );
      }
      // Rules from the file come first; --exploitation only fills in what no rule covers.
      const rules = [...policy.exploitationRules];
      const snapshot = snapshotFromSbom(sbom, {
        policy: policy.policy,
        decisions: policy.decisions,
        exploitationRules: rules,
        exploitation: opts.exploitation as Exploitation | undefined,
        outboundLicenses: outbound,
        ...(linking ? { linking } : {}),
        ...(modification ? { modified: modification === 'modified' } : {}),
        ...(policy.use ? { useDeclaration: policy.use } : {}),
        settings: policy.settings,
      });
      const validation = validateRelease(snapshot);
      const title = `${snapshot.product.name} ${snapshot.release.number}`;
      let text: string;
      if (format === 'json') {
        const obligations = releaseObligations(snapshot, validation);
        text = JSON.stringify(
          { target, compliant: validation.validationStep === 6, ...validation, obligations },
          null,
          2,
        );
      } else if (format === 'junit') text = renderJunit(validation, title);
      else if (format === 'sarif') text = renderSarif(validation, { artifactUri: artifactUri(target, ctx.io.cwd) });
      else text = renderValidationText(validation, title);
      await writeOutput(ctx, text, opts.output);
      ctx.setExit(validation.validationStep === 6 ? EXIT.ok : EXIT.findings);
    });
}

/** `label` names the file in messages (the built-in policy by its place in the package). */
async function readPolicy(path: string, cwd: string, label = path): Promise<PolicyFile> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (err) {
    throw new UsageError(`${label}: cannot read policy file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let value: unknown;
  try {
    value = /\.json$/i.test(path) ? parseJsonDocument(text, label) : parseYaml(text);
  } catch (err) {
    if (err instanceof UnreadableDocumentError) throw new UsageError(err.message);
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UsageError(`${label}: not valid YAML: ${message}`);
  }
  try {
    return parsePolicyFile(value);
  } catch (err) {
    if (err instanceof PolicyFileError) throw new UsageError(`${label}: ${err.message}`);
    throw err;
  }
}

/** One of `allowed`, or a usage error naming the option (kept here: with-store.ts would load the services). */
function choiceOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${option}: "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}
