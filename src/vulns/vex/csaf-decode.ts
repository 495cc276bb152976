/**
 * Reads a CSAF 2.0 document's product status as VEX statements, enforcing the VEX-profile rules a
 * statement needs to mean something (CSAF 6.1.27.9 impact statement, 6.1.27.10 action statement,
 * 6.1.27.11 vulnerabilities, 6.1.33 one justification flag per product, 6.1.1 defined product ids).
 */
import { issue, type Issue } from '../../model/issue.js';
import {
  VEX_JUSTIFICATIONS,
  type AnalysisResponse,
  type VexDocument,
  type VexJustification,
  type VexProduct,
  type VexStatement,
} from './analysis.js';
import { parseBomLink } from './bom-link.js';
import { BOM_LINK_NAMESPACE } from './csaf-encode.js';
import { isOneOf, missingRequired, readTag, type FidelityTag } from './fidelity.js';
import { asArray, asRecord, asString } from './statements.js';
import {
  CSAF_EXTRA_STATUSES,
  justificationFromVex,
  responseFromCsaf,
  stateFromCsaf,
  type CsafProductStatus,
  type CsafRemediationCategory,
} from './vocabulary.js';

const LISTS: readonly CsafProductStatus[] = ['known_not_affected', 'known_affected', 'fixed', 'under_investigation'];
const REMEDIATIONS: readonly CsafRemediationCategory[] = [
  'vendor_fix',
  'workaround',
  'mitigation',
  'no_fix_planned',
  'none_available',
];

export function decodeCsafVex(doc: Record<string, unknown>): { document: VexDocument; issues: Issue[] } {
  const issues: Issue[] = [];
  const meta = asRecord(doc.document);
  if (meta?.category !== 'csaf_vex') {
    issues.push(
      issue(
        'info',
        'vex-csaf-category',
        `document category is ${String(meta?.category)}, not csaf_vex; its product status is read as VEX`,
        { field: '/document/category' },
      ),
    );
  }
  const products = productTable(asRecord(doc.product_tree));
  const groups = new Map<string, string[]>();
  for (const g of asArray(asRecord(doc.product_tree)?.product_groups)) {
    const r = asRecord(g);
    const gid = asString(r?.group_id);
    if (gid)
      groups.set(
        gid,
        asArray(r?.product_ids).filter((x): x is string => typeof x === 'string'),
      );
  }
  const vulns = asArray(doc.vulnerabilities);
  if (vulns.length === 0)
    issues.push(
      missingRequired('a CSAF VEX document needs /vulnerabilities (test 6.1.27.11)', { field: '/vulnerabilities' }),
    );
  const statements: VexStatement[] = [];
  vulns.forEach((raw, i) => decodeVulnerability(raw, i, { products, groups, issues, statements }));
  const tracking = asRecord(meta?.tracking);
  const trackingId = asString(tracking?.id);
  const author = asString(asRecord(meta?.publisher)?.name);
  const timestamp = asString(tracking?.current_release_date);
  const version = /^\d+$/.test(String(tracking?.version)) ? Number(tracking?.version) : undefined;
  for (const s of statements) if (timestamp && !s.timestamp) s.timestamp = timestamp;
  return {
    document: {
      format: 'csaf',
      info: {
        ...(trackingId ? { id: trackingId } : {}),
        ...(author ? { author } : {}),
        ...(timestamp ? { timestamp } : {}),
        ...(version ? { version } : {}),
      },
      statements,
    },
    issues,
  };
}

interface DecodeContext {
  products: Map<string, VexProduct>;
  groups: Map<string, string[]>;
  issues: Issue[];
  statements: VexStatement[];
}

