import { yaml } from '../../../text/libraries.js';
import { issue, propertyOf, type Component, type Issue, type Sbom } from '../../../model/index.js';
import type { EncodeResult } from '../../format.js';
import { allComponents } from '../../graph.js';
import { csvField } from './csv.js';
import { KISSBOM_COLUMNS, KISSBOM_CSV, KISSBOM_YAML, NOTES_PROPERTY, type KissbomEntry } from './layout.js';

/**
 * Writes the inventory as a KISSBOM: the described product first (the spec's FAQ puts one's own
 * software first), then every component. What the list cannot hold is reported as `lossy-encode`.
 */
export function encodeKissbom(sbom: Sbom, serialisation: string): EncodeResult {
  const issues: Issue[] = [];
  const entries: KissbomEntry[] = [];
  let withoutPurl = 0;
  let rawOnlyLicences = 0;
  const written = new Set<string>();
  for (const component of allComponents(sbom, true)) {
    if (!component.purl) {
      withoutPurl++;
      continue;
    }
    // A KISSBOM entry is a package: a described product also listed as a component (Red Hat's
    // SBOMs) is written once, so reading the list back reports no duplicate.
    if (written.has(component.purl)) continue;
    written.add(component.purl);
    const entry: KissbomEntry = { purl: component.purl };
    const licence = licenceOf(component);
    if (licence) entry.license = licence;
    else {
      // Dropping the statement would lose more than writing it as found; the reader is told.
      const raw = component.licenses.concluded?.raw ?? component.licenses.declared?.raw;
      if (raw) {
        entry.license = raw;
        rawOnlyLicences++;
      }
    }
    if (component.copyright) entry.copyright = component.copyright;
    const notes = propertyOf(component, NOTES_PROPERTY);
    if (notes) entry.notes = notes;
    entries.push(entry);
  }
  if (withoutPurl > 0) {
    issues.push(
      issue(
        'warning',
        'lossy-encode',
        `${withoutPurl} component(s) without purl are left out: a KISSBOM entry needs a purl`,
      ),
    );
  }
  if (rawOnlyLicences > 0) {
    issues.push(
      issue(
        'info',
        'non-spdx-licence',
        `${rawOnlyLicences} licence statement(s) are written as found: they are not SPDX expressions as the KISSBOM spec asks`,
      ),
    );
  }
  if (allComponents(sbom, true).some((c) => c.usages?.length)) {
    issues.push(
      issue(
        'info',
        'lossy-encode',
        'the usages components declare (project, scope, linking, modification) are not written: a KISSBOM entry is a package',
      ),
    );
  }
  if (sbom.dependencies.some((d) => d.dependsOn.length > 0)) {
    issues.push(
      issue('info', 'lossy-encode', 'a KISSBOM has no dependency graph: the dependency edges are not written'),
    );
  }
  return { text: serialise(entries, serialisation), issues };
}

/** The licence that applies to distribution: concluded when a reviewer gave one, else as declared. */
function licenceOf(component: Component): string | undefined {
  return component.licenses.concluded?.expression ?? component.licenses.declared?.expression;
}

function serialise(entries: KissbomEntry[], serialisation: string): string {
  if (serialisation === KISSBOM_CSV) {
    const lines = [KISSBOM_COLUMNS.join(',')];
    for (const e of entries) lines.push(KISSBOM_COLUMNS.map((c) => csvField(e[c] ?? '')).join(','));
    return lines.join('\n') + '\n';
  }
  if (serialisation === KISSBOM_YAML) return yaml().stringify({ packages: entries }, { lineWidth: 0 });
  return JSON.stringify({ packages: entries }, null, 2) + '\n';
}
