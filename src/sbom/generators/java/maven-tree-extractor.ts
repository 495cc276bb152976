import type { DependencyScope, Property } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';

/**
 * The text of `mvn dependency:tree` (saved with `-DoutputFile=…` or from the console log, `[INFO] `
 * prefixes allowed): the resolved graph, `group:artifact:type[:classifier]:version[:scope]` per
 * line, depth from the `+- `, `\- `, `|  ` indentation. Several modules (several roots) may follow
 * each other; each root is a module of the project.
 */
export const extract: ExtractFn = extractMavenTree;

const SCOPE: Record<string, DependencyScope> = {
  compile: 'prod',
  runtime: 'prod',
  provided: 'prod',
  system: 'prod',
  test: 'dev',
  import: 'prod',
};

interface Coordinates {
  group: string;
  artifact: string;
  type: string;
  classifier?: string;
  version: string;
  scope?: string;
  optional: boolean;
}

function parseCoordinates(text: string): Coordinates | undefined {
  const optional = /\s\(optional\)/.test(text);
  const parts = text.replace(/\s.*$/, '').split(':');
  if (parts.length < 4) return undefined;
  const [group, artifact, type] = parts as [string, string, string];
  // g:a:t:v, g:a:t:v:s, g:a:t:c:v:s
  if (parts.length === 4) return { group, artifact, type, version: parts[3]!, optional };
  if (parts.length === 5) return { group, artifact, type, version: parts[3]!, scope: parts[4], optional };
  return { group, artifact, type, classifier: parts[3], version: parts[4]!, scope: parts[5], optional };
}

function extractMavenTree(input: LockfileInput): Inventory {
  const builder = new InventoryBuilder('maven', 'Java', input.path);
  const stack: string[] = [];
  const roots: string[] = [];
  const lines = input.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '').replace(/^\[INFO\] ?/, '');
    const m = /^((?:[|\s] {2})*)([+\\]- )?(.*)$/.exec(raw);
    const body = m?.[3]?.trim() ?? '';
    if (!/^[\w.-]+:[\w.-]+:/.test(body)) continue;
    const c = parseCoordinates(body);
    if (!c)
      throw new LockfileError(input.path, `"${body.slice(0, 80)}" is not group:artifact:type:version[:scope]`, i + 1);
    const depth = m![2] ? m![1]!.length / 3 + 1 : 0;
    const key = `${c.group}:${c.artifact}:${c.type}:${c.classifier ?? ''}:${c.version}`;
    if (depth === 0) {
      roots.push(key);
      stack.length = 0;
      stack.push(key);
      continue;
    }
    if (depth > stack.length)
      throw new LockfileError(input.path, 'a dependency is indented deeper than its parent', i + 1);
    stack.length = depth;
    const properties: Property[] = c.scope ? [{ name: 'vigie:maven:scope', value: c.scope }] : [];
    builder.add({
      key,
      name: c.artifact,
      group: c.group,
      version: c.version,
      purl: {
        namespace: c.group,
        name: c.artifact,
        version: c.version,
        qualifiers: { ...(c.type !== 'jar' && { type: c.type }), ...(c.classifier && { classifier: c.classifier }) },
      },
      properties,
    });
    const parent = stack[depth - 1]!;
    const scope: DependencyScope = c.optional ? 'optional' : (SCOPE[c.scope ?? 'compile'] ?? 'prod');
    if (depth === 1 && roots[0] === parent) builder.direct(key, scope);
    else if (depth === 1) {
      // A later module of a multi-module build: a component that the project holds.
      if (!builder.has(parent)) {
        const [g, a, , , v] = parent.split(':');
        builder.add({
          key: parent,
          name: a!,
          group: g,
          version: v,
          purl: false,
          properties: [{ name: 'vigie:maven:module', value: 'true' }],
        });
        builder.direct(parent, 'prod');
      }
      builder.edge(parent, key);
    } else builder.edge(parent, key);
    stack.push(key);
  }
  if (roots.length === 0)
    throw new LockfileError(
      input.path,
      'no dependency tree found (expected a "group:artifact:type:version" root line)',
      1,
    );
  const [group, artifact, , , version] = roots[0]!.split(':');
  return builder.build(
    { name: artifact, group, version, purl: { namespace: group, name: artifact, version } },
    'complete',
  );
}
