import { issue } from '../../../model/index.js';
import { ANALYZER_RESULT } from './layouts.js';
import type { DecodeResult } from '../../format.js';
import { readDependencyGraphs } from './dependency-graphs.js';
import { parseOrtIdentifier } from './identifier.js';
import { ortIssue } from './ort-issue.js';
import { addRunMetadata } from './run-metadata.js';
import { componentFromOrtPackage } from './package.js';
import { OrtSbomBuilder } from './sbom-builder.js';
import { readScopeTrees } from './scope-trees.js';
import { asArray, isRecord, text } from './structured-text.js';

export { ANALYZER_RESULT } from './layouts.js';

/**
 * Where the analyzer data sits. A whole OrtResult nests it under `analyzer.result`; ORT's
 * package-manager test outputs are the bare per-manager result (`project` or `projects`, `packages`,
 * `issues`) and are read the same way.
 */
interface AnalyzerData {
  projects: unknown[];
  packages: unknown[];
  graphs?: unknown;
  issues?: unknown;
  base: string;
}

export function decodeAnalyzerResult(root: Record<string, unknown>): DecodeResult {
  const builder = new OrtSbomBuilder({ id: 'ort', specVersion: ANALYZER_RESULT });
  const data = locateAnalyzerData(root);
  if (!data) {
    builder.issues.push(
      issue('warning', 'missing-analyzer-result', 'the ORT result holds no analyzer result: no components', {
        field: 'analyzer.result',
      }),
    );
    readRunMetadata(root, builder);
    return builder.build();
  }

  const projectsByQualifier = new Map<string, string>();
  data.projects.forEach((raw, i) => {
    const field = `${data.base}projects[${i}]`;
    if (!isRecord(raw)) return;
    const component = componentFromOrtPackage(raw, { isProject: true, field }, builder.issues);
    if (!component) return;
    builder.addComponent(component, true, field);
    const id = parseOrtIdentifier(component.ref);
    projectsByQualifier.set(`${id.namespace}:${id.name}:${id.version}`, component.ref);
    const scopeNames = [
      ...asArray(raw.scopes).map((s) => (isRecord(s) ? text(s.name) : undefined)),
      ...asArray(raw.scope_names).map(text),
    ];
    for (const name of scopeNames) if (name) component.properties.push({ name: 'ort:project-scope', value: name });
    readScopeTrees(component.ref, raw.scopes, field, builder);
  });

  data.packages.forEach((raw, i) => {
    const field = `${data.base}packages[${i}]`;
    // Older results wrap each package with its curations: `{package: {...}, curations: [...]}`.
    const pkg = isRecord(raw) && isRecord(raw.package) ? raw.package : raw;
    if (!isRecord(pkg)) return;
    const component = componentFromOrtPackage(pkg, { isProject: false, field }, builder.issues);
    if (component) builder.addComponent(component, false, field);
  });

  readDependencyGraphs(data.graphs, projectsByQualifier, builder);
  readAnalyzerIssues(data.issues, `${data.base}issues`, builder);
  readRunMetadata(root, builder);
  return builder.build();
}

function locateAnalyzerData(root: Record<string, unknown>): AnalyzerData | undefined {
  const analyzer = root.analyzer;
  if (isRecord(analyzer) && isRecord(analyzer.result)) {
    const r = analyzer.result;
    return {
      projects: asArray(r.projects),
      packages: asArray(r.packages),
      graphs: r.dependency_graphs,
      issues: r.issues,
      base: 'analyzer.result.',
    };
  }
  if (isRecord(root.project) || Array.isArray(root.projects)) {
    const projects = isRecord(root.project) ? [root.project] : asArray(root.projects);
    return {
      projects,
      packages: asArray(root.packages),
      graphs: root.dependency_graphs,
      issues: root.issues,
      base: '',
    };
  }
  return undefined;
}

/** `issues` is a map from identifier to issues in an OrtResult, a plain list in a per-manager result. */
function readAnalyzerIssues(raw: unknown, field: string, builder: OrtSbomBuilder): void {
  if (Array.isArray(raw)) {
    raw.forEach((entry, i) => {
      const found = ortIssue(entry, { field: `${field}[${i}]` });
      if (found) builder.issues.push(found);
    });
  } else if (isRecord(raw)) {
    for (const [ref, list] of Object.entries(raw)) {
      asArray(list).forEach((entry, i) => {
        const found = ortIssue(entry, { component: ref, field: `${field}.${ref}[${i}]` });
        if (found) builder.issues.push(found);
      });
    }
  }
}

function readRunMetadata(root: Record<string, unknown>, builder: OrtSbomBuilder): void {
  addRunMetadata(builder.sbom.metadata, root);
  readRuleViolations(root, builder);
}

function readRuleViolations(root: Record<string, unknown>, builder: OrtSbomBuilder): void {
  const evaluator = isRecord(root.evaluator) ? root.evaluator : undefined;
  asArray(evaluator?.violations).forEach((raw, i) => {
    if (!isRecord(raw)) return;
    const rule = text(raw.rule);
    const pkg = text(raw.pkg);
    const found = ortIssue(
      { ...raw, source: rule ? `rule ${rule}` : undefined },
      { component: pkg, field: `evaluator.violations[${i}]` },
      'ort-rule-violation',
    );
    if (found) builder.issues.push(found);
  });
}
