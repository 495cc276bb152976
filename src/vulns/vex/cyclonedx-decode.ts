/** Reads the `vulnerabilities[]` of a CycloneDX BOM (1.4 and later) as VEX statements. */
import { issue, type Issue } from '../../model/issue.js';
import { formatPurl, isPurlError, parsePurl, purlWithoutVersion } from '../../model/purl/index.js';
import {
  ANALYSIS_RESPONSES,
  ANALYSIS_STATES,
  CDX_JUSTIFICATIONS,
  describeVersionLimit,
  isNotAffected,
  type VersionLimit,
  type VexAnalysis,
  type VexDocument,
  type VexProduct,
  type VexStatement,
} from './analysis.js';
import { parseBomLink } from './bom-link.js';
import { isOneOf, readTag } from './fidelity.js';
import { asArray, asRecord, asString } from './statements.js';
import { rangeProblem } from './version-limit.js';

export function decodeCycloneDxVex(doc: Record<string, unknown>): { document: VexDocument; issues: Issue[] } {
  const issues: Issue[] = [];
  const components = componentsByRef(doc);

  const statements: VexStatement[] = [];
  const links = new Set<string>();
  if (!Array.isArray(doc.vulnerabilities)) {
    issues.push(
      issue('warning', 'vex-empty', 'the BOM has no vulnerabilities[]: it holds no VEX statement', {
        field: '/vulnerabilities',
      }),
    );
  }
  asArray(doc.vulnerabilities).forEach((v, i) => {
    const field = `/vulnerabilities/${i}`;
    const vuln = asRecord(v);
    const id = asString(vuln?.id);
    if (!vuln || !id) {
      issues.push(issue('error', 'vex-invalid', 'vulnerability without an id is skipped', { field }));
      return;
    }
    const analysis = asRecord(vuln.analysis);
    const state = analysis?.state;
    if (!isOneOf(ANALYSIS_STATES, state)) {
      issues.push(
        issue(
          'warning',
          'vex-no-analysis',
          `${id}: no analysis state${state === undefined ? '' : ` (${String(state)} is not a CycloneDX state)`}; not a VEX statement`,
          {
            field: `${field}/analysis/state`,
          },
        ),
      );
      return;
    }
    const rawJustification = analysis!.justification;
    if (rawJustification !== undefined && !isOneOf(CDX_JUSTIFICATIONS, rawJustification)) {
      issues.push(
        issue('warning', 'vex-invalid', `${id}: unknown justification ${String(rawJustification)} ignored`, {
          field: `${field}/analysis/justification`,
        }),
      );
    }
    const { text: detail, tag } = readTag(asString(analysis!.detail));
    const responses = asArray(analysis!.response).filter((r) => isOneOf(ANALYSIS_RESPONSES, r));
    const justification =
      tag.justification ?? (isOneOf(CDX_JUSTIFICATIONS, rawJustification) ? rawJustification : undefined);
    const aliases = [
      ...new Set(
        asArray(vuln.references)
          .map((r) => asString(asRecord(r)?.id))
          .filter((r): r is string => r !== undefined && r !== id),
      ),
    ];
    const recommendation = asString(vuln.recommendation);
    const description = asString(vuln.description);
    const timestamp =
      asString(analysis!.lastUpdated) ??
      asString(analysis!.firstIssued) ??
      asString(vuln.updated) ??
      asString(vuln.published);
    const affects = asArray(vuln.affects);
    if (affects.length === 0)
      issues.push(issue('warning', 'vex-invalid', `${id}: no affects[], the analysis applies to nothing`, { field }));
    const analysisOf: VexStatement['analysis'] = {
      state: tag.state ?? state,
      ...(justification ? { justification } : {}),
      ...(tag.vexJustification ? { vexJustification: tag.vexJustification } : {}),
      responses: (tag.responses ?? responses) as VexStatement['analysis']['responses'],
      ...(detail ? { detail } : {}),
      ...(recommendation ? { actionStatement: recommendation } : {}),
    };
    const vulnerability = { id, aliases, ...(description ? { description } : {}) };
    affects.forEach((a, j) => {
      const ref = asString(asRecord(a)?.ref);
      if (!ref) {
        issues.push(
          issue('error', 'vex-invalid', `${id}: affects entry without a ref is skipped`, {
            field: `${field}/affects/${j}`,
          }),
        );
        return;
      }
      const product = productOf(ref, components);
      if (parseBomLink(ref)) links.add(ref.split('#')[0]!);
      const versions = asArray(asRecord(a)?.versions);
      const perVersion =
        versions.length === 0
          ? [{ product, analysis: analysisOf }]
          : versionStatements(id, ref, product, analysisOf, versions, `${field}/affects/${j}/versions`, issues);
      for (const v of perVersion)
        statements.push({
          vulnerability: { ...vulnerability, aliases: [...aliases] },
          product: v.product,
          analysis: v.analysis,
          ...(timestamp ? { timestamp } : {}),
        });
    });
  });
  const metadata = asRecord(doc.metadata);
  const author =
    asString(asRecord(asArray(metadata?.authors)[0])?.name) ??
    asString(asRecord(metadata?.manufacturer)?.name) ??
    asString(asRecord(metadata?.supplier)?.name);
  const serial = asString(doc.serialNumber);
  const timestamp = asString(metadata?.timestamp);
  const sbom = links.size === 1 ? parseBomLink([...links][0]!) : undefined;
  return {
    document: {
      format: 'cyclonedx-vex',
      info: {
        ...(serial ? { id: serial } : {}),
        ...(author ? { author } : {}),
        ...(timestamp ? { timestamp } : {}),
        ...(typeof doc.version === 'number' ? { version: doc.version } : {}),
        ...(sbom ? { sbom: { serialNumber: `urn:uuid:${sbom.serial}`, version: sbom.version } } : {}),
      },
      statements,
    },
    issues,
  };
}