/** One entry of /vulnerabilities: a statement for each product and status it lists (product groups expanded). */
function decodeVulnerability(raw: unknown, i: number, { products, groups, issues, statements }: DecodeContext): void {
  const field = `/vulnerabilities/${i}`;
  const v = asRecord(raw) ?? {};
  const ids = asArray(v.ids)
    .map((x) => asString(asRecord(x)?.text))
    .filter((x): x is string => x !== undefined);
  const cve = asString(v.cve);
  const id = cve ?? ids[0];
  if (!id) {
    issues.push(
      issue('error', 'vex-invalid', 'vulnerability without cve or ids is skipped (test 6.1.27.8)', { field }),
    );
    return;
  }
  const aliases = ids.filter((x) => x !== id);
  const description = asArray(v.notes)
    .map(asRecord)
    .find((n) => n?.category === 'description' || n?.category === 'summary');
  const descriptionText = asString(description?.text);
  const about = (item: Record<string, unknown> | undefined): Set<string> =>
    new Set([
      ...asArray(item?.product_ids).filter((x): x is string => typeof x === 'string'),
      ...asArray(item?.group_ids).flatMap((g) => (typeof g === 'string' ? (groups.get(g) ?? []) : [])),
    ]);
  const flags = asArray(v.flags)
    .map(asRecord)
    .map((f) => ({ label: f?.label, ids: about(f) }));
  const threats = asArray(v.threats)
    .map(asRecord)
    .filter((t) => t?.category === 'impact')
    .map((t) => ({ details: asString(t?.details), ids: about(t) }));
  const remediations = asArray(v.remediations)
    .map(asRecord)
    .map((r) => ({ category: r?.category, details: asString(r?.details), ids: about(r) }));
  const status = asRecord(v.product_status) ?? {};
  const lists = [...LISTS.map((l) => [l, l] as const), ...Object.entries(CSAF_EXTRA_STATUSES)];
  for (const [name, list] of lists) {
    for (const pid of asArray(status[name])) {
      if (typeof pid !== 'string') continue;
      const where = { component: pid, field: `${field}/product_status/${name}` };
      const product = products.get(pid);
      if (!product) {
        issues.push(
          issue(
            'error',
            'vex-invalid',
            `${id}: product id ${pid} is not defined in the product tree (test 6.1.1); skipped`,
            where,
          ),
        );
        continue;
      }
      const labels = flags
        .filter((f) => f.ids.has(pid) && isOneOf(VEX_JUSTIFICATIONS, f.label))
        .map((f) => f.label as VexJustification);
      if (labels.length > 1) {
        issues.push(
          issue(
            'error',
            'vex-invalid',
            `${id}: ${pid} carries ${labels.length} justification flags (test 6.1.33); skipped`,
            where,
          ),
        );
        continue;
      }
      const impact = threats.filter((t) => t.ids.has(pid));
      const fixes = remediations.filter((r) => r.ids.has(pid));
      if (list === 'known_not_affected' && labels.length === 0 && impact.length === 0) {
        issues.push(
          missingRequired(
            `${id}: ${pid} is known_not_affected without a flag or impact threat (test 6.1.27.9); skipped`,
            where,
          ),
        );
        continue;
      }
      if (list === 'known_affected' && fixes.length === 0) {
        issues.push(
          missingRequired(`${id}: ${pid} is known_affected without a remediation (test 6.1.27.10); skipped`, where),
        );
        continue;
      }
      const tag: FidelityTag = {};
      const texts = (items: { details?: string }[]) =>
        items
          .map((t) => {
            const r = readTag(t.details);
            Object.assign(tag, r.tag);
            return r.text;
          })
          .filter((t): t is string => t !== undefined);
      const detail = texts(impact).join('\n') || undefined;
      const actions = texts(fixes);
      const responses = [
        ...new Set(
          fixes
            .map((r) => r.category)
            .filter((c): c is CsafRemediationCategory => isOneOf(REMEDIATIONS, c))
            .map(responseFromCsaf),
        ),
      ] as AnalysisResponse[];
      const label = labels[0];
      const justification = tag.justification ?? (label ? justificationFromVex(label) : undefined);
      statements.push({
        vulnerability: { id, aliases, ...(descriptionText ? { description: descriptionText } : {}) },
        product,
        analysis: {
          state: tag.state ?? stateFromCsaf(list),
          ...(justification ? { justification } : {}),
          ...(label ? { vexJustification: label } : {}),
          responses: tag.responses ?? responses,
          ...(detail ? { detail } : {}),
          ...(actions.length > 0 ? { actionStatement: [...new Set(actions)].join('\n') } : {}),
        },
      });
    }
  }
}

/** Every product id of the product tree with what identifies it (branches, full names, relationships). */
function productTable(tree: Record<string, unknown> | undefined): Map<string, VexProduct> {
  const out = new Map<string, VexProduct>();
  const add = (fpn: unknown, path: { name?: string; version?: string }) => {
    const r = asRecord(fpn);
    const id = asString(r?.product_id);
    if (!r || !id) return;
    out.set(id, identify(r, path));
  };
  const walk = (branch: unknown, path: { name?: string; version?: string }) => {
    const b = asRecord(branch);
    if (!b) return;
    const name = asString(b.name);
    const next = { ...path };
    if (b.category === 'product_name' && name) next.name = name;
    if ((b.category === 'product_version' || b.category === 'product_version_range') && name) next.version = name;
    if (b.product) add(b.product, next);
    asArray(b.branches).forEach((c) => walk(c, next));
  };
  asArray(tree?.branches).forEach((b) => walk(b, {}));
  asArray(tree?.full_product_names).forEach((p) => add(p, {}));
  // A relationship names a new product id: the component (product_reference) inside a product.
  for (const rel of asArray(tree?.relationships)) {
    const r = asRecord(rel);
    const fpn = asRecord(r?.full_product_name);
    const id = asString(fpn?.product_id);
    if (!fpn || !id) continue;
    const inner = out.get(asString(r?.product_reference) ?? '');
    const own = identify(fpn, {});
    out.set(id, own.purl || own.bomLink || own.cpe || !inner ? own : { ...inner, name: own.name ?? inner.name });
  }
  return out;
}

function identify(fpn: Record<string, unknown>, path: { name?: string; version?: string }): VexProduct {
  const helper = asRecord(fpn.product_identification_helper);
  const purl = asString(helper?.purl);
  const cpe = asString(helper?.cpe);
  const link = asArray(helper?.x_generic_uris)
    .map(asRecord)
    .find((u) => u?.namespace === BOM_LINK_NAMESPACE);
  const bomLink = asString(link?.uri);
  const parsed = bomLink ? parseBomLink(bomLink) : undefined;
  const name = path.name ?? asString(fpn.name);
  return {
    ...(purl ? { purl } : {}),
    ...(parsed ? { bomLink, ...(parsed.ref ? { ref: parsed.ref } : {}) } : {}),
    ...(cpe ? { cpe } : {}),
    ...(name ? { name } : {}),
    ...(path.version ? { version: path.version } : {}),
  };
}
