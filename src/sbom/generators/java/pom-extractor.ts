import type { DependencyScope, Property } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { parsePom, type Pom, type PomDependency } from './pom-model.js';

/**
 * Maven pom.xml: the declared dependencies, with `${…}` properties and versions from
 * dependencyManagement resolved through the parent chain where the parent POMs are in the walked
 * folder (`relativePath`, `../pom.xml` by default). What only a remote repository could answer (a
 * parent or BOM that is not here) is reported as unresolved, never guessed. Only direct
 * dependencies: the graph is incomplete (the transitive ones need Maven's resolution).
 */
export const extract: ExtractFn = extractPom;

const MAX_PARENTS = 16;

interface Effective {
  chain: Pom[];
  properties: Map<string, string>;
  managed: Map<string, PomDependency>;
  unresolvedParent?: string;
}

function joinPath(folder: string, relative: string): string {
  const parts = folder ? folder.split('/') : [];
  for (const seg of relative.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The POM and its local parents, child first; properties and managed versions, child winning. */
function effectiveModel(input: LockfileInput, pom: Pom): Effective {
  const chain = [pom];
  let unresolvedParent: string | undefined;
  let current = pom;
  let folder = '';
  while (current.parent && chain.length < MAX_PARENTS) {
    const p = current.parent;
    const coordinates = `${p.groupId}:${p.artifactId}:${p.version}`;
    const relative = p.relativePath === undefined ? '../pom.xml' : p.relativePath;
    const file =
      relative === '' ? undefined : joinPath(folder, relative.endsWith('.xml') ? relative : `${relative}/pom.xml`);
    const text = file !== undefined ? input.readRelated?.(file) : undefined;
    let parent: Pom | undefined;
    if (text !== undefined) {
      try {
        parent = parsePom(file!, text);
      } catch {
        parent = undefined;
      }
    }
    if (!parent || parent.artifactId !== p.artifactId || (parent.groupId ?? parent.parent?.groupId) !== p.groupId) {
      unresolvedParent = coordinates;
      break;
    }
    chain.push(parent);
    current = parent;
    folder = file!.includes('/') ? file!.slice(0, file!.lastIndexOf('/')) : '';
  }
  const properties = new Map<string, string>();
  const managed = new Map<string, PomDependency>();
  for (const level of [...chain].reverse()) {
    for (const [k, v] of level.properties) properties.set(k, v);
    for (const d of level.managed)
      managed.set(`${d.groupId}:${d.artifactId}:${d.type ?? 'jar'}:${d.classifier ?? ''}`, d);
  }
  const groupId = pom.groupId ?? pom.parent?.groupId;
  const version = pom.version ?? pom.parent?.version;
  for (const [k, v] of [
    ['project.groupId', groupId],
    ['project.artifactId', pom.artifactId],
    ['project.version', version],
    ['project.parent.groupId', pom.parent?.groupId],
    ['project.parent.version', pom.parent?.version],
    ['pom.version', version],
    ['version', version],
    ['groupId', groupId],
  ] as const) {
    if (v !== undefined && !properties.has(k)) properties.set(k, v);
  }
  return { chain, properties, managed, unresolvedParent };
}

/** `${name}` references replaced (repeatedly: properties may refer to properties); undefined when one is unknown. */
function interpolate(value: string | undefined, properties: Map<string, string>): { value?: string; missing?: string } {
  if (value === undefined) return {};
  let out = value;
  for (let i = 0; i < 10 && out.includes('${'); i++) {
    out = out.replace(/\$\{([^}]+)\}/g, (whole, name: string) => properties.get(name) ?? whole);
  }
  const missing = /\$\{([^}]+)\}/.exec(out)?.[1];
  return missing ? { missing } : { value: out };
}

const SCOPE: Record<string, DependencyScope> = {
  compile: 'prod',
  runtime: 'prod',
  provided: 'prod',
  system: 'prod',
  test: 'dev',
};

