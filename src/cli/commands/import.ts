// `vigie import <product> <release> <file|dir>`: an SBOM document or a project folder (every lockfile
// under it, the walk of `vigie sbom generate`) into a release,
// in one transaction (a refused document leaves the release as it was). With --create, a missing product
// and/or release is created in that same transaction (issue 8 item 16).
import type { Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { printJson, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { parseSize } from '../load-sbom.js';
import {
  enqueueImport,
  importDocumentByName,
  importProjectFolderByName,
  resolveImportTarget,
  type NamedImportOutcome,
} from '../../services/index.js';
import { jobProgressLine } from '../../reports/job-progress.js';
import { followJob } from '../job-progress.js';
import type { FillPolicy, ImportMode } from '../../services/store-door.js';
import { formatBytes } from '../../io/read-document.js';
import { leftOutErrors } from '../../model/issue.js';
import { LINKINGS, MODIFICATIONS, type Linking, type Modification } from '../../model/usage-context.js';
import { choiceOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface ImportFlags extends StoreFlags {
  mode?: string;
  data?: string;
  project?: string;
  scope?: string;
  linking?: string;
  modification?: string;
  author?: string;
  maxSize?: string;
  background?: boolean;
  wait?: boolean;
  create?: boolean;
  acceptErrors?: boolean;
}

const MODES: readonly ImportMode[] = ['replace', 'merge'];
const POLICIES: readonly FillPolicy[] = ['fill-missing', 'override'];

export function registerImport(program: Command, ctx: CommandContext): void {
  withStoreOptions(
    program
      .command('import <product> <release> <source>')
      .description('import an SBOM (any format Vigie reads) or a project folder (its lockfiles) into a release'),
  )
    .option('--mode <mode>', 'replace the release content, or merge into it', 'replace')
    .option('--data <policy>', 'component data already stored: fill-missing (keep it) or override', 'fill-missing')
    .option('--project <name>', 'sub-project the document describes (default: the root project)')
    .option('--scope <name>', 'scope of the components whose document gives none')
    .option('--linking <linking>', `linking recorded on new usages (${LINKINGS.join(', ')}); default not recorded`)
    .option(
      '--modification <m>',
      `modification recorded on new usages (${MODIFICATIONS.join(', ')}); default not recorded`,
    )
    .option(
      '--accept-errors',
      'import what could be read when reading the document left part of it out (refused without it)',
    )
    .option('--author <name>', 'who imports (kept in the import history)')
    .option('--max-size <size>', 'largest document accepted (default 512MiB)')
    .option('--background', 'record the import as a job for `vigie worker` and print its id')
    .option('--wait', 'with --background: follow the job until it ends (progress on stderr)')
    .option(
      '--create',
      "create the product and/or release when missing (in the import's transaction: a failed import creates nothing)",
    )
    .action((product: string, number: string, source: string, opts: ImportFlags) =>
      withStore(ctx, opts, async (store) => {
        const options = {
          mode: choiceOf(opts.mode, MODES, '--mode'),
          policy: choiceOf(opts.data, POLICIES, '--data'),
          project: opts.project,
          scope: opts.scope,
          linking: choiceOf<Linking>(opts.linking, LINKINGS, '--linking') ?? null,
          modification: choiceOf<Modification>(opts.modification, MODIFICATIONS, '--modification') ?? null,
          author: opts.author ?? null,
          maxBytes: parseSize(opts.maxSize),
          acceptErrors: opts.acceptErrors === true,
        };
        const path = resolve(ctx.io.cwd, source);
        const isDir = (await stat(path).catch(() => undefined))?.isDirectory();
        if (opts.wait && !opts.background) throw new UsageError('--wait goes with --background');
        if (opts.create && opts.background)
          throw new UsageError('--create imports directly: create the release first to import it in the background');
        const target = {
          product,
          release: number,
          create: opts.create === true,
          createHint: 'add --create to create it with the import',
        };
        if (opts.background) {
          const release = await resolveImportTarget(store, target);
          if (isDir) throw new UsageError('--background imports an SBOM file; a project folder is imported directly');
          const bytes = await readBytes(path, source, options.maxBytes);
          const queued = await enqueueImport(store, release.releaseId!, {
            ...options,
            content: bytes,
            fileName: basename(source),
          });
          const job = opts.wait ? await followJob(ctx, store, queued.id) : queued;
          if (opts.json) printJson(ctx, job);
          else
            ctx.io.stdout(
              `${jobProgressLine(job)}${opts.wait ? '' : ` (follow it: vigie job show ${job.id} --wait)`}\n`,
            );
          if (job.state === 'failed') ctx.setExit(2);
          return;
        }
        let outcome: NamedImportOutcome;
        if (isDir) outcome = await importProjectFolderByName(store, target, { ...options, path });
        else {
          const bytes = await readBytes(path, source, options.maxBytes);
          outcome = await importDocumentByName(store, target, {
            ...options,
            content: bytes,
            fileName: basename(source),
          });
        }
        if (opts.json) printJson(ctx, outcome);
        else {
          const c = outcome.counts;
          if (outcome.created.product) ctx.io.stdout(`created product ${product}\n`);
          if (outcome.created.release) ctx.io.stdout(`created release ${product} ${number}\n`);
          ctx.io.stdout(
            `imported ${outcome.import.fileName ?? source} (${outcome.import.format}) into ${product} ${number}: ` +
              `${c.usagesInserted} usages, ${c.components} components (${c.componentsCreated} new), ${c.versions} versions (${c.versionsCreated} new)` +
              `${c.usagesRemoved ? `, ${c.usagesRemoved} previous usages replaced` : ''}\n`,
          );
          if (outcome.conflicts.length)
            ctx.io.stderr(`${outcome.conflicts.length} data conflict(s) with stored components (see --json)\n`);
          // A lockfile of the folder that could not be read is missing from the release: say which, and why.
          for (const i of outcome.issues.filter((x) => x.code === 'unreadable-lockfile'))
            ctx.io.stderr(`warning [${i.code}]: ${i.message}\n`);
          const leftOut = leftOutErrors(outcome.issues).length;
          if (leftOut)
            ctx.io.stderr(
              `warning: ${leftOut} reading error(s) left part of the document out; imported what could be read (--accept-errors)\n`,
            );
          if (outcome.issues.length) ctx.io.stderr(`${outcome.issues.length} issue(s) in the document (see --json)\n`);
        }
      }),
    );
}

/** The raw bytes, kept as the original document; decoding (gzip, encodings) is the service's. */
async function readBytes(path: string, label: string, maxBytes: number): Promise<Uint8Array> {
  const size = (await stat(path).catch(() => undefined))?.size;
  if (size === undefined) throw new UsageError(`cannot read ${label}: no such file`);
  if (size > maxBytes) {
    throw new UsageError(
      `too-large: ${label} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-size)`,
    );
  }
  return readFile(path);
}
