// A CycloneDX document in object shape (JSON as parsed, or XML as converted) → the Vigie model.
import {
  emptySbom,
  issue,
  type Completeness,
  type Component,
  type Dependency,
  type FormatRef,
  type Sbom,
  type Tool,
} from '../../../model/index.js';
import type { DecodeResult } from '../../format.js';
import type { CdxBom, CdxComponent, CdxComposition, CdxDependency, CdxMetadata, CdxService } from './bom-shape.js';
import { decodeComponent, decodeContact, decodeOrganization, decodeProperties } from './decode-component.js';
import { newDecodeContext, type DecodeContext } from './decode-context.js';
import { decodeLicenses } from './decode-licenses.js';
import { asCompleteness } from './vocabulary.js';

function decodeTools(tools: CdxMetadata['tools']): Tool[] {
  if (!tools) return [];
  const out: Tool[] = [];
  const add = (name: unknown, version: unknown, vendor: unknown) => {
    if (typeof name !== 'string') return;
    const tool: Tool = { name };
    if (typeof version === 'string') tool.version = version;
    if (typeof vendor === 'string') tool.vendor = vendor;
    out.push(tool);
  };
  if (Array.isArray(tools)) {
    for (const t of tools) add(t.name, t.version, t.vendor);
    return out;
  }
  // CycloneDX 1.5+: tools are components and services; the vendor is their group or supplier.
  for (const c of tools.components ?? []) {
    add(c.name, c.version, c.group ?? c.supplier?.name ?? c.manufacturer?.name ?? c.author);
  }
  for (const s of tools.services ?? []) add(s.name, s.version, s.group ?? s.provider?.name);
  return out;
}

function countServices(services: CdxService[] | undefined, refs: Set<string>): number {
  if (!Array.isArray(services)) return 0;
  let n = 0;
  for (const s of services) {
    n++;
    if (typeof s['bom-ref'] === 'string') refs.add(s['bom-ref']);
    n += countServices(s.services, refs);
  }
  return n;
}

function decodeDependencies(
  deps: CdxDependency[] | undefined,
  ctx: DecodeContext,
  serviceRefs: Set<string>,
): Dependency[] {
  if (!Array.isArray(deps)) return [];
  const out: Dependency[] = [];
  for (let i = 0; i < deps.length; i++) {
    const d = deps[i]!;
    const refless = () =>
      ctx.issues.push(issue('error', 'missing-field', 'dependency entry has no ref', { field: `dependencies[${i}]` }));
    if (typeof d.ref !== 'string') {
      refless();
      continue;
    }
    // Services are skipped, so are their places in the graph: kept, they were unknown components
    // to every later reader (a valid document judged invalid, converted with dangling entries).
    if (serviceRefs.has(d.ref) && !ctx.refs.has(d.ref)) continue;
    let dependsOn: string[] = [];
    if (Array.isArray(d.dependsOn)) {
      dependsOn = d.dependsOn.filter((r) => typeof r === 'string');
      if (dependsOn.length !== d.dependsOn.length) refless();
      dependsOn = dependsOn.filter((r) => !serviceRefs.has(r) || ctx.refs.has(r));
    }
    const dangling = (r: string) =>
      ctx.issues.push(
        issue('warning', 'dangling-ref', `dependency graph names "${r}", which no component has as bom-ref`, {
          component: d.ref,
          field: `dependencies[${i}]`,
        }),
      );
    if (!ctx.refs.has(d.ref)) dangling(d.ref);
    for (const r of dependsOn) if (!ctx.refs.has(r)) dangling(r);
    out.push({ ref: d.ref, dependsOn });
  }
  return out;
}

/**
 * The graph's completeness: a composition that lists dependency refs speaks of the graph; failing
 * that, one that lists neither assemblies nor dependencies speaks of the whole document.
 */
function graphCompleteness(compositions: CdxComposition[] | undefined): Completeness {
  if (!Array.isArray(compositions)) return 'not_specified';
  const forGraph =
    compositions.find((c) => Array.isArray(c.dependencies) && c.dependencies.length > 0) ??
    compositions.find((c) => !c.assemblies?.length && !c.dependencies?.length);
  return asCompleteness(forGraph?.aggregate) ?? 'not_specified';
}