interface KnownComponent {
  purl?: string;
  name?: string;
  version?: string;
  cpe?: string;
}

function componentsByRef(doc: Record<string, unknown>): Map<string, KnownComponent> {
  const out = new Map<string, KnownComponent>();
  const visit = (c: unknown) => {
    const r = asRecord(c);
    if (!r) return;
    const ref = asString(r['bom-ref']);
    if (ref) {
      const purl = asString(r.purl);
      const name = asString(r.name);
      const version = asString(r.version);
      const cpe = asString(r.cpe);
      out.set(ref, {
        ...(purl ? { purl } : {}),
        ...(name ? { name } : {}),
        ...(version ? { version } : {}),
        ...(cpe ? { cpe } : {}),
      });
    }
    asArray(r.components).forEach(visit);
  };
  visit(asRecord(doc.metadata)?.component);
  asArray(doc.components).forEach(visit);
  return out;
}

function productOf(ref: string, components: Map<string, KnownComponent>): VexProduct {
  const external = parseBomLink(ref);
  const localRef = external ? external.ref : ref;

  const known = localRef !== undefined ? components.get(localRef) : undefined;
  // Many VEX documents use the purl itself as the bom-ref.
  const purl = known?.purl ?? (localRef?.startsWith('pkg:') ? localRef : undefined);
  return {
    ...(purl ? { purl } : {}),
    ...(localRef !== undefined ? { ref: localRef } : {}),
    ...(external ? { bomLink: ref } : {}),
    ...(known?.cpe ? { cpe: known.cpe } : {}),
    ...(known?.name ? { name: known.name } : {}),
    ...(known?.version ? { version: known.version } : {}),
  };
}

const VERSION_STATUSES = ['affected', 'unaffected', 'unknown'] as const;

/**
 * The statements of one `affects` entry that lists versions: the analysis holds for each version
 * or range the document gives as `affected` (the status CycloneDX assumes when none is written);
 * a version given as `unaffected` is not_affected, that version only; `unknown` says nothing. The
 * product keeps its identity without a version of its own: the limit says which versions.
 */
function versionStatements(
  id: string,
  ref: string,
  product: VexProduct,
  analysis: VexAnalysis,
  versions: unknown[],
  field: string,
  issues: Issue[],
): { product: VexProduct; analysis: VexAnalysis }[] {
  const out: { product: VexProduct; analysis: VexAnalysis }[] = [];
  const { version: _ownVersion, ...identity } = product;
  const purl = identity.purl ? versionless(identity.purl) : undefined;
  versions.forEach((v, k) => {
    const entry = asRecord(v);
    const status = entry?.status ?? 'affected';
    const limit = versionLimit(entry);
    const where = { field: `${field}/${k}` };
    if (!limit || !isOneOf(VERSION_STATUSES, status)) {
      const why = limit ? `status ${String(status)} is not affected, unaffected or unknown` : 'no version or range';
      issues.push(issue('warning', 'vex-invalid', `${id}: a version entry of ${ref} is skipped (${why})`, where));
      return;
    }
    const problem = 'range' in limit ? rangeProblem(limit.range) : undefined;
    if (problem) {
      issues.push(issue('warning', 'vex-invalid', `${id}: range of ${ref} is skipped: ${problem}`, where));
      return;
    }
    if (status === 'unknown') {
      issues.push(
        issue(
          'info',
          'vex-version-unknown',
          `${id}: ${describeVersionLimit(limit)} of ${ref} is unknown; nothing is applied to it`,
          where,
        ),
      );
      return;
    }
    out.push({
      product: { ...identity, ...(purl ? { purl } : {}), only: limit },
      analysis:
        status === 'affected' || isNotAffected(analysis.state)
          ? analysis
          : {
              state: 'not_affected',
              responses: [],
              detail: `${describeVersionLimit(limit)} is listed as unaffected by ${id}`,
            },
    });
  });
  return out;
}

function versionLimit(entry: Record<string, unknown> | undefined): VersionLimit | undefined {
  const version = asString(entry?.version);
  if (version !== undefined) return { version };
  const range = asString(entry?.range);
  return range !== undefined ? { range } : undefined;
}

function versionless(purl: string): string {
  const p = parsePurl(purl);
  return isPurlError(p) ? purl : formatPurl(purlWithoutVersion(p));
}
