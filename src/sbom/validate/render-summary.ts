import type { SbomSummary } from './summary.js';

const pct = (n: number, of: number) => (of === 0 ? '0%' : `${Math.round((n / of) * 100)}%`);

/** The human-readable form of `vigie sbom inspect` (the JSON form is the summary itself). */
export function renderSummaryText(title: string, s: SbomSummary): string {
  const n = s.components;
  const types = Object.entries(s.componentsByType)
    .sort((a, b) => b[1] - a[1])
    .map(([t, c]) => `${c} ${t}`)
    .join(', ');
  const lines = [
    title,
    `  describes      ${s.primaryComponent ?? '(no primary component)'}`,
    `  components     ${n}${types ? ` (${types})` : ''}`,
    `  identified     version ${pct(s.withVersion, n)}, purl ${pct(s.withPurl, n)}, cpe ${pct(s.withCpe, n)}, hashes ${pct(s.withHashes, n)}`,
    `  licences       declared ${pct(s.withLicense.declared, n)}, concluded ${pct(s.withLicense.concluded, n)}, effective ${pct(s.withLicense.effective, n)}`,
    `  graph          ${s.dependencyEdges} edges from ${s.componentsWithDependencyEntry} components; completeness: ${s.dependencyCompleteness.replace(/_/g, ' ')}`,
  ];
  if (s.topLicenses.length > 0) {
    lines.push('  top licences');
    const width = Math.max(...s.topLicenses.map((l) => String(l.components).length));
    for (const l of s.topLicenses) lines.push(`    ${String(l.components).padStart(width)}  ${l.license}`);
  }
  return lines.join('\n') + '\n';
}
