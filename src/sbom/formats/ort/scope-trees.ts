import { ortIssue } from './ort-issue.js';
import type { OrtSbomBuilder } from './sbom-builder.js';
import { asArray, isRecord, text } from './structured-text.js';

/**
 * The classic layout: a project lists its scopes, each a tree of package references
 * (`{id, linkage, dependencies, issues}`). Every package in a scope's tree belongs to that scope,
 * transitively; every parent/child pair is a dependency edge.
 */
export function readScopeTrees(projectRef: string, scopes: unknown, field: string, builder: OrtSbomBuilder): void {
  asArray(scopes).forEach((scope, s) => {
    if (!isRecord(scope)) return;
    const scopeName = text(scope.name) ?? '';
    const visit = (node: unknown, parent: string, path: string) => {
      if (!isRecord(node)) return;
      const ref = text(node.id);
      if (!ref) return;
      builder.addEdge(parent, ref);
      if (scopeName) builder.addScope(ref, scopeName, projectRef);
      const linkage = text(node.linkage);
      if (linkage && linkage !== 'DYNAMIC') builder.addLinkage(ref, linkage);
      asArray(node.issues).forEach((raw, i) => {
        const found = ortIssue(raw, { component: ref, field: `${path}.issues[${i}]` });
        if (found) builder.issues.push(found);
      });
      asArray(node.dependencies).forEach((child, c) => visit(child, ref, `${path}.dependencies[${c}]`));
    };
    asArray(scope.dependencies).forEach((dep, d) => visit(dep, projectRef, `${field}.scopes[${s}].dependencies[${d}]`));
  });
}
