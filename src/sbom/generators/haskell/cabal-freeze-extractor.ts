import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';

/**
 * cabal.project.freeze (`cabal freeze`): the `constraints:` field, one comma-separated constraint per
 * line, `any.name ==version` for each package of the build plan; flag settings (`name +flag -other`)
 * and `installed` constraints (libraries that come with GHC, no version written) are not packages.
 * A `setup.` qualified constraint pins a package of a Setup script (a build tool): dev. No graph.
 */
export const extract: ExtractFn = extractCabalFreeze;

/** `[qualifier.]name ==version`: qualifiers are `any.`, `setup.`, `pkg:setup.`, `pkg:exe:exe.`. */
const PINNED = /^(?:((?:[\w-]+:)*(?:any|setup|exe))\.)?([A-Za-z0-9][\w-]*)\s*==\s*([\d.]+)$/;

function extractCabalFreeze(input: LockfileInput): Inventory {
  const builder = new InventoryBuilder('hackage', 'Haskell', input.path);
  const lines = input.text.split(/\r?\n/);
  // The field's text with the line each part starts on: `constraints:` up to the next top-level field.
  const parts: [text: string, line: number][] = [];
  let inConstraints = false;
  let found = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\s+--.*$/, '');
    if (/^\s*--/.test(raw) || raw.trim() === '') continue;
    const field = /^([A-Za-z][\w-]*):(.*)$/.exec(raw);
    if (field) {
      inConstraints = field[1]!.toLowerCase() === 'constraints';
      if (inConstraints) {
        found = true;
        parts.push([field[2]!, i + 1]);
      }
      continue;
    }
    if (inConstraints && /^\s/.test(raw)) parts.push([raw, i + 1]);
    else if (/^\S/.test(raw)) {
      inConstraints = false;
      builder.report('warning', 'bad-line', `"${raw.trim().slice(0, 60)}" is not a "field:" line; left out`, {
        line: i + 1,
      });
    }
  }
  if (!found) throw new LockfileError(input.path, 'not a cabal freeze file: no "constraints:" field', 1);
  let installed = 0;
  for (const [text, line] of parts)
    for (const constraint of text.split(',').map((c) => c.trim())) {
      if (constraint === '') continue;
      const m = PINNED.exec(constraint);
      if (m) {
        const [, qualifier, name, version] = m as unknown as [string, string | undefined, string, string];
        const setup = qualifier !== undefined && qualifier !== 'any';
        builder.add({
          key: `${name}@${version}`,
          name,
          version,
          purl: { name, version },
          scope: setup ? 'dev' : 'prod',
          ...(setup && { properties: [{ name: 'vigie:cabal:qualifier', value: qualifier }] }),
        });
      } else if (/\sinstalled$/.test(constraint)) installed++;
      else if (/^(?:[\w-]+:)*(?:any\.|setup\.)?[\w-]+(\s+[+-][\w-]+)+$/.test(constraint)) continue;
      else
        builder.report('warning', 'bad-constraint', `"${constraint.slice(0, 60)}" is not "name ==version"; left out`, {
          line,
        });
    }
  if (installed > 0)
    builder.report(
      'info',
      'installed-constraint',
      `${installed} constraints say "installed" (a library that comes with GHC) without a version; left out`,
    );
  return builder.build({}, 'incomplete');
}
