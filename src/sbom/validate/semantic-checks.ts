import { isCpeError, parseCpe } from '../../model/cpe.js';
import { issue, type Component, type Issue, type Sbom } from '../../model/index.js';
import { isPurlError, parsePurl } from '../../model/purl/index.js';
import { allComponents } from '../graph.js';

/**
 * Checks an SBOM for problems no schema catches: broken references, bad identifiers and
 * components that cannot be identified. Each Issue names the component (its ref) and the field.
 * `readerIssues`: what reading the document already reported; a duplicate ref the reader named at
 * its place is not reported a second time.
 */
export function checkSbomSemantics(sbom: Sbom, readerIssues: readonly Issue[] = []): Issue[] {
  const issues: Issue[] = [];
  const primary = sbom.metadata.component;
  // A reader that found the described element in another document has said so already.
  if (!primary && !readerIssues.some((i) => i.code === 'external-primary')) {
    issues.push(
      issue('info', 'missing-primary-component', 'the SBOM does not say which component it describes', {
        field: 'metadata.component',
      }),
    );
  }
  const components = allComponents(sbom, true);
  const named = new Set(readerIssues.filter((i) => i.code === 'duplicate-ref').map((i) => i.component));
  checkDuplicateRefs(components, issues, named);
  for (const c of components) checkComponent(c, issues);
  checkDependencies(sbom, new Set(components.map((c) => c.ref)), issues);
  return issues;
}

/**
 * What `sbom validate` reports: the reader's issues and the semantic checks', each mistake once. A
 * dependency entry naming an unknown ref is an error of the semantic checks, at the ref's own place
 * (`dependencies[3].dependsOn[1]`); the reader's warning about the same entry (`dependencies[3]`,
 * what import and inspect show) is then not repeated beside it with another severity.
 */
export function validationIssues(sbom: Sbom, readerIssues: readonly Issue[]): Issue[] {
  const semantic = checkSbomSemantics(sbom, readerIssues);
  const danglingEntries = new Set(
    semantic.filter((i) => i.code === 'dangling-ref' && i.field).map((i) => /^dependencies\[\d+\]/.exec(i.field!)?.[0]),
  );
  const kept = readerIssues.filter(
    (i) => !(i.code === 'dangling-ref' && i.severity !== 'error' && i.field && danglingEntries.has(i.field)),
  );
  return [...kept, ...semantic];
}

function checkDuplicateRefs(components: Component[], issues: Issue[], named: ReadonlySet<string | undefined>): void {
  const seen = new Map<string, number>();
  for (const c of components) seen.set(c.ref, (seen.get(c.ref) ?? 0) + 1);
  for (const [ref, count] of seen) {
    if (count > 1 && !named.has(ref)) {
      issues.push(
        issue('error', 'duplicate-ref', `ref "${ref}" is used by ${count} components`, {
          component: ref,
          field: 'ref',
        }),
      );
    }
  }
}

function checkComponent(c: Component, issues: Issue[]): void {
  const where = (field: string) => ({ component: c.ref, field });
  if (!c.name?.trim()) issues.push(issue('error', 'missing-name', 'the component has no name', where('name')));
  // A file is known by its name and checksums: SPDX gives files no version field at all, so every
  // file of a document (thousands in an image's) was a warning.
  if (!c.version?.trim() && c.type !== 'file') {
    issues.push(issue('warning', 'missing-version', `component "${c.name}" has no version`, where('version')));
  }
  if (c.purl) checkPurl(c, issues);
  if (c.cpe) {
    const cpe = parseCpe(c.cpe);
    if (isCpeError(cpe))
      issues.push(issue('warning', 'invalid-cpe', `invalid CPE "${c.cpe}": ${cpe.error}`, where('cpe')));
  }
}

/**
 * `pkg:golang/stdlib@<go release>`: how the SBOM writers of Go binaries and modules name the standard
 * library (no namespace, which the golang type requires). Every such SBOM was INVALID for it alone.
 */
const GO_STANDARD_LIBRARY = /^pkg:golang\/stdlib(?:@[^?#/]*)?(?:[?#]|$)/i;

function checkPurl(c: Component, issues: Issue[]): void {
  const purl = parsePurl(c.purl!);
  const where = { component: c.ref, field: 'purl' };
  if (isPurlError(purl)) {
    const at = purl.position === undefined ? '' : ` (at character ${purl.position + 1})`;
    if (GO_STANDARD_LIBRARY.test(c.purl!)) {
      issues.push(
        issue(
          'warning',
          'invalid-purl',
          `purl "${c.purl}": ${purl.error}${at}; read as the Go standard library, the way syft, Trivy and Kubernetes bom write it`,
          where,
        ),
      );
      return;
    }
    issues.push(issue('error', 'invalid-purl', `invalid purl "${c.purl}": ${purl.error}${at}`, where));
    return;
  }
  // The purl canonicalises case and separators (pypi "Foo_Bar" is "foo-bar"), so compare both
  // sides in a loose form: same letters and digits, ignoring case and punctuation.
  const loose = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (c.name && loose(purl.name) !== loose(c.name) && !looseEndsWith(c.name, purl.name, loose)) {
    issues.push(
      issue('warning', 'purl-name-mismatch', `purl name "${purl.name}" differs from component name "${c.name}"`, where),
    );
  }
  if (c.version && purl.version && loose(purl.version) !== loose(c.version)) {
    issues.push(
      issue(
        'warning',
        'purl-version-mismatch',
        `purl version "${purl.version}" differs from component version "${c.version}"`,
        where,
      ),
    );
  }
}

/** Some producers put the whole coordinate in the name ("@scope/pkg", "group:artifact"). */
function looseEndsWith(componentName: string, purlName: string, loose: (s: string) => string): boolean {
  const tail = componentName.split(/[/:]/).pop() ?? componentName;
  return loose(tail) === loose(purlName);
}

function checkDependencies(sbom: Sbom, refs: Set<string>, issues: Issue[]): void {
  sbom.dependencies.forEach((d, i) => {
    if (!refs.has(d.ref)) {
      issues.push(
        issue('error', 'dangling-ref', `dependency entry refers to unknown component "${d.ref}"`, {
          component: d.ref,
          field: `dependencies[${i}].ref`,
        }),
      );
    }
    d.dependsOn.forEach((target, j) => {
      const field = `dependencies[${i}].dependsOn[${j}]`;
      if (!refs.has(target)) {
        issues.push(
          issue('error', 'dangling-ref', `"${d.ref}" depends on unknown component "${target}"`, {
            component: d.ref,
            field,
          }),
        );
      } else if (target === d.ref) {
        issues.push(issue('warning', 'self-dependency', `"${d.ref}" depends on itself`, { component: d.ref, field }));
      }
    });
  });
}
