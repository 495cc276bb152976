import {
  issue,
  type Completeness,
  type Component,
  type ComponentType,
  type DependencyScope,
  type ExternalReference,
  type Hash,
  type IssueSeverity,
  type Issue,
  type Property,
} from '../../../model/index.js';
import { buildPurl, type PurlParts } from '../../../model/purl/index.js';
import { licenseFromString } from '../npm/manifest-metadata.js';
import { cycloneDxScopeOf, mostNeededScope } from '../npm/dependency-scope.js';
import type { Inventory } from './extractor.js';

export interface PackageSpec {
  /** Key that edges of this file use for the package (`name@version`, a pnpm path, …). */
  key: string;
  name: string;
  /** CycloneDX group: Maven groupId, npm scope with its `@` (as cyclonedx-npm and cdxgen write it), Composer vendor, Go module path prefix. */
  group?: string;
  version?: string;
  /** The purl parts (type defaults to the ecosystem); no purl when the version is unknown or local. */
  purl?: PurlParts | false;
  /** The scope the file states for this package; otherwise it follows from the graph. */
  scope?: DependencyScope;
  hashes?: Hash[];
  /** The licence string exactly as the file gives it. */
  license?: string;
  properties?: Property[];
  externalReferences?: ExternalReference[];
  type?: ComponentType;
  description?: string;
}

export interface ProjectSpec {
  name?: string;
  group?: string;
  version?: string;
  purl?: PurlParts | false;
  license?: string;
  properties?: Property[];
}

const ROOT = '\u0000root';

/**
 * Collects what an extractor reads and turns it into an Inventory: one component per key (the
 * first spec wins, later ones only widen the scope), purls in canonical form, the scopes of packages
 * the file leaves unscoped derived from the graph (a package reached from a production dependency is
 * production; reached only through dev dependencies, dev), edges deduplicated and sorted.
 */
export class InventoryBuilder {
  private readonly specs = new Map<string, PackageSpec>();
  private readonly edges = new Map<string, Map<string, DependencyScope | undefined>>();
  readonly issues: Issue[] = [];

  constructor(
    readonly ecosystem: string,
    readonly language: string | undefined,
    readonly path: string,
  ) {}

  add(spec: PackageSpec): void {
    const known = this.specs.get(spec.key);
    if (!known) this.specs.set(spec.key, { ...spec });
    else if (spec.scope) known.scope = known.scope ? mostNeededScope(known.scope, spec.scope) : spec.scope;
  }

  has(key: string): boolean {
    return this.specs.has(key);
  }

  /**
   * A dependency edge between two packages of the file. A scope makes what it reaches no more needed
   * than that scope (a workspace's devDependencies are dev even though the workspace ships).
   */
  edge(from: string, to: string, scope?: DependencyScope): void {
    const set = this.edgesOf(from);
    if (!set.has(to)) set.set(to, scope);
    else {
      // Seen twice: an unscoped edge wins, else the most needed of the two scopes.
      const known = set.get(to);
      set.set(to, known && scope ? mostNeededScope(known, scope) : undefined);
    }
  }

  /** A direct dependency of the project, with the scope it is declared in. */
  direct(to: string, scope: DependencyScope = 'prod'): void {
    const set = this.edgesOf(ROOT);
    const known = set.get(to);
    set.set(to, known ? mostNeededScope(known, scope) : scope);
  }

  get hasDirect(): boolean {
    return (this.edges.get(ROOT)?.size ?? 0) > 0;
  }

  report(
    severity: IssueSeverity,
    code: string,
    message: string,
    where: { component?: string; line?: number } = {},
  ): void {
    this.issues.push(
      issue(severity, code, `${this.path}${where.line ? `:${where.line}` : ''}: ${message}`, {
        field: this.path,
        ...where,
      }),
    );
  }

