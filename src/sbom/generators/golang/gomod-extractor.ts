import type { Property } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { goPackage } from './go-module.js';
import { readGoSum } from './gosum-extractor.js';

/**
 * go.mod: `require` (indirect ones marked), `replace` (the replacement is what gets built) and
 * `exclude`. Since Go 1.17 go.mod lists every module of the build, but not who needs whom: only the
 * main module's direct edges are known, so the graph is incomplete. go.sum beside it adds hashes.
 */
export const extract: ExtractFn = extractGoMod;

const DIRECTIVES = new Set([
  'module',
  'go',
  'toolchain',
  'require',
  'exclude',
  'replace',
  'retract',
  'godebug',
  'tool',
  'ignore',
]);

interface Directive {
  verb: string;
  args: string[];
  comment: string;
  line: number;
}

const unquote = (s: string) => (s.startsWith('"') || s.startsWith('`') ? s.slice(1, -1) : s);

/** The directives of a go.mod, block forms `require ( … )` flattened. */
export function parseGoMod(path: string, text: string): Directive[] {
  const out: Directive[] = [];
  let block: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const at = raw.indexOf('//');
    const code = (at >= 0 ? raw.slice(0, at) : raw).trim();
    const comment = at >= 0 ? raw.slice(at + 2).trim() : '';
    if (code === '') continue;
    if (block) {
      if (code === ')') {
        block = undefined;
        continue;
      }
      out.push({ verb: block, args: code.split(/\s+/).map(unquote), comment, line: i + 1 });
      continue;
    }
    const [verb, ...args] = code.split(/\s+/);
    if (!DIRECTIVES.has(verb!)) throw new LockfileError(path, `unknown go.mod directive "${verb}"`, i + 1);
    if (args[0] === '(') {
      block = verb;
      continue;
    }
    out.push({ verb: verb!, args: args.map(unquote), comment, line: i + 1 });
  }
  if (block) throw new LockfileError(path, `the ${block} block is not closed`, lines.length);
  return out;
}

function extractGoMod(input: LockfileInput): Inventory {
  const directives = parseGoMod(input.path, input.text);
  const builder = new InventoryBuilder('golang', 'Go', input.path);
  let module: string | undefined;
  const replaces = new Map<string, { path: string; version?: string; line: number }>();
  const excludes = new Set<string>();
  for (const d of directives) {
    if (d.verb === 'module') module = d.args[0];
    else if (d.verb === 'exclude' && d.args.length >= 2) excludes.add(`${d.args[0]}@${d.args[1]}`);
    else if (d.verb === 'replace') {
      const arrow = d.args.indexOf('=>');
      if (arrow < 1 || arrow === d.args.length - 1)
        throw new LockfileError(input.path, 'a replace directive needs "old [version] => new [version]"', d.line);
      const old = d.args.slice(0, arrow);
      const target = d.args.slice(arrow + 1);
      replaces.set(old.join('@'), { path: target[0]!, version: target[1], line: d.line });
    }
  }
  const goSum = readGoSumBeside(input);
  const sums = goSum?.h1;
  for (const d of directives) {
    if (d.verb !== 'require') continue;
    const [path, version] = d.args;
    if (!path || !version) throw new LockfileError(input.path, 'a require directive needs "module version"', d.line);
    if (excludes.has(`${path}@${version}`)) {
      builder.report(
        'info',
        'excluded-module',
        `${path}@${version} is required but excluded; Go picks another version, left out`,
        { line: d.line },
      );
      continue;
    }
    const replacement = replaces.get(`${path}@${version}`) ?? replaces.get(path);
    const indirect = /(^|;)\s*indirect\b/.test(d.comment);
    const properties: Property[] = [];
    if (indirect) properties.push({ name: 'vigie:go:indirect', value: 'true' });
    let spec;
    if (replacement) {
      properties.push({ name: 'vigie:go:replaces', value: `${path}@${version}` });
      const local = replacement.path.startsWith('.') || replacement.path.startsWith('/');
      spec = goPackage(local ? path : replacement.path, local ? undefined : (replacement.version ?? version), {
        properties,
      });
      if (local) properties.push({ name: 'vigie:go:local-path', value: replacement.path });
    } else spec = goPackage(path, version, { properties });
    const h1 = sums?.get(`${spec.key}@${spec.version ?? ''}`);
    if (h1) properties.push({ name: 'vigie:go:h1', value: h1 });
    // Go has no dev dependencies: test-only modules are in the same list.
    builder.add({ ...spec, scope: 'prod' });
    if (!indirect) builder.direct(spec.key, 'prod');
  }
  // Before Go 1.17 go.mod lists only some of the build's modules; go.sum has the content hash of
  // every module that was downloaded to build: those go.mod omits are added (the last version listed).
  const goVersion = directives.find((d) => d.verb === 'go')?.args[0];
  if (goSum && (!goVersion || compareGoVersions(goVersion, '1.17') < 0)) {
    const last = new Map<string, string>();
    for (const [path, version] of goSum.modules) last.set(path, version);
    for (const [path, version] of last) {
      if (builder.has(path)) continue;
      builder.add({
        ...goPackage(path, version, {
          properties: [
            { name: 'vigie:go:indirect', value: 'true' },
            { name: 'vigie:go:source', value: 'go.sum' },
            { name: 'vigie:go:h1', value: sums!.get(`${path}@${version}`)! },
          ],
        }),
        scope: 'prod',
      });
    }
  }
  return builder.build(
    module
      ? {
          name: module.split('/').pop()!,
          group: module.includes('/') ? module.slice(0, module.lastIndexOf('/')) : undefined,
          purl: false,
          properties: [{ name: 'vigie:go:module', value: module }],
        }
      : {},
    'incomplete',
  );
}

function readGoSumBeside(input: LockfileInput): ReturnType<typeof readGoSum> | undefined {
  const text = input.readRelated?.('go.sum');
  if (text === undefined) return undefined;
  try {
    return readGoSum('go.sum', text);
  } catch {
    return undefined;
  }
}

function compareGoVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++)
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
