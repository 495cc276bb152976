/**
 * Writes VEX statements as a CycloneDX 1.6/1.7 VEX BOM: one `vulnerabilities[]` entry per
 * vulnerability and analysis, `affects[].ref` as BOM-Links into the release SBOM when it is known
 * (regulation.md §4.2, §4.3 VEX-01), otherwise as bom-refs of components listed in the VEX BOM.
 */
import type { Issue } from '../../model/issue.js';
import { productLabel, type VersionLimit, type VexStatement } from './analysis.js';
import { productLink } from './bom-link.js';
import { lossy, withTag, type FidelityTag } from './fidelity.js';
import { analysisKey } from './five-label.js';
import { distinctStatements, emptyOutput, groupBy, newestTimestamp } from './statements.js';
import { vulnerabilitySource } from './vulnerability-ids.js';
import { justificationFromVex, justificationToVex } from './vocabulary.js';

export interface CycloneDxVexOptions {
  specVersion: '1.6' | '1.7';
  /** This VEX BOM's own serial number (`urn:uuid:…`); the caller makes it, the pure layer has no randomness. */
  serialNumber: string;
  version?: number;
  timestamp: string;
  /** The SBOM the statements are about: refs become BOM-Links into it. */
  sbom?: { serialNumber: string; version: number };
  /** The product the VEX is about (metadata.component). */
  subject?: { name: string; version?: string };
  author?: string;
  toolVersion?: string;
}

export function encodeCycloneDxVex(
  input: readonly VexStatement[],
  options: CycloneDxVexOptions,
): { document: Record<string, unknown>; issues: Issue[] } {
  const { statements, issues } = distinctStatements(input);
  const localComponents = new Map<string, Record<string, unknown>>();
  const refOf = (s: VexStatement): string => {
    const p = s.product;
    const link = productLink(p, options.sbom);
    if (link) return link;
    const ref = p.ref ?? p.purl ?? productLabel(p);
    if (!localComponents.has(ref)) {
      localComponents.set(ref, {
        type: 'library',
        'bom-ref': ref,
        name: p.name ?? p.purl?.replace(/^pkg:[^/]+\/(?:.*\/)?([^/@?#]+).*$/, '$1') ?? ref,
        ...(p.version ? { version: p.version } : {}),
        ...(p.purl ? { purl: p.purl } : {}),
        ...(p.cpe ? { cpe: p.cpe } : {}),
      });
    }
    return ref;
  };
  const vulnerabilities = groupBy(statements, (s) => `${s.vulnerability.id}\u0000${analysisKey(s.analysis)}`).map(
    (group) => {
      const first = group[0]!;
      const { vulnerability: v, analysis: a } = first;
      const tag: FidelityTag = {};
      // A five-label justification without a CycloneDX one reads as the table's nearest value.
      const justification =
        a.justification ?? (a.vexJustification ? justificationFromVex(a.vexJustification) : undefined);
      if (a.vexJustification && justification && justificationToVex(justification) !== a.vexJustification) {
        tag.vexJustification = a.vexJustification;
        issues.push(
          lossy(`${v.id}: justification ${a.vexJustification} is written as ${justification}`, {
            component: productLabel(first.product),
          }),
        );
      }
      const timestamp = newestTimestamp(group.map((s) => s.timestamp));
      const source = vulnerabilitySource(v.id);
      return {
        id: v.id,
        source,
        ...(v.aliases.length > 0
          ? { references: v.aliases.map((id) => ({ id, source: vulnerabilitySource(id) })) }
          : {}),
        ...(v.description ? { description: v.description } : {}),
        ...(a.actionStatement ? { recommendation: a.actionStatement } : {}),
        analysis: {
          state: a.state,
          ...(justification ? { justification } : {}),
          ...(a.responses.length > 0 ? { response: a.responses } : {}),
          ...(withTag(a.detail, tag) ? { detail: withTag(a.detail, tag) } : {}),
          ...(timestamp ? { lastUpdated: timestamp } : {}),
        },
        affects: affectsOf(group, refOf),
      };
    },
  );
  const metadata = {
    timestamp: options.timestamp,
    tools: {
      components: [
        { type: 'application', name: 'Vigie', ...(options.toolVersion ? { version: options.toolVersion } : {}) },
      ],
    },
    ...(options.author ? { authors: [{ name: options.author }] } : {}),
    ...(options.subject
      ? {
          component: {
            type: 'application',
            'bom-ref': 'vex-subject',
            name: options.subject.name,
            ...(options.subject.version ? { version: options.subject.version } : {}),
          },
        }
      : {}),
  };
  issues.push(...emptyOutput(vulnerabilities.length, 'CycloneDX VEX'));
  return {
    document: {
      bomFormat: 'CycloneDX',
      specVersion: options.specVersion,
      serialNumber: options.serialNumber,
      version: options.version ?? 1,
      metadata,
      ...(localComponents.size > 0 ? { components: [...localComponents.values()] } : {}),
      vulnerabilities,
    },
    issues,
  };
}

/**
 * One `affects` entry per product; statements limited to some versions (read from a document's
 * `affects[].versions[]`) list them back as versions the analysis holds for (status affected, the
 * reading `decodeCycloneDxVex` gives). A statement about the whole product makes the list moot.
 */
function affectsOf(group: readonly VexStatement[], refOf: (s: VexStatement) => string): Record<string, unknown>[] {
  const limits = new Map<string, VersionLimit[] | null>();
  for (const s of group) {
    const ref = refOf(s);
    const known = limits.get(ref);
    if (known === null) continue;
    limits.set(ref, s.product.only ? [...(known ?? []), s.product.only] : null);
  }
  return [...limits].map(([ref, only]) =>
    only ? { ref, versions: only.map((limit) => ({ ...limit, status: 'affected' })) } : { ref },
  );
}
