import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { goPackage } from './go-module.js';

/**
 * go.sum alone (no go.mod beside it): every module whose content was hashed (a line without
 * `/go.mod`). Modules only listed for their go.mod file were consulted, not built, and are left out.
 */
export const extract: ExtractFn = extractGoSum;

export function readGoSum(
  path: string,
  text: string,
): { h1: Map<string, string>; modules: [string, string, number][] } {
  const h1 = new Map<string, string>();
  const modules: [string, string, number][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const parts = line.split(/\s+/);
    if (parts.length !== 3 || !/^h\d+:/.test(parts[2]!))
      throw new LockfileError(path, `expected "module version h1:hash", found "${line.slice(0, 60)}"`, i + 1);
    const [module, version, hash] = parts as [string, string, string];
    if (version.endsWith('/go.mod')) continue;
    h1.set(`${module}@${version}`, hash);
    modules.push([module, version, i + 1]);
  }
  return { h1, modules };
}

function extractGoSum(input: LockfileInput): Inventory {
  const { h1, modules } = readGoSum(input.path, input.text);
  const builder = new InventoryBuilder('golang', 'Go', input.path);
  for (const [module, version] of modules) {
    const spec = goPackage(module, version, {
      properties: [{ name: 'vigie:go:h1', value: h1.get(`${module}@${version}`)! }],
    });
    builder.add({ ...spec, key: `${module}@${version}`, scope: 'prod' });
  }
  return builder.build({}, 'incomplete');
}