  build(project: ProjectSpec, completeness: Completeness): Inventory {
    const projectRef = `project:${this.path}`;
    const refOf = new Map<string, string>();
    const used = new Set<string>([projectRef]);
    const purls = new Map<string, string | undefined>();
    for (const [key, spec] of this.specs) {
      const purl = this.purlOf(spec);
      purls.set(key, purl);
      const ref = purl && !used.has(purl) ? purl : `${this.ecosystem}:${this.path}#${key}`;
      used.add(ref);
      refOf.set(key, ref);
    }
    const scopes = this.derivedScopes();
    const components: Component[] = [];
    for (const [key, spec] of this.specs) {
      const scope = spec.scope ?? scopes.get(key);
      const purl = purls.get(key);
      components.push({
        ref: refOf.get(key)!,
        type: spec.type ?? 'library',
        name: spec.name,
        ...(spec.group && { group: spec.group }),
        ...(spec.version && { version: spec.version }),
        ...(spec.description && { description: spec.description }),
        ...(purl && { purl }),
        hashes: spec.hashes ?? [],
        licenses: spec.license ? { declared: licenseFromString(spec.license) } : {},
        externalReferences: spec.externalReferences ?? [],
        properties: spec.properties ?? [],
        ...(scope && { scope: cycloneDxScopeOf(scope), dependencyScope: scope }),
        ...(this.language && { language: this.language }),
        evidence: [this.path],
      });
    }
    components.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));

    const dependencies = [];
    for (const [from, targets] of this.edges) {
      const fromRef = from === ROOT ? projectRef : refOf.get(from);
      if (!fromRef) continue;
      const dependsOn = new Set<string>();
      for (const to of targets.keys()) {
        const ref = refOf.get(to);
        if (ref && ref !== fromRef) dependsOn.add(ref);
      }
      dependencies.push({ ref: fromRef, dependsOn: [...dependsOn].sort() });
    }
    if (!this.edges.has(ROOT)) dependencies.push({ ref: projectRef, dependsOn: [] });
    dependencies.sort((a, b) => (a.ref === projectRef ? -1 : b.ref === projectRef ? 1 : a.ref < b.ref ? -1 : 1));

    const projectPurl = project.purl
      ? this.purlOf({ key: '', name: project.name ?? '', version: project.version, purl: project.purl })
      : undefined;
    const name = project.name ?? folderName(this.path);
    return {
      ecosystem: this.ecosystem,
      project: {
        ref: projectRef,
        type: 'application',
        name,
        ...(project.group && { group: project.group }),
        ...(project.version && { version: project.version }),
        ...(projectPurl && { purl: projectPurl }),
        hashes: [],
        licenses: project.license ? { declared: licenseFromString(project.license) } : {},
        externalReferences: [],
        properties: project.properties ?? [],
        ...(this.language && { language: this.language }),
        evidence: [this.path],
      },
      components,
      dependencies,
      completeness,
      issues: this.issues,
    };
  }

  private edgesOf(from: string): Map<string, DependencyScope | undefined> {
    let set = this.edges.get(from);
    if (!set) this.edges.set(from, (set = new Map()));
    return set;
  }

  private purlOf(spec: PackageSpec): string | undefined {
    if (spec.purl === false || spec.purl === undefined) return undefined;
    const built = buildPurl({ type: this.ecosystem, ...spec.purl });
    if (typeof built === 'string') return built;
    this.report('warning', 'invalid-purl', `${spec.name}@${spec.version ?? '?'} gets no purl: ${built.error}`, {
      component: spec.key,
    });
    return undefined;
  }

  /** Scopes from the graph: a breadth-first walk from each direct dependency, the most needed wins. */
  private derivedScopes(): Map<string, DependencyScope> {
    const scopes = new Map<string, DependencyScope>();
    const roots = this.edges.get(ROOT);
    if (!roots) return scopes;
    // Production first so that a package reached both ways is settled as production at once.
    const order: DependencyScope[] = ['prod', 'peer', 'optional', 'dev'];
    const starts = [...roots].sort(([, a], [, b]) => order.indexOf(a ?? 'prod') - order.indexOf(b ?? 'prod'));
    for (const [start, scope] of starts) {
      const queue: [string, DependencyScope][] = [[start, scope ?? 'prod']];
      while (queue.length > 0) {
        const [key, s] = queue.pop()!;
        const known = scopes.get(key);
        if (known !== undefined && mostNeededScope(known, s) === known) continue;
        scopes.set(key, known ? mostNeededScope(known, s) : s);
        for (const [next, through] of this.edges.get(key) ?? [])
          queue.push([next, through ? leastNeededScope(s, through) : s]);
      }
    }
    return scopes;
  }
}

const leastNeededScope = (a: DependencyScope, b: DependencyScope): DependencyScope =>
  mostNeededScope(a, b) === a ? b : a;

function folderName(path: string): string {
  const parts = path.split('/');
  return parts.length > 1 ? parts[parts.length - 2]! : '.';
}

/** Splits `name@version` at the last `@` that is not the first character (npm scopes start with one). */
export function splitAtVersion(spec: string): { name: string; version: string } | undefined {
  const at = spec.lastIndexOf('@');
  if (at <= 0) return undefined;
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

/** `sha256:abc`, `sha256-<base64>` (SRI) and bare hex digests as a Hash. */
export function hashOf(text: string | undefined, defaultAlg?: string): Hash | undefined {
  if (!text) return undefined;
  const m = /^(md5|sha1|sha224|sha256|sha384|sha512|h1)[:=-](.+)$/i.exec(text.trim());
  const alg = m ? m[1]!.toLowerCase() : defaultAlg;
  const value = m ? m[2]! : text.trim();
  const name = alg && ALG[alg];
  if (!name) return undefined;
  if (/^[0-9a-f]+$/i.test(value) && value.length === HEX_LENGTH[name])
    return { alg: name, content: value.toLowerCase() };
  try {
    const hex = Buffer.from(value, 'base64').toString('hex');
    if (hex.length === HEX_LENGTH[name]) return { alg: name, content: hex };
  } catch {
    // not base64: no hash
  }
  return undefined;
}

const ALG: Record<string, string> = {
  md5: 'MD5',
  sha1: 'SHA-1',
  sha224: 'SHA-224',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
  h1: 'SHA-256',
};
const HEX_LENGTH: Record<string, number> = {
  MD5: 32,
  'SHA-1': 40,
  'SHA-224': 56,
  'SHA-256': 64,
  'SHA-384': 96,
  'SHA-512': 128,
};
