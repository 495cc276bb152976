import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';

/**
 * mix.lock (Elixir/Erlang terms): `"name": {:hex, :name, "version", "inner hash", [managers],
 * [{:dep, "req", [hex: :dep, repo: "hexpm", optional: bool]}], "repo", "outer hash"}` and
 * `{:git, "url", "revision", [opts]}` entries. Read with patterns, not evaluated.
 */
export const extract: ExtractFn = extractMixLock;

const ENTRY = /^\s*"([^"]+)":\s*\{(:hex|:git|:path)\s*,(.*)\},?\s*$/;

function extractMixLock(input: LockfileInput): Inventory {
  const builder = new InventoryBuilder('hex', 'Elixir', input.path);
  const body = input.text.trim();
  if (body === '') return builder.build({}, 'incomplete');
  if (!body.startsWith('%{')) throw new LockfileError(input.path, 'not a mix.lock: it does not start with "%{"', 1);
  const edges: [string, string, boolean][] = [];
  const keys: string[] = [];
  const lines = input.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(%\{|\}|%\{\s*\}|)\s*$/.test(line)) continue;
    const m = ENTRY.exec(line);
    if (!m) throw new LockfileError(input.path, `not a mix.lock entry: "${line.trim().slice(0, 60)}"`, i + 1);
    const [, key, kind, rest] = m as unknown as [string, string, string, string];
    keys.push(key);
    // The tuple's own strings, not those inside its lists (a dependency's requirement, its repo).
    const strings = [...outsideLists(rest).matchAll(/"([^"]*)"/g)].map((s) => s[1]!);
    if (kind === ':hex') {
      const name = /^\s*:"?([\w.-]+)"?/.exec(rest)?.[1] ?? key;
      const [version, inner, repo, outer] = strings;
      if (!version) {
        builder.report('warning', 'missing-version', `${key} has no version; left out`, { line: i + 1 });
        continue;
      }
      const hash = hashOf(outer ?? inner, 'sha256');
      builder.add({
        key,
        name,
        version,
        purl: version
          ? { name, version, ...(repo && repo !== 'hexpm' && { namespace: repo.replace(/^hexpm:/, '') }) }
          : false,
        ...(hash && { hashes: [hash] }),
        properties: [...(inner ? [{ name: 'vigie:hex:inner-checksum', value: inner }] : [])],
      });
      for (const dep of rest.matchAll(/\{:"?([\w.-]+)"?,\s*"[^"]*",\s*\[([^\]]*)\]\}/g))
        edges.push([key, dep[1]!, /optional:\s*true/.test(dep[2]!)]);
    } else if (kind === ':git') {
      const [url, revision] = strings;
      const tag = /tag:\s*"([^"]+)"/.exec(rest)?.[1];
      const branch = /branch:\s*"([^"]+)"/.exec(rest)?.[1];
      // The lock pins the commit whatever mix.exs asked for (a branch, a ref, nothing): without a tag,
      // that commit is the version, as for a Package.resolved revision pin.
      const version = tag ?? revision;
      builder.add({
        key,
        name: key,
        ...(version && { version }),
        // Not hex.pm's package of that name: the purl says where the code comes from.
        purl:
          version && url
            ? { name: key, version, qualifiers: { vcs_url: `git+${url}${revision ? `@${revision}` : ''}` } }
            : false,
        properties: [
          ...(revision ? [{ name: 'vigie:git:revision', value: revision }] : []),
          ...(branch ? [{ name: 'vigie:git:branch', value: branch }] : []),
        ],
        externalReferences: url ? [{ type: 'vcs', url: `${url}${revision ? `#${revision}` : ''}` }] : [],
      });
    } else builder.add({ key, name: key, purl: false });
  }
  const required = new Set<string>();
  for (const [from, to] of edges)
    if (builder.has(to)) {
      builder.edge(from, to);
      if (to !== from) required.add(to);
    }
  // mix.lock has no record of what mix.exs asked for: the packages no other one requires stand in
  // for the direct dependencies, and the graph is incomplete.
  for (const key of keys) if (builder.has(key) && !required.has(key)) builder.direct(key, 'prod');
  return builder.build({}, 'incomplete');
}

/** The text with every bracketed list (nested ones included) taken out. */
function outsideLists(text: string): string {
  let depth = 0;
  let out = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"' && depth >= 0) quoted = !quoted;
    if (!quoted && ch === '[') depth++;
    if (depth === 0) out += ch;
    if (!quoted && ch === ']') depth = Math.max(0, depth - 1);
  }
  return out;
}
