import type { SbomDiff } from './diff.js';

/** The diff as plain text for a terminal: one line per change, `+` added, `-` removed, `~` changed. */
export function renderDiffText(diff: SbomDiff): string {
  if (!diff.hasDifferences) return 'No differences.\n';
  const at = (version?: string) => (version ? `@${version}` : '');
  const lines: string[] = [
    `Components: ${diff.added.length} added, ${diff.removed.length} removed, ` +
      `${diff.versionChanged.length} version changes, ${diff.licenseChanged.length} licence changes`,
  ];
  for (const c of diff.added) lines.push(`+ ${c.identity}${at(c.version)}`);
  for (const c of diff.removed) lines.push(`- ${c.identity}${at(c.version)}`);
  for (const c of diff.versionChanged) lines.push(`~ ${c.identity} ${c.from ?? '(none)'} -> ${c.to ?? '(none)'}`);
  for (const c of diff.licenseChanged) {
    lines.push(`~ ${c.identity}${at(c.version)} ${c.role} licence: ${c.from ?? '(none)'} -> ${c.to ?? '(none)'}`);
  }
  if (diff.dependenciesAdded.length + diff.dependenciesRemoved.length > 0) {
    lines.push(`Dependencies: ${diff.dependenciesAdded.length} added, ${diff.dependenciesRemoved.length} removed`);
    for (const e of diff.dependenciesAdded) lines.push(`+ ${e.from} -> ${e.to}`);
    for (const e of diff.dependenciesRemoved) lines.push(`- ${e.from} -> ${e.to}`);
  }
  return lines.join('\n') + '\n';
}
