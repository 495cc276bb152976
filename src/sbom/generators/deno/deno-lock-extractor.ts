import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, isObject, objectOr, parseJsonFile, str, type Obj } from '../core/parse-text.js';
import { npmPackage } from '../npm/js-project.js';

/**
 * deno.lock, versions 2 to 5: npm packages (`name@version`, a peer suffix after `_` or in
 * parentheses), JSR packages (`@scope/name@version`) and remote modules (URL → hash), the
 * specifiers (`npm:chalk@5` → the version chosen) and the workspace's own dependencies.
 * A JSR package is written as JSR's npm-compatible name (`@jsr/std__assert` on npm.jsr.io), the
 * name an npm client installs it by. A remote module whose URL names a package and version
 * (deno.land/x, deno.land/std, esm.sh, jsDelivr's and unpkg's npm paths) is that package, once;
 * other URLs are counted, not listed: a file with a hash is not a package with a version.
 */
export const extract: ExtractFn = extractDenoLock;

const JSR_REGISTRY = 'https://npm.jsr.io';

function extractDenoLock(input: LockfileInput): Inventory {
  const doc = parseJsonFile(input.path, input.text);
  if (!isObject(doc)) throw new LockfileError(input.path, 'not a deno.lock: the top level is not an object', 1);
  const version = Number(str(doc.version) ?? doc.version);
  if (!Number.isInteger(version) || version < 2 || version > 5) {
    throw new LockfileError(
      input.path,
      `deno.lock version ${String(doc.version)} is not one this reader knows (2–5)`,
      lineOfMatch(input.text, '"version"') ?? 1,
    );
  }
  // Version 2 keeps npm under npm.{specifiers,packages}; 3 under packages.{specifiers,jsr,npm}; 4 and 5 at the top.
  const packages = version === 3 ? objectOr(doc.packages) : doc;
  const specifiers: Obj =
    version === 2 ? objectOr(objectOr(doc.npm).specifiers) : objectOr((packages as Obj).specifiers);
  const npm: Obj = version === 2 ? objectOr(objectOr(doc.npm).packages) : objectOr((packages as Obj).npm);
  const jsr: Obj = version === 2 ? {} : objectOr((packages as Obj).jsr);
  const builder = new InventoryBuilder('npm', 'JavaScript', input.path);
  // kind → name → keys, to resolve the short forms (`jsr:@std/internal`, `chalk`) and specifiers.
  const byName = { npm: new Map<string, string[]>(), jsr: new Map<string, string[]>() };
  const keyOfId = new Map<string, string>();
  const note = (kind: 'npm' | 'jsr', name: string, key: string) =>
    byName[kind].set(name, [...(byName[kind].get(name) ?? []), key]);

  for (const [id, raw] of Object.entries(npm)) {
    const parsed = splitId(id);
    if (!parsed) {
      builder.report('warning', 'bad-package-entry', `npm package "${id}" is not "name@version"; left out`);
      continue;
    }
    const { name, version: v } = parsed;
    const key = `npm:${name}@${v}`;
    keyOfId.set(`npm:${id}`, key);
    if (!builder.has(key)) {
      builder.add(npmPackage(key, name, v, { integrity: str(objectOr(raw).integrity) }));
      note('npm', name, key);
    }
  }
  for (const [id, raw] of Object.entries(jsr)) {
    const parsed = splitId(id);
    if (!parsed || !/^@[^/]+\/[^/]+$/.test(parsed.name)) {
      builder.report('warning', 'bad-package-entry', `JSR package "${id}" is not "@scope/name@version"; left out`);
      continue;
    }
    const { name, version: v } = parsed;
    const [scope, bare] = name.slice(1).split('/') as [string, string];
    const key = `jsr:${name}@${v}`;
    keyOfId.set(`jsr:${id}`, key);
    const integrity = str(objectOr(raw).integrity);
    builder.add({
      key,
      name: `${scope}__${bare}`,
      group: '@jsr',
      version: v,
      purl: { namespace: '@jsr', name: `${scope}__${bare}`, version: v, qualifiers: { repository_url: JSR_REGISTRY } },
      ...(integrity && /^[0-9a-f]{64}$/.test(integrity) && { hashes: [{ alg: 'SHA-256', content: integrity }] }),
      properties: [{ name: 'vigie:jsr:name', value: name }],
      externalReferences: [{ type: 'distribution', url: `https://jsr.io/${name}@${v}` }],
    });
    note('jsr', name, key);
  }

  // A dependency or specifier: `npm:chalk@5` (through the specifiers), `npm:chalk@5.3.0`, `chalk@5.3.0`
  // (version 2–3 npm lists), a bare name when only one version is locked.
  const resolve = (kind: 'npm' | 'jsr', text: string): string | undefined => {
    // An alias names the real package after `@npm:` (`string-width-cjs@npm:string-width@4.2.3`).
    const spec = text.replace(/^(npm|jsr):/, '').replace(/^(?:@[^/@]+\/)?[^@]+@npm:/, '');
    const chosen = str(specifiers[`${kind}:${spec}`]) ?? str(specifiers[spec]);
    if (chosen) {
      const full = /^(npm|jsr):/.test(chosen) ? chosen : `${kind}:${splitId(spec)?.name ?? spec}@${chosen}`;
      const hit = keyOfId.get(full);
      if (hit) return hit;
    }
    const direct = keyOfId.get(`${kind}:${spec}`);
    if (direct) return direct;
    const name = splitId(spec)?.name ?? spec;
    const keys = byName[kind].get(name);
    return keys?.length === 1 ? keys[0] : undefined;
  };
  const kindOf = (text: string): 'npm' | 'jsr' => (text.startsWith('jsr:') ? 'jsr' : 'npm');
  let dangling = false;
  const required = new Set<string>();
  const link = (from: string, dep: string, optional = false) => {
    const target = resolve(kindOf(dep), dep);
    if (target) {
      builder.edge(from, target, optional ? 'optional' : undefined);
      required.add(target);
    } else if (!optional) {
      dangling = true;
      builder.report(
        'warning',
        'unresolved-dependency',
        `${from.slice(4)} depends on ${dep}, which the lockfile does not resolve`,
      );
    }
  };
  for (const [id, raw] of Object.entries(npm)) {
    const from = keyOfId.get(`npm:${id}`);
    if (!from) continue;
    const entry = objectOr(raw);
    // Version 2–3: {dep: "dep@1.0.0"}; 4–5: ["dep", "other@2.0.0"].
    const deps = isObject(entry.dependencies)
      ? Object.values(entry.dependencies).map(String)
      : arrayOr(entry.dependencies).map(String);
    for (const dep of deps) link(from, `npm:${dep}`);
    for (const dep of arrayOr(entry.optionalDependencies).map(String)) link(from, `npm:${dep}`, true);
  }
  for (const [id, raw] of Object.entries(jsr)) {
    const from = keyOfId.get(`jsr:${id}`);
    if (from) for (const dep of arrayOr(objectOr(raw).dependencies).map(String)) link(from, dep);
  }

  const remoteKeys = addRemotePackages(builder, objectOr(doc.remote), (name, key) => note('npm', name, key));

  // The project's own dependencies: the workspace's lists (deno.json, package.json, members), else what nothing requires.
  const workspace = objectOr(doc.workspace);
  const declared = [
    ...arrayOr(workspace.dependencies),
    ...arrayOr(objectOr(workspace.packageJson).dependencies),
    ...Object.values(objectOr(workspace.members)).flatMap((m) => [
      ...arrayOr(objectOr(m).dependencies),
      ...arrayOr(objectOr(objectOr(m).packageJson).dependencies),
    ]),
  ].map(String);
  for (const key of remoteKeys) builder.direct(key, 'prod');
  if (declared.length > 0) {
    for (const dep of declared) {
      const target = resolve(kindOf(dep), dep);
      if (target) builder.direct(target, 'prod');
    }
  } else {
    for (const key of [...keyOfId.values()]) if (!required.has(key)) builder.direct(key, 'prod');
    dangling = true;
  }
  return builder.build({}, dangling ? 'incomplete' : 'complete');
}

