import { isAbsolute, resolve } from 'node:path';
import { UnreadableDocumentError } from '../../sbom/format.js';
import { builtinKnowledgeBase, type KnowledgeBase, type LicensePolicy } from '../../licenses/kb/index.js';
import { loadKnowledgeBaseFrom } from '../../io/kb-files.js';
import type { Issue } from '../../model/issue.js';
import { UsageError } from '../exit-codes.js';
import type { CommandContext } from '../context.js';

export function resolvePath(ctx: CommandContext, path: string): string {
  return isAbsolute(path) ? path : resolve(ctx.io.cwd, path);
}

export interface LoadedKb {
  kb: KnowledgeBase;
  policies: LicensePolicy[];
  issues: Issue[];
  source: string;
}

/** The knowledge base a command works on: --kb (Hermine dir, shared.json or stored KB), else ours. */
export function loadKb(ctx: CommandContext, kbOption: string | undefined): LoadedKb {
  if (!kbOption) return { kb: builtinKnowledgeBase(), policies: [], issues: [], source: 'built-in' };
  const path = resolvePath(ctx, kbOption);
  try {
    return { ...loadKnowledgeBaseFrom(path), source: path };
  } catch (err) {
    if (err instanceof UnreadableDocumentError) throw new UsageError(err.message);
    throw err;
  }
}
