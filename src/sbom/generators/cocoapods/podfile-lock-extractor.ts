import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { arrayOr, isObject, objectOr, parseYamlFile, str } from '../core/parse-text.js';

/**
 * Podfile.lock: PODS (`Name (version)` or `Name/Subspec (version)` with dependencies),
 * DEPENDENCIES (the Podfile's), SPEC CHECKSUMS, EXTERNAL SOURCES. A subspec is part of its pod:
 * one component per pod, the subspecs listed in a property.
 */
export const extract: ExtractFn = extractPodfileLock;

const POD = /^(\S+) \(([^)]+)\)$/;
const podOf = (name: string) => name.split('/')[0]!;

function extractPodfileLock(input: LockfileInput): Inventory {
  const doc = parseYamlFile(input.path, input.text);
  if (doc === null || doc === undefined)
    return new InventoryBuilder('cocoapods', 'Swift', input.path).build({}, 'complete');
  if (!isObject(doc) || !Array.isArray(doc.PODS))
    throw new LockfileError(input.path, 'not a Podfile.lock: no PODS list', 1);
  const builder = new InventoryBuilder('cocoapods', 'Swift', input.path);
  const checksums = objectOr(doc['SPEC CHECKSUMS']);
  const external = objectOr(doc['EXTERNAL SOURCES']);
  // A pod's subspecs, gathered first: the pod's component is made once, with all of them.
  const subspecs = new Map<string, Set<string>>();
  for (const entry of doc.PODS as unknown[]) {
    const full = POD.exec(
      (typeof entry === 'string' ? entry : isObject(entry) ? Object.keys(entry)[0] : '') ?? '',
    )?.[1];
    const pod = full && podOf(full);
    if (pod && full !== pod) subspecs.set(pod, (subspecs.get(pod) ?? new Set()).add(full.slice(pod.length + 1)));
  }
  const edges: [string, string][] = [];
  for (const entry of doc.PODS as unknown[]) {
    const head = typeof entry === 'string' ? entry : isObject(entry) ? Object.keys(entry)[0] : undefined;
    const m = head ? POD.exec(head) : null;
    if (!m) {
      builder.report(
        'warning',
        'bad-pod-entry',
        `PODS entry ${JSON.stringify(entry).slice(0, 60)} is not "Name (version)"; left out`,
      );
      continue;
    }
    const [, full, version] = m as unknown as [string, string, string];
    const pod = podOf(full);
    if (!builder.has(pod)) {
      const hash = hashOf(str(checksums[pod]), 'sha1');
      const source = objectOr(external[pod]);
      const path = str(source[':path']);
      const parts = subspecs.get(pod);
      builder.add({
        key: pod,
        name: pod,
        version,
        // A pod from a local folder (`:path:`) keeps its purl: its podspec names the pod, as ORT reads it.
        purl: { name: pod, version },
        scope: 'prod',
        ...(hash && { hashes: [hash] }),
        externalReferences: str(source[':git']) ? [{ type: 'vcs', url: str(source[':git'])! }] : [],
        properties: [
          ...(path ? [{ name: 'vigie:cocoapods:path', value: path }] : []),
          ...(parts ? [{ name: 'vigie:cocoapods:subspecs', value: [...parts].sort().join(',') }] : []),
        ],
      });
    }
    if (isObject(entry))
      for (const dep of arrayOr(entry[head!]))
        if (typeof dep === 'string') edges.push([pod, podOf(dep.split(' (')[0]!.trim())]);
  }
  for (const [from, to] of edges) if (builder.has(to) && from !== to) builder.edge(from, to);
  for (const dep of arrayOr(doc.DEPENDENCIES)) {
    const pod = typeof dep === 'string' ? podOf(dep.split(' (')[0]!.trim()) : undefined;
    if (pod && builder.has(pod)) builder.direct(pod, 'prod');
  }
  return builder.build(
    { properties: str(doc.COCOAPODS) ? [{ name: 'vigie:cocoapods:version', value: str(doc.COCOAPODS)! }] : [] },
    'complete',
  );
}