/** Remote modules: the packages their URLs name, added once each; returns their keys (the project imports them). */
function addRemotePackages(
  builder: InventoryBuilder,
  remote: Obj,
  noteNpm: (name: string, key: string) => void,
): Set<string> {
  let unnamed = 0;
  const remoteKeys = new Set<string>();
  for (const url of Object.keys(remote)) {
    const found = packageOfUrl(url);
    if (!found) {
      unnamed++;
      continue;
    }
    const key = `${found.npm ? 'npm' : 'remote'}:${found.name}@${found.version}`;
    // The project's code imports it by its URL.
    remoteKeys.add(key);
    if (builder.has(key)) continue;
    if (found.npm) {
      builder.add(npmPackage(key, found.name, found.version, { externalReferences: [{ type: 'distribution', url }] }));
      noteNpm(found.name, key);
    } else
      builder.add({
        key,
        name: found.name,
        version: found.version,
        purl: { type: 'generic', name: found.name, version: found.version, qualifiers: { download_url: found.base } },
        externalReferences: [{ type: 'distribution', url: found.base }],
      });
  }
  if (unnamed > 0)
    builder.report(
      'info',
      'remote-module-without-version',
      `${unnamed} remote modules are URLs that name no package and version; left out`,
    );

  return remoteKeys;
}

/** `name@version` with an optional peer suffix (`_peer@1.0.0` or `(peer@1.0.0)`), scoped names included. */
function splitId(id: string): { name: string; version: string } | undefined {
  const at = id.indexOf('@', 1);
  if (at <= 0) return undefined;
  const version = id.slice(at + 1).replace(/[_(].*$/, '');
  return version ? { name: id.slice(0, at), version } : undefined;
}

/** The package a remote module's URL names, when it names one with its version. */
function packageOfUrl(url: string): { name: string; version: string; base: string; npm: boolean } | undefined {
  const denoLand = /^(https:\/\/deno\.land\/(?:x\/)?)([\w.-]+)@([^/]+)\//.exec(url);
  if (denoLand) {
    const [, host, name, version] = denoLand as unknown as [string, string, string, string];
    return { name, version, base: `${host}${name}@${version}`, npm: false };
  }
  const cdn =
    /^https:\/\/(?:esm\.sh\/(?:v\d+\/|stable\/)?|cdn\.jsdelivr\.net\/npm\/|unpkg\.com\/)((?:@[\w.-]+\/)?[\w.-]+)@(\d[^/?#]*)/.exec(
      url,
    );
  if (cdn) return { name: cdn[1]!, version: cdn[2]!, base: url, npm: true };
  return undefined;
}
