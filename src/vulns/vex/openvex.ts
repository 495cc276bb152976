/** OpenVEX 0.2.0 (https://openvex.dev/ns/v0.2.0) to and from VEX statements. */
import { issue, type Issue } from '../../model/issue.js';
import { VEX_JUSTIFICATIONS, productLabel, type VexDocument, type VexProduct, type VexStatement } from './analysis.js';
import { parseBomLink, productLink } from './bom-link.js';
import { isOneOf, lossy, missingRequired, readTag, withTag } from './fidelity.js';
import { analysisKey, fiveLabelForm } from './five-label.js';
import {
  asArray,
  asRecord,
  asString,
  distinctStatements,
  emptyOutput,
  groupBy,
  newestTimestamp,
} from './statements.js';
import {
  justificationFromVex,
  responseAction,
  stateFromOpenVex,
  stateToOpenVex,
  type OpenVexStatus,
} from './vocabulary.js';

export const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0';
const STATUSES: readonly OpenVexStatus[] = ['not_affected', 'affected', 'fixed', 'under_investigation'];

export interface OpenVexOptions {
  /** The document's IRI. */
  id: string;
  author: string;
  role?: string;
  timestamp: string;
  version?: number;
  toolVersion?: string;
  /** The SBOM the statements are about: a product known only by bom-ref gets a BOM-Link as @id. */
  sbom?: { serialNumber: string; version: number };
}

export function encodeOpenVex(
  input: readonly VexStatement[],
  options: OpenVexOptions,
): { document: Record<string, unknown>; issues: Issue[] } {
  const { statements, issues } = distinctStatements(input);
  const out: Record<string, unknown>[] = [];
  for (const group of groupBy(statements, (s) => `${s.vulnerability.id}\u0000${analysisKey(s.analysis)}`)) {
    const { vulnerability: v, analysis: a } = group[0]!;
    const where = { component: productLabel(group[0]!.product) };
    const leaveOut = (why: string) => {
      for (const s of group)
        issues.push(missingRequired(`${v.id}: ${why}; statement left out`, { component: productLabel(s.product) }));
    };
    const status = stateToOpenVex(a.state);
    const form = fiveLabelForm(a, 'OpenVEX', false);
    if (status === 'not_affected' && !form.label && !a.detail) {
      leaveOut('OpenVEX not_affected needs a justification or an impact statement');
      continue;
    }
    const action =
      a.actionStatement ?? (a.responses.length > 0 ? a.responses.map(responseAction).join(' ') : undefined);
    if (status === 'affected' && !action) {
      leaveOut('OpenVEX affected needs an action statement (record a response or an action)');
      continue;
    }
    const losses = form.losses;
    for (const loss of losses) issues.push(lossy(`${v.id}: ${loss}`, where));
    const products: Record<string, unknown>[] = [];
    for (const s of group) {
      const p = openVexProduct(s.product, options.sbom);
      if (p) products.push(p);
      else
        issues.push(
          missingRequired(`${v.id}: a product without purl, CPE or SBOM link cannot be named in OpenVEX; left out`, {
            component: productLabel(s.product),
          }),
        );
    }
    if (products.length === 0) continue;
    const timestamp = newestTimestamp(group.map((s) => s.timestamp));
    // The impact statement holds a not_affected detail; other details go to the status notes.
    const statusNotes = withTag(status === 'not_affected' ? undefined : a.detail, losses.length > 0 ? form.tag : {});
    out.push({
      vulnerability: {
        name: v.id,
        ...(v.aliases.length > 0 ? { aliases: v.aliases } : {}),
        ...(v.description ? { description: v.description } : {}),
      },
      ...(timestamp ? { timestamp } : {}),
      products,
      status,
      ...(status === 'not_affected' && form.label ? { justification: form.label } : {}),
      ...(status === 'not_affected' && a.detail ? { impact_statement: a.detail } : {}),
      ...(statusNotes ? { status_notes: statusNotes } : {}),
      ...(status === 'affected' ? { action_statement: action } : {}),
    });
  }
  issues.push(...emptyOutput(out.length, 'OpenVEX'));
  return {
    document: {
      '@context': OPENVEX_CONTEXT,
      '@id': options.id,
      author: options.author,
      ...(options.role ? { role: options.role } : {}),
      timestamp: options.timestamp,
      version: options.version ?? 1,
      tooling: `Vigie${options.toolVersion ? ` ${options.toolVersion}` : ''}`,
      statements: out,
    },
    issues,
  };
}

function openVexProduct(
  p: VexProduct,
  sbom?: { serialNumber: string; version: number },
): Record<string, unknown> | undefined {
  const link = productLink(p, sbom);
  const id = p.purl ?? link;
  const identifiers = p.purl
    ? { purl: p.purl }
    : p.cpe
      ? { [p.cpe.startsWith('cpe:2.3:') ? 'cpe23' : 'cpe22']: p.cpe }
      : undefined;
  if (!id && !identifiers) return undefined;
  // The purl is both the @id and an identifier; a BOM-Link @id keeps the tie to the SBOM.
  return { '@id': link ?? id, ...(identifiers ? { identifiers } : {}) };
}