function decodeMetadata(m: CdxMetadata | undefined, sbom: Sbom, ctx: DecodeContext): void {
  if (!m || typeof m !== 'object') return;
  const meta = sbom.metadata;
  if (typeof m.timestamp === 'string') meta.timestamp = m.timestamp;
  if (Array.isArray(m.authors)) meta.authors = m.authors.map(decodeContact);
  meta.tools = decodeTools(m.tools);
  if (Array.isArray(m.lifecycles)) {
    for (const l of m.lifecycles) {
      const phase = l.phase ?? l.name;
      if (typeof phase === 'string') meta.lifecycles.push(phase);
    }
  }
  if (m.component) meta.component = decodeComponent(m.component, ctx, 'metadata.component');
  if (m.supplier) meta.supplier = decodeOrganization(m.supplier);
  const manufacturer = m.manufacturer ?? m.manufacture;
  if (manufacturer) meta.manufacturer = decodeOrganization(manufacturer);
  const roles = decodeLicenses(m.licenses, { field: 'metadata.licenses' }, ctx.issues);
  const dataLicense = roles.declared ?? roles.concluded;
  if (dataLicense) meta.dataLicense = dataLicense;
  meta.properties = decodeProperties(m.properties);
}

/** The bom-refs written in the document, nested components included. */
function collectDocumentRefs(components: CdxComponent[] | undefined, into: Set<string>): void {
  if (!Array.isArray(components)) return;
  for (const c of components) {
    if (!c || typeof c !== 'object') continue;
    if (typeof c['bom-ref'] === 'string' && c['bom-ref'] !== '') into.add(c['bom-ref']);
    collectDocumentRefs(c.components, into);
  }
}

export function decodeBom(bom: CdxBom, source: FormatRef): DecodeResult {
  const ctx = newDecodeContext();
  collectDocumentRefs(bom.metadata?.component ? [bom.metadata.component] : [], ctx.documentRefs);
  collectDocumentRefs(bom.components, ctx.documentRefs);
  const sbom = emptySbom(source);
  if (typeof bom.serialNumber === 'string') sbom.metadata.serialNumber = bom.serialNumber;
  if (typeof bom.version === 'number') sbom.metadata.version = bom.version;
  decodeMetadata(bom.metadata, sbom, ctx);
  if (Array.isArray(bom.vulnerabilities) && bom.vulnerabilities.length > 0) {
    sbom.metadata.embeddedVulnerabilities = bom.vulnerabilities.length;
  }
  if (bom.signature && typeof bom.signature === 'object') sbom.metadata.signed = true;

  if (Array.isArray(bom.components)) {
    const list: Component[] = new Array(bom.components.length);
    for (let i = 0; i < bom.components.length; i++) {
      list[i] = decodeComponent(bom.components[i]!, ctx, `components[${i}]`);
    }
    sbom.components = list;
  }

  const serviceRefs = new Set<string>();
  const services = countServices(bom.services, serviceRefs);
  if (services > 0) {
    ctx.issues.push(
      issue(
        'info',
        'services-skipped',
        `${services} service${services === 1 ? '' : 's'} skipped: Vigie keeps components only`,
        {
          field: 'services',
        },
      ),
    );
  }
  sbom.dependencies = decodeDependencies(bom.dependencies, ctx, serviceRefs);
  sbom.dependencyCompleteness = graphCompleteness(bom.compositions);
  if (ctx.lineage.length > 0) sbom.lineage = ctx.lineage;

  if (ctx.generatedRefs > 0) {
    const n = ctx.generatedRefs;
    ctx.issues.push(
      issue(
        'info',
        'generated-ref',
        `${n} component${n === 1 ? ' has' : 's have'} no bom-ref; Vigie gave ${n === 1 ? 'it a ref' : 'them refs'} from purl or name@version (first: "${ctx.firstGeneratedRef}")`,
      ),
    );
  }
  return { sbom, issues: ctx.issues };
}
