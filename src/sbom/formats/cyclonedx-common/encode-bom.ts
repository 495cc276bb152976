// The Vigie model → a CycloneDX 1.6/1.7 document in object shape (printed as JSON or XML).
import { issue, type Dependency, type Issue, type Sbom } from '../../../model/index.js';
import type { EncodeOptions } from '../../format.js';
import type { CdxBom, CdxComponent, CdxMetadata } from './bom-shape.js';
import { encodeComponent, encodeContact, encodeOrganization } from './encode-component.js';
import type { EncodeContext } from './encode-context.js';
import { encodeLicenses } from './encode-licenses.js';
import { ENCODES, type EncodeVersion } from './versions.js';
import { LIFECYCLE_PHASES } from './vocabulary.js';

const SERIAL_NUMBER = /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function isEncodeVersion(v: string): v is EncodeVersion {
  return (ENCODES as readonly string[]).includes(v);
}

function encodeMetadata(sbom: Sbom, ctx: EncodeContext, options: EncodeOptions): CdxMetadata | undefined {
  const m = sbom.metadata;
  const out: CdxMetadata = {};
  const timestamp = options.timestamp ?? m.timestamp;
  if (timestamp !== undefined) {
    if (DATE_TIME.test(timestamp)) out.timestamp = timestamp;
    else
      ctx.issues.push(
        issue('warning', 'lossy-encode', `timestamp "${timestamp}" is not an ISO 8601 date-time; left out`, {
          field: 'metadata.timestamp',
        }),
      );
  }
  if (m.lifecycles.length > 0) {
    out.lifecycles = m.lifecycles.map((p) => (LIFECYCLE_PHASES.has(p) ? { phase: p } : { name: p }));
  }
  if (m.tools.length > 0) {
    // 1.5+ form: tools are components; the vendor goes in `group` as the CycloneDX libraries do.
    const components: CdxComponent[] = m.tools.map((t) => {
      const c: CdxComponent = { type: 'application' };
      if (t.vendor !== undefined) c.group = t.vendor;
      c.name = t.name;
      if (t.version !== undefined) c.version = t.version;
      return c;
    });
    out.tools = { components };
  }
  if (m.authors.length > 0) out.authors = m.authors.map(encodeContact);
  if (m.component) out.component = encodeComponent(m.component, ctx);
  if (m.manufacturer) out.manufacturer = encodeOrganization(m.manufacturer);
  if (m.supplier) out.supplier = encodeOrganization(m.supplier);
  if (m.dataLicense) {
    const spill: { name: string; value: string }[] = [];
    const licenses = encodeLicenses({ declared: m.dataLicense }, ctx, 'metadata', spill);
    if (licenses) out.licenses = licenses;
  }
  if (m.properties.length > 0) out.properties = m.properties.map((p) => ({ name: p.name, value: p.value }));
  return Object.keys(out).length > 0 ? out : undefined;
}

export interface EncodedBom {
  bom: CdxBom;
  issues: Issue[];
}

export function encodeBom(sbom: Sbom, version: EncodeVersion, options: EncodeOptions = {}): EncodedBom {
  const ctx: EncodeContext = { version, issues: [], refs: new Set() };
  if (sbom.lineage && sbom.lineage.length > 0) {
    ctx.lineage = new Map();
    for (const edge of sbom.lineage) {
      const list = ctx.lineage.get(edge.from);
      if (list) list.push(edge);
      else ctx.lineage.set(edge.from, [edge]);
    }
  }
  const bom: CdxBom = { bomFormat: 'CycloneDX', specVersion: version };
  const serial = options.serialNumber ?? sbom.metadata.serialNumber;
  if (serial !== undefined && SERIAL_NUMBER.test(serial)) bom.serialNumber = serial;
  else if (serial !== undefined) {
    ctx.issues.push(
      issue('info', 'lossy-encode', `serial number "${serial}" is not a urn:uuid; left out`, { field: 'serialNumber' }),
    );
  }
  const v = sbom.metadata.version;
  bom.version = v !== undefined && Number.isInteger(v) && v >= 1 ? v : 1;
  const metadata = encodeMetadata(sbom, ctx, options);
  if (metadata) bom.metadata = metadata;
  bom.components = sbom.components.map((c) => encodeComponent(c, ctx));
  const dependencies = uniqueEdges(sbom.dependencies);
  if (dependencies.length > 0) {
    bom.dependencies = dependencies.map(({ ref, dependsOn }) => (dependsOn.length > 0 ? { ref, dependsOn } : { ref }));
  }
  if (sbom.dependencyCompleteness !== 'not_specified') {
    bom.compositions = [
      dependencies.length > 0
        ? { aggregate: sbom.dependencyCompleteness, dependencies: dependencies.map((d) => d.ref) }
        : { aggregate: sbom.dependencyCompleteness },
    ];
  }
  return { bom, issues: ctx.issues };
}

/**
 * One entry per ref, each target once: the schema wants both unique. Entries in the order their ref
 * first appears, targets in the order they first appear. A list with nothing repeated (each list of
 * targets in ascending order, as the merge and the store give them) is used as it is.
 */
function uniqueEdges(dependencies: readonly Dependency[]): { ref: string; dependsOn: string[] }[] {
  const refs = new Set<string>();
  let asTheyAre = true;
  for (let i = 0; i < dependencies.length; i++) {
    const d = dependencies[i]!;
    if (refs.has(d.ref)) asTheyAre = false;
    refs.add(d.ref);
    for (let j = 1; j < d.dependsOn.length && asTheyAre; j++) {
      if (!(d.dependsOn[j - 1]! < d.dependsOn[j]!)) asTheyAre = false;
    }
    if (!asTheyAre) break;
  }
  if (asTheyAre) return dependencies as { ref: string; dependsOn: string[] }[];
  const merged = new Map<string, Set<string>>();
  for (const d of dependencies) {
    let targets = merged.get(d.ref);
    if (!targets) merged.set(d.ref, (targets = new Set()));
    for (const t of d.dependsOn) targets.add(t);
  }
  return [...merged].map(([ref, targets]) => ({ ref, dependsOn: [...targets] }));
}
