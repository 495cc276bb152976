// `vigie cra docs <product> [<release>] --out <dir>` and `vigie cra security-txt check <file>`
// (issue 12 item 5): the CRA document bundle from the stored record, and an RFC 9116 validator.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { withStore, withStoreOptions, type StoreFlags } from './with-store.js';
import { checkSecurityTxt, issueCraDocuments } from '../../services/index.js';

async function writeAtomically(path: string, content: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // A device or a pipe (--zip /dev/null) is written in place: renamed onto, it became a regular file.
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isDirectory()) return writeFile(path, content);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, path);
}

interface DocsFlags extends StoreFlags {
  out?: string;
  zip?: string;
  date?: string;
  by?: string;
}

export function registerCraDocs(cra: Command, ctx: CommandContext): void {
  withStoreOptions(
    cra
      .command('docs <product> [release]')
      .description(
        'write the CRA documents from the stored record: Annex VII index, Annex II, V, VI, Annex I matrix, CVD policy (steward: Art. 24 policy), security.txt, the release SBOM, CSAF advisories of fixed cases as a provider directory (csaf/) and a SHA-256 manifest; missing inputs are named',
      ),
  )
    .option('--out <dir>', 'write the files into this folder')
    .option('--zip <file>', 'write one zip archive (same bytes for the same inputs)')
    .option('--date <YYYY-MM-DD>', 'date of issue (default today, UTC)')
    .option('--by <name>', 'who issues them (evidence log; default cli)')
    .action((product: string, release: string | undefined, opts: DocsFlags) =>
      withStore(ctx, opts, async (store) => {
        if (!opts.out && !opts.zip) throw new UsageError('give --out <dir> and/or --zip <file>');
        const docs = await issueCraDocuments(store, product, { release, date: opts.date }, opts.by ?? 'cli');
        try {
          if (opts.out) {
            const root = resolve(ctx.io.cwd, opts.out);
            for (const f of docs.bundle.files) await writeAtomically(join(root, f.path), f.content);
          }
          if (opts.zip) await writeAtomically(resolve(ctx.io.cwd, opts.zip), docs.zip);
        } catch (err) {
          throw new UsageError(`cannot write the documents: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
        }
        const missing = Object.entries(docs.bundle.manifest.missing);
        if (opts.json) printJson(ctx, { manifest: docs.bundle.manifest, manifestSha256: docs.manifestSha256 });
        else {
          ctx.io.stdout(
            `wrote ${docs.bundle.files.length} files for ${product}${release ? ` ${release}` : ''}; manifest sha256 ${docs.manifestSha256}\n`,
          );
          for (const [file, fields] of missing) ctx.io.stdout(`  ${file}: missing ${fields.join(', ')}\n`);
        }
        if (missing.length) ctx.setExit(1);
      }),
    );

  const txt = cra.command('security-txt').description('RFC 9116 security.txt');
  txt
    .command('check <file>')
    .description(
      'validate a security.txt: Contact and Expires required, Expires in the future and under a year, https URIs, fields at most once (exit 1 on an error)',
    )
    .option('--json', 'print one JSON document on stdout')
    .action(async (file: string, opts: { json?: boolean }) => {
      let text: string;
      try {
        text = await readFile(resolve(ctx.io.cwd, file), 'utf8');
      } catch (err) {
        throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
      if (text.length > 64 * 1024) throw new UsageError(`${file} is larger than 64 KiB: not a security.txt`);
      const verdict = checkSecurityTxt(text);
      if (opts.json) printJson(ctx, verdict);
      else {
        for (const p of verdict.problems)
          ctx.io.stdout(`${file}:${p.line} ${p.severity}: ${p.message} (${p.clause})\n`);
        ctx.io.stdout(
          verdict.ok ? `${file}: valid security.txt${verdict.signed ? ' (signed)' : ''}\n` : `${file}: not valid\n`,
        );
      }
      if (!verdict.ok) ctx.setExit(1);
    });
}
