import type { Hash, Property } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';

/**
 * Gemfile.lock: GEM, GIT and PATH sources with their specs (`name (version[-platform])`, each with
 * its dependencies four spaces in), PLATFORMS, DEPENDENCIES (the Gemfile's own, `!` for git/path
 * gems) and BUNDLED WITH. The Gemfile's groups are not in the lockfile: every gem is unscoped prod.
 */
export const extract: ExtractFn = extractGemfileLock;

const SPEC = /^ {4}([^\s(]+) \(([^)]+)\)$/;
const DEP = /^ {6}([^\s(]+)(?: \(([^)]*)\))?$/;

function extractGemfileLock(input: LockfileInput): Inventory {
  const builder = new InventoryBuilder('gem', 'Ruby', input.path);
  const lines = input.text.split('\n').map((l) => l.replace(/\r$/, ''));
  let section = '';
  let source: Record<string, string> = {};
  let current: string | undefined;
  const edges: [string, string][] = [];
  const direct: string[] = [];
  const platforms: string[] = [];
  let bundler: string | undefined;
  const checksums = checksumsOf(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (/^[A-Z]/.test(line)) {
      section = line.trim();
      source = {};
      current = undefined;
      continue;
    }
    if (section === '')
      throw new LockfileError(
        input.path,
        `expected a section name (GEM, GIT, PATH, PLATFORMS, DEPENDENCIES…), found "${line.trim().slice(0, 40)}"`,
        i + 1,
      );
    if (section === 'GEM' || section === 'GIT' || section === 'PATH' || section === 'PLUGIN SOURCE') {
      const kv = /^ {2}([a-z_]+): ?(.*)$/.exec(line);
      if (kv) {
        source[kv[1]!] = kv[2]!;
        continue;
      }
      const spec = SPEC.exec(line);
      if (spec) {
        const [, name, full] = spec as unknown as [string, string, string];
        // `1.19.3-x86_64-linux`: a platform-specific build of version 1.19.3.
        const m = /^([^-]+)(?:-(.+))?$/.exec(full)!;
        const version = m[1]!;
        const platform = m[2];
        const properties: Property[] = [];
        if (platform) properties.push({ name: 'vigie:gem:platform', value: platform });
        if (section !== 'GEM')
          properties.push({
            name: 'vigie:gem:source',
            value: `${section.toLowerCase()} ${source.remote ?? ''}`.trim(),
          });
        const local = section === 'PATH';
        current = name;
        if (builder.has(name)) continue;
        builder.add({
          key: name,
          name,
          version,
          purl: local
            ? false
            : { name, version, qualifiers: { ...(platform && { platform }), ...gemSourceQualifiers(section, source) } },
          scope: 'prod',
          ...(checksums.has(`${name} ${full}`) && { hashes: [checksums.get(`${name} ${full}`)!] }),
          properties,
          externalReferences:
            section === 'GIT' && source.remote
              ? [{ type: 'vcs', url: `${source.remote}${source.revision ? `#${source.revision}` : ''}` }]
              : [],
        });
        continue;
      }
      const dep = DEP.exec(line);
      if (dep && current) {
        edges.push([current, dep[1]!]);
        continue;
      }
      if (/^ {2}specs:$/.test(line)) continue;
      throw new LockfileError(input.path, `unexpected line in ${section}: "${line.trim().slice(0, 60)}"`, i + 1);
    }
    if (section === 'CHECKSUMS') continue;
    if (section === 'DEPENDENCIES') direct.push(line.trim().split(/[\s!(]/)[0]!);
    else if (section === 'PLATFORMS') platforms.push(line.trim());
    else if (section === 'BUNDLED WITH') bundler = line.trim();
  }
  for (const [from, to] of edges) if (builder.has(to)) builder.edge(from, to);
  for (const name of direct) if (builder.has(name)) builder.direct(name, 'prod');
  const properties: Property[] = [];
  if (platforms.length) properties.push({ name: 'vigie:gem:platforms', value: platforms.join(',') });
  if (bundler) properties.push({ name: 'vigie:gem:bundled-with', value: bundler });
  return builder.build({ properties }, direct.length > 0 ? 'complete' : 'incomplete');
}

/**
 * Bundler 2.5+ records each gem's digest in a CHECKSUMS section (`  nokogiri (1.16.5-x86_64-linux)
 * sha256=…`), after the specs it belongs to: read first, keyed by `name version[-platform]`.
 */
function checksumsOf(lines: string[]): Map<string, Hash> {
  const out = new Map<string, Hash>();
  const start = lines.indexOf('CHECKSUMS');
  if (start < 0) return out;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^ {2}(\S+) \(([^)]+)\)((?: \S+)*)$/.exec(line);
    const hash =
      m &&
      m[3]!
        .trim()
        .split(' ')
        .map((h) => hashOf(h))
        .find(Boolean);
    if (hash) out.set(`${m[1]} ${m[2]}`, hash);
  }
  return out;
}

/**
 * A gem not from rubygems.org says where it is from: `repository_url` for another GEM remote (a
 * private server is not rubygems.org's gem of that name), `vcs_url` (`git+<remote>@<revision>`) for GIT.
 */
function gemSourceQualifiers(section: string, source: Record<string, string>): Record<string, string> {
  const remote = source.remote;
  if (!remote) return {};
  if (section === 'GIT')
    return {
      vcs_url: `${remote.startsWith('git+') ? '' : 'git+'}${remote}${source.revision ? `@${source.revision}` : ''}`,
    };
  if (section === 'GEM' && !/^https?:\/\/(rubygems\.org|gems\.rubygems\.org|index\.rubygems\.org)\/?$/.test(remote))
    return { repository_url: remote };
  return {};
}