export function decodeOpenVex(doc: Record<string, unknown>): { document: VexDocument; issues: Issue[] } {
  const issues: Issue[] = [];
  const statements: VexStatement[] = [];
  const docTimestamp = asString(doc.timestamp);
  asArray(doc.statements).forEach((raw, i) => {
    const field = `/statements/${i}`;
    const s = asRecord(raw);
    const vuln = asRecord(s?.vulnerability);
    // OpenVEX before 0.2.0 named the vulnerability with a bare string.
    const id = asString(vuln?.name) ?? asString(s?.vulnerability);
    if (!s || !id) {
      issues.push(issue('error', 'vex-invalid', 'statement without a vulnerability name is skipped', { field }));
      return;
    }
    const status = s.status;
    if (!isOneOf(STATUSES, status)) {
      issues.push(
        issue('error', 'vex-invalid', `${id}: status ${String(status)} is not an OpenVEX status; statement skipped`, {
          field: `${field}/status`,
        }),
      );
      return;
    }
    const label = isOneOf(VEX_JUSTIFICATIONS, s.justification) ? s.justification : undefined;
    const impact = asString(s.impact_statement);
    const action = asString(s.action_statement);
    if (status === 'not_affected' && !label && !impact) {
      issues.push(
        missingRequired(`${id}: not_affected without a justification or impact statement is skipped`, { field }),
      );
      return;
    }
    if (status === 'affected' && !action) {
      issues.push(missingRequired(`${id}: affected without an action statement is skipped`, { field }));
      return;
    }
    const notes = readTag(asString(s.status_notes));
    const tag = notes.tag;
    const detail = impact ?? notes.text;
    const aliases = asArray(vuln?.aliases).filter((a): a is string => typeof a === 'string' && a !== id);
    const description = asString(vuln?.description);
    const timestamp = asString(s.timestamp) ?? asString(s.last_updated) ?? docTimestamp;
    // OpenVEX 0.0.1 listed products and subcomponents as bare identifiers beside the statement.
    const ownSubs = asArray(s.subcomponents);
    const products =
      ownSubs.length > 0
        ? ownSubs.map(productOf).filter((x): x is VexProduct => x !== undefined)
        : asArray(s.products).flatMap((p) => {
            const subs = asArray(asRecord(p)?.subcomponents);
            // A statement about subcomponents of a product is about those subcomponents.
            return (subs.length > 0 ? subs : [p]).map(productOf).filter((x): x is VexProduct => x !== undefined);
          });
    if (products.length === 0)
      issues.push(
        issue('warning', 'vex-invalid', `${id}: statement names no product it could identify`, {
          field: `${field}/products`,
        }),
      );
    for (const product of products) {
      statements.push({
        vulnerability: { id, aliases, ...(description ? { description } : {}) },
        product,
        analysis: {
          state: tag.state ?? stateFromOpenVex(status),
          ...(tag.justification || label ? { justification: tag.justification ?? justificationFromVex(label!) } : {}),
          ...(label ? { vexJustification: label } : {}),
          responses: tag.responses ?? [],
          ...(detail ? { detail } : {}),
          ...(action ? { actionStatement: action } : {}),
        },
        ...(timestamp ? { timestamp } : {}),
      });
    }
  });
  const id = asString(doc['@id']);
  const author = asString(doc.author);
  return {
    document: {
      format: 'openvex',
      info: {
        ...(id ? { id } : {}),
        ...(author ? { author } : {}),
        ...(docTimestamp ? { timestamp: docTimestamp } : {}),
        ...(typeof doc.version === 'number' ? { version: doc.version } : {}),
      },
      statements,
    },
    issues,
  };
}

function productOf(raw: unknown): VexProduct | undefined {
  // OpenVEX 0.0.1 names a product by its identifier alone: the same as `{"@id": …}`.
  const p = typeof raw === 'string' ? { '@id': raw } : asRecord(raw);
  if (!p) return undefined;
  const id = asString(p['@id']);
  const ids = asRecord(p.identifiers);
  const purl = asString(ids?.purl) ?? (id?.startsWith('pkg:') ? id : undefined);
  const cpe = asString(ids?.cpe23) ?? asString(ids?.cpe22) ?? (id?.startsWith('cpe:') ? id : undefined);
  const link = id ? parseBomLink(id) : undefined;
  if (!purl && !cpe && !link && !id) return undefined;
  return {
    ...(purl ? { purl } : {}),
    ...(link ? { bomLink: id, ...(link.ref ? { ref: link.ref } : {}) } : {}),
    ...(cpe ? { cpe } : {}),
    ...(!purl && !cpe && !link && id ? { name: id } : {}),
  };
}
