import { issue } from '../../../model/index.js';
import { EVALUATED_MODEL } from './layouts.js';
import type { DecodeResult } from '../../format.js';
import { ortIssue } from './ort-issue.js';
import { addRunMetadata } from './run-metadata.js';
import { componentFromOrtPackage } from './package.js';
import { OrtSbomBuilder } from './sbom-builder.js';
import { asArray, isRecord, text } from './structured-text.js';

export { EVALUATED_MODEL } from './layouts.js';

/**
 * ORT's EvaluatedModel report (what Hermine imports). It is normalised: packages, licences, scopes,
 * copyrights and issues are tables whose rows carry an `_id`, and everything else refers to rows by
 * that number. `dependency_trees` nest project nodes (`pkg`), scope nodes (`scope`) and package nodes.
 */
export function decodeEvaluatedModel(root: Record<string, unknown>): DecodeResult {
  const builder = new OrtSbomBuilder({ id: 'ort', specVersion: EVALUATED_MODEL });
  const licenses = table(root.licenses, (row) => text(row.id));
  const copyrights = table(root.copyrights, (row) => text(row.statement));
  const scopes = table(root.scopes, (row) => text(row.name));
  const refs = new Map<number, string>();
  const lookup = <T>(rows: Map<number, T>, index: unknown): T | undefined =>
    typeof index === 'number' ? rows.get(index) : undefined;

  asArray(root.packages).forEach((raw, i) => {
    if (!isRecord(raw)) return;
    const field = `packages[${i}]`;
    const isProject = raw.is_project === true;
    const component = componentFromOrtPackage(
      raw,
      { isProject, field, licenseText: (entry) => lookup(licenses, entry) },
      builder.issues,
    );
    if (!component) return;
    refs.set(rowId(raw, i), component.ref);
    builder.addComponent(component, isProject, field);
    if (raw.is_excluded === true) component.scope = 'excluded';
    const statements = new Set<string>();
    for (const finding of asArray(raw.findings)) {
      // Findings in excluded paths (examples, docs, tests) do not describe what is shipped.
      if (!isRecord(finding) || finding.type !== 'COPYRIGHT' || asArray(finding.path_excludes).length > 0) continue;
      const statement = lookup(copyrights, finding.copyright);
      if (statement) statements.add(statement);
    }
    if (statements.size > 0) component.copyright = [...statements].join('\n');
    for (const index of asArray(raw.detected_licenses)) {
      const detected = lookup(licenses, index);
      if (detected) component.properties.push({ name: 'ort:detected-license', value: detected });
    }
    for (const index of asArray(raw.scopes)) {
      const scope = lookup(scopes, index);
      if (scope) builder.addScope(component.ref, scope);
    }
  });

  // `project` is the tree's top package node (a project): whose scopes the packages below are in.
  const walk = (node: unknown, at: { owner?: string; scope?: string; project?: string }, path: string) => {
    if (!isRecord(node)) return;
    const next = { ...at };
    if (typeof node.pkg === 'number') {
      const ref = refs.get(node.pkg);
      if (!ref) {
        builder.issues.push(
          issue('warning', 'invalid-graph-index', `package row ${node.pkg} does not exist`, { field: path }),
        );
        return;
      }
      if (at.owner) builder.addEdge(at.owner, ref);
      if (at.scope) builder.addScope(ref, at.scope, at.project);
      const linkage = text(node.linkage);
      if (linkage && linkage !== 'DYNAMIC') builder.addLinkage(ref, linkage);
      next.owner = ref;
      next.project ??= ref;
    } else if (typeof node.scope === 'number') {
      next.scope = scopes.get(node.scope) ?? next.scope;
    }
    asArray(node.children).forEach((child, c) => walk(child, next, `${path}.children[${c}]`));
  };
  asArray(root.dependency_trees).forEach((tree, t) => walk(tree, {}, `dependency_trees[${t}]`));

  asArray(root.issues).forEach((raw, i) => {
    if (!isRecord(raw)) return;
    const notes = [raw.is_excluded === true && 'excluded', asArray(raw.resolutions).length > 0 && 'resolved'].filter(
      Boolean,
    );
    const message = text(raw.message);
    const shown = message && notes.length > 0 ? `${message} (${notes.join(', ')})` : message;
    const found = ortIssue(
      { ...raw, message: shown, source: [text(raw.type), text(raw.source)].filter(Boolean).join('/') || undefined },
      {
        component: lookup(refs, raw.pkg),
        field: `issues[${i}]`,
      },
    );
    if (found) builder.issues.push(found);
  });
  asArray(root.rule_violations).forEach((raw, i) => {
    if (!isRecord(raw)) return;
    const rule = text(raw.rule);
    const licence = lookup(licenses, raw.license);
    const message = [text(raw.message), licence && `licence ${licence}`].filter(Boolean).join(' — ');
    const found = ortIssue(
      { ...raw, message, source: rule ? `rule ${rule}` : undefined },
      { component: lookup(refs, raw.pkg), field: `rule_violations[${i}]` },
      'ort-rule-violation',
    );
    if (found) builder.issues.push(found);
  });

  readModelMetadata(root, builder);
  return builder.build();
}

/** Rows keyed by their `_id` (or position when a row has none), mapped to the one value we need. */
function table<T>(rows: unknown, value: (row: Record<string, unknown>) => T | undefined): Map<number, T> {
  const out = new Map<number, T>();
  asArray(rows).forEach((row, i) => {
    if (!isRecord(row)) return;
    const v = value(row);
    if (v !== undefined) out.set(rowId(row, i), v);
  });
  return out;
}

function rowId(row: Record<string, unknown>, position: number): number {
  return typeof row._id === 'number' ? row._id : position;
}

function readModelMetadata(root: Record<string, unknown>, builder: OrtSbomBuilder): void {
  const tools = isRecord(root.tools_metadata) ? root.tools_metadata : {};
  addRunMetadata(builder.sbom.metadata, { analyzer: tools.analyzer, repository: root.repository, labels: root.labels });
}
