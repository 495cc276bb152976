import type { ExternalReference, Property } from '../../../model/index.js';
import type { PurlParts } from '../../../model/purl/normalize.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder, type PackageSpec } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { isObject, objectOr, parseJsonFile, str, type Obj } from '../core/parse-text.js';

/**
 * flake.lock (Nix flakes, lock versions 5–7): every input a flake pins, with the revision and NAR hash
 * it is locked to, and the graph between them. An input names another node by its key, or follows a
 * path of input names from the root (`["nixpkgs"]`: the root's own nixpkgs). GitHub, GitLab and
 * SourceHut inputs have their hosts' purls at the locked commit; git and Mercurial inputs their
 * repository (`vcs_url`); tarballs and files their URL (`download_url`); a local path has no purl.
 */
export const extract: ExtractFn = extractFlakeLock;

/** Follow paths longer than this (or a cycle of follows) are left unresolved. */
const MAX_FOLLOWS = 32;

const FORGES: Record<string, { purlType: string; host: string }> = {
  github: { purlType: 'github', host: 'https://github.com' },
  gitlab: { purlType: 'gitlab', host: 'https://gitlab.com' },
  sourcehut: { purlType: 'generic', host: 'https://git.sr.ht' },
};

function extractFlakeLock(input: LockfileInput): Inventory {
  const doc = parseJsonFile(input.path, input.text);
  if (!isObject(doc) || !isObject(doc.nodes))
    throw new LockfileError(input.path, 'not a flake.lock: it has no "nodes" object', 1);
  const nodes = doc.nodes;
  const rootKey = str(doc.root) ?? 'root';
  if (!isObject(nodes[rootKey]))
    throw new LockfileError(input.path, `not a flake.lock: its root node "${rootKey}" is missing`, 1);
  const builder = new InventoryBuilder('generic', 'Nix', input.path);
  for (const [key, raw] of Object.entries(nodes)) {
    if (key === rootKey) continue;
    if (!isObject(raw)) {
      builder.report('warning', 'invalid-entry', `node "${key}" is not an object; left out`);
      continue;
    }
    builder.add(nodeSpec(key, objectOr(raw.locked), objectOr(raw.original), raw.flake === false));
  }
  // An input names a node, or a path of input names from the root whose steps may be paths themselves.
  // Steps in all, so that a crafted file of follows that name follows cannot make this exponential.
  let budget = 64 * (Object.keys(nodes).length + 16);
  const resolve = (target: unknown, depth = 0): string | undefined => {
    if (typeof target === 'string') return isObject(nodes[target]) ? target : undefined;
    if (!Array.isArray(target) || depth > MAX_FOLLOWS || (budget -= target.length) < 0) return undefined;
    let at: string | undefined = rootKey;
    for (const name of target) {
      if (typeof name !== 'string' || at === undefined) return undefined;
      at = resolve(objectOr(objectOr(nodes[at]).inputs)[name], depth + 1);
    }
    return at;
  };
  for (const [key, raw] of Object.entries(nodes)) {
    if (!isObject(raw) || raw.inputs === undefined) continue;
    if (!isObject(raw.inputs)) {
      builder.report('warning', 'invalid-entry', `node "${key}": "inputs" is not an object; its inputs are left out`);
      continue;
    }
    for (const [name, target] of Object.entries(raw.inputs)) {
      const to = resolve(target);
      if (to === undefined) {
        builder.report(
          'warning',
          'unresolved-input',
          `input "${name}" of "${key}" names no node (${JSON.stringify(target)})`,
        );
        continue;
      }
      if (to === key || to === rootKey || !builder.has(to)) continue;
      if (key === rootKey) builder.direct(to);
      else if (builder.has(key)) builder.edge(key, to);
    }
  }
  return builder.build(
    { properties: [{ name: 'vigie:nix:lock-version', value: String(doc.version ?? '') }] },
    'complete',
  );
}

function nodeSpec(key: string, locked: Obj, original: Obj, notFlake: boolean): PackageSpec {
  const type = str(locked.type) ?? '';
  const rev = str(locked.rev);
  const owner = str(locked.owner);
  const repo = str(locked.repo);
  const url = str(locked.url);
  const ref = str(original.ref);
  const properties: Property[] = [{ name: 'vigie:nix:type', value: type }];
  const narHash = str(locked.narHash);
  if (narHash) properties.push({ name: 'vigie:nix:narHash', value: narHash });
  if (ref) properties.push({ name: 'vigie:nix:ref', value: ref });
  if (notFlake) properties.push({ name: 'vigie:nix:flake', value: 'false' });
  const externalReferences: ExternalReference[] = [];
  let purl: PurlParts | false = false;
  let name = key;
  const forge = FORGES[type];
  if (forge && owner && repo) {
    name = repo;
    const host = str(locked.host) ? `https://${str(locked.host)}` : forge.host;
    const home =
      type === 'sourcehut'
        ? `${host}/${owner.startsWith('~') ? owner : `~${owner}`}/${repo}`
        : `${host}/${owner}/${repo}`;
    externalReferences.push({ type: 'vcs', url: `${home}${rev ? `#${rev}` : ''}` });
    // A forge on another host (GitHub Enterprise, a self-hosted GitLab) is not that forge's package.
    if (rev && forge.purlType !== 'generic' && !str(locked.host))
      purl = { type: forge.purlType, namespace: owner, name: repo, version: rev };
    else if (rev) purl = { type: 'generic', name: repo, version: rev, qualifiers: { vcs_url: `git+${home}@${rev}` } };
  } else if ((type === 'git' || type === 'hg') && url) {
    externalReferences.push({ type: 'vcs', url: `${url}${rev ? `#${rev}` : ''}` });
    if (rev)
      purl = {
        type: 'generic',
        name: key,
        version: rev,
        qualifiers: { vcs_url: `${type === 'hg' ? 'hg' : 'git'}+${url.replace(/^git\+/, '')}@${rev}` },
      };
  } else if ((type === 'tarball' || type === 'file') && url) {
    externalReferences.push({ type: 'distribution', url });
    purl = { type: 'generic', name: key, qualifiers: { download_url: url } };
  }
  return {
    key,
    name,
    version: rev,
    purl,
    scope: 'prod',
    properties,
    externalReferences,
  };
}
