import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';

/**
 * paket.lock (Paket, the .NET dependency manager): sections per source kind (`NUGET`, `GITHUB`,
 * `GIT`, `HTTP`), each with `remote:` lines, under the main group and then each `GROUP <name>`.
 * A NuGet package is a line indented by four spaces, `Name (version)` plus optional settings after
 * ` - `; the six-space lines under it are its dependencies with their ranges, resolved by name in the
 * same group. GITHUB/GIT/HTTP entries are source files or repositories, not packages: counted in
 * one note. Every group resolves on its own, so one package may be locked at two versions.
 */
export const extract: ExtractFn = extractPaketLock;

const SECTION = /^(NUGET|GITHUB|GIT|HTTP)\s*$/;
const PACKAGE = /^ {4}(\S+) \(([^)\s]+)\)(?:\s+-\s+(.*))?\s*$/;
const DEPENDENCY = /^ {6}(\S+) \(([^)]*)\)/;

function extractPaketLock(input: LockfileInput): Inventory {
  const builder = new InventoryBuilder('nuget', 'C#', input.path);
  const lines = input.text.split(/\r?\n/);
  let group = 'Main';
  let section: string | undefined;
  let remote: string | undefined;
  let current: string | undefined;
  let seenSection = false;
  let otherSources = 0;
  // Keys per group by lower-cased id (NuGet ids are case-insensitive), and the edges to resolve once all are read.
  const byGroup = new Map<string, Map<string, string>>();
  const edges: [group: string, from: string, to: string, line: number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const groupLine = /^GROUP\s+(\S+)\s*$/.exec(line);
    if (groupLine) {
      group = groupLine[1]!;
      section = undefined;
      current = undefined;
      continue;
    }
    const sectionLine = SECTION.exec(line);
    if (sectionLine) {
      section = sectionLine[1];
      seenSection = true;
      remote = undefined;
      current = undefined;
      continue;
    }
    // Group-wide options (`RESTRICTION: …`, `STORAGE: NONE`, `CONTENT: NONE`, `REDIRECTS: ON`).
    if (/^[A-Z_-]+:/.test(line)) continue;
    const remoteLine = /^ {2}remote:\s*(\S+)/.exec(line);
    if (remoteLine) {
      remote = remoteLine[1];
      current = undefined;
      continue;
    }
    if (section !== 'NUGET') {
      if (section && /^ {4}\S/.test(line)) otherSources++;
      if (!section)
        throw new LockfileError(
          input.path,
          `not a paket.lock: "${line.trim().slice(0, 60)}" comes before any NUGET, GITHUB, GIT or HTTP section`,
          i + 1,
        );
      continue;
    }
    const pkg = PACKAGE.exec(line);
    if (pkg) {
      const [, name, version, settings] = pkg as unknown as [string, string, string, string | undefined];
      const key = `${name.toLowerCase()}@${version}`;
      const keys = byGroup.get(group) ?? new Map<string, string>();
      byGroup.set(group, keys);
      keys.set(name.toLowerCase(), key);
      current = key;
      builder.add({
        key,
        name,
        version,
        purl: {
          name,
          version,
          ...(remote &&
            !/^https?:\/\/(api\.)?nuget\.org\//i.test(remote) && { qualifiers: { repository_url: remote } }),
        },
        properties: [
          { name: 'vigie:paket:group', value: group },
          ...(settings ? [{ name: 'vigie:paket:settings', value: settings.trim() }] : []),
        ],
      });
      continue;
    }
    const dep = DEPENDENCY.exec(line);
    if (dep && current) {
      edges.push([group, current, dep[1]!.toLowerCase(), i + 1]);
      continue;
    }
    builder.report('warning', 'bad-lock-line', `"${line.trim().slice(0, 60)}" is not "Name (version)"; left out`, {
      line: i + 1,
    });
  }
  if (!seenSection && lines.some((l) => l.trim() !== ''))
    throw new LockfileError(input.path, 'not a paket.lock: no NUGET, GITHUB, GIT or HTTP section', 1);
  const required = new Set<string>();
  for (const [g, from, to, line] of edges) {
    const target = byGroup.get(g)?.get(to);
    if (target) {
      builder.edge(from, target);
      required.add(target);
    } else {
      builder.report('warning', 'unresolved-dependency', `${from} depends on ${to}, which group ${g} does not lock`, {
        line,
      });
    }
  }
  // paket.lock does not say what paket.dependencies asked for: what nothing requires stands in.
  for (const keys of byGroup.values())
    for (const key of keys.values()) if (!required.has(key)) builder.direct(key, 'prod');
  if (otherSources > 0)
    builder.report(
      'info',
      'source-files-not-packages',
      `${otherSources} GITHUB/GIT/HTTP entries are source files or repositories, not packages; left out`,
    );
  return builder.build({}, 'incomplete');
}