function extractPom(input: LockfileInput): Inventory {
  const pom = parsePom(input.path, input.text);
  const model = effectiveModel(input, pom);
  const builder = new InventoryBuilder('maven', 'Java', input.path);
  if (model.unresolvedParent) {
    builder.report(
      'warning',
      'maven-unresolved-parent',
      `parent POM ${model.unresolvedParent} is not in the walked folder: properties and managed versions it defines are unresolved`,
    );
  }
  for (const bom of model.managed.values()) {
    if (bom.scope === 'import')
      builder.report(
        'warning',
        'maven-unresolved-bom',
        `BOM ${bom.groupId}:${bom.artifactId}:${interpolate(bom.version, model.properties).value ?? bom.version} is imported from a repository: versions it manages are unresolved`,
      );
  }
  const seen = new Set<string>();
  for (const level of model.chain) {
    for (const dep of level.dependencies) {
      const groupId = interpolate(dep.groupId, model.properties).value ?? dep.groupId;
      const artifactId = interpolate(dep.artifactId, model.properties).value ?? dep.artifactId;
      if (!groupId || !artifactId) continue;
      const type = dep.type ?? 'jar';
      const classifier = interpolate(dep.classifier, model.properties).value;
      const identity = `${groupId}:${artifactId}:${type}:${classifier ?? ''}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      const managed = model.managed.get(identity) ?? model.managed.get(`${groupId}:${artifactId}:jar:`);
      const declared = dep.version ?? managed?.version;
      const { value: written, missing } = interpolate(declared, model.properties);
      const { version, range } = settledVersion(written);
      const mavenScope = dep.scope ?? managed?.scope ?? 'compile';
      const properties: Property[] = [{ name: 'vigie:maven:scope', value: mavenScope }];
      if (level !== pom)
        properties.push({
          name: 'vigie:maven:inherited-from',
          value: `${level.groupId ?? level.parent?.groupId}:${level.artifactId}`,
        });
      if (!version) {
        const why = range
          ? `${written} is a version range, which Maven settles from the repository at build time`
          : missing
            ? `property \${${missing}} is not defined here or in a local parent`
            : 'no version is declared or managed by a local parent';
        properties.push({ name: 'vigie:maven:unresolved-version', value: declared ?? '' });
        builder.report(
          'warning',
          'maven-unresolved-version',
          `${groupId}:${artifactId} has no resolved version: ${why}`,
        );
      }
      const scope = dep.optional === 'true' ? 'optional' : (SCOPE[mavenScope] ?? 'prod');
      builder.add({
        key: identity,
        name: artifactId,
        group: groupId,
        version,
        purl: version
          ? {
              namespace: groupId,
              name: artifactId,
              version,
              qualifiers: { ...(type !== 'jar' && { type }), ...(classifier && { classifier }) },
            }
          : false,
        properties,
      });
      builder.direct(identity, scope);
    }
  }
  const groupId = pom.groupId ?? pom.parent?.groupId;
  const version = interpolate(pom.version ?? pom.parent?.version, model.properties).value;
  return builder.build(
    {
      name: pom.artifactId,
      group: groupId,
      version,
      purl: groupId && pom.artifactId && version ? { namespace: groupId, name: pom.artifactId, version } : false,
      license: pom.licenses.length === 1 ? pom.licenses[0] : undefined,
    },
    'incomplete',
  );
}

/**
 * A version range (`[5.13,6.0)`, `[1.5,)`) is settled by Maven at build time from the repository,
 * so it gives no version; the one-version range `[1.2]` is 1.2.
 */
function settledVersion(written: string | undefined): { version?: string; range: boolean } {
  const text = written?.trim();
  if (!text || !/^[[(]/.test(text)) return { ...(written && { version: written }), range: false };
  const exact = /^\[([^,[\]()]+)\]$/.exec(text)?.[1];
  return exact ? { version: exact, range: false } : { range: true };
}
