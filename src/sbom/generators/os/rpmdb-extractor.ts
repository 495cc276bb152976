import type { Property } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { distroQualifier, osReleaseBeside } from './os-release.js';
import { readRpmHeader, RPM_TAGS } from './rpm-header.js';

/**
 * RPM database of an unpacked root filesystem (`var/lib/rpm/rpmdb.sqlite`, or
 * `usr/lib/sysimage/rpm/rpmdb.sqlite`): the adapter opens the SQLite file read-only and hands over
 * the header blobs; each becomes `pkg:rpm/<vendor id>/<name>@<version>-<release>?arch=…&epoch=…&distro=…`.
 */
export const extract: ExtractFn = extractRpmdb;

function extractRpmdb(input: LockfileInput): Inventory {
  const depth = input.path.includes('usr/lib/sysimage/') ? 4 : 3;
  const os = osReleaseBeside(input.readRelated, depth);
  const distro = distroQualifier(os);
  const builder = new InventoryBuilder('rpm', undefined, input.path);
  const provides = new Map<string, string>();
  const requires: [string, string[]][] = [];
  (input.records ?? []).forEach((blob, i) => {
    const h = readRpmHeader(blob, input.path, i);
    const name = h.get(RPM_TAGS.name) as string | undefined;
    // gpg-pubkey entries are keys, not software.
    if (!name || name === 'gpg-pubkey') return;
    const version = h.get(RPM_TAGS.version) as string | undefined;
    const release = h.get(RPM_TAGS.release) as string | undefined;
    const epoch = h.get(RPM_TAGS.epoch) as number | undefined;
    const arch = h.get(RPM_TAGS.arch) as string | undefined;
    const full = version ? (release ? `${version}-${release}` : version) : undefined;
    const key = `${name}.${arch ?? ''}`;
    const properties: Property[] = [];
    const sourceRpm = h.get(RPM_TAGS.sourceRpm) as string | undefined;
    if (sourceRpm) properties.push({ name: 'vigie:rpm:source-rpm', value: sourceRpm });
    const vendor = h.get(RPM_TAGS.vendor) as string | undefined;
    if (vendor) properties.push({ name: 'vigie:rpm:vendor', value: vendor });
    builder.add({
      key,
      name,
      version: full,
      purl: full
        ? {
            namespace: os.id ?? 'rpm',
            name,
            version: full,
            qualifiers: { ...(arch && { arch }), ...(epoch && { epoch: String(epoch) }), ...(distro && { distro }) },
          }
        : false,
      scope: 'prod',
      license: h.get(RPM_TAGS.license) as string | undefined,
      description: h.get(RPM_TAGS.summary) as string | undefined,
      properties,
    });
    for (const p of [name, ...((h.get(RPM_TAGS.provideName) as string[] | undefined) ?? [])])
      if (!provides.has(p)) provides.set(p, key);
    requires.push([
      key,
      ((h.get(RPM_TAGS.requireName) as string[] | undefined) ?? []).filter((r) => !r.startsWith('rpmlib(')),
    ]);
  });
  for (const [from, list] of requires) {
    for (const r of list) {
      const to = provides.get(r);
      if (to && to !== from) builder.edge(from, to);
    }
  }
  return builder.build(
    {
      name: os.prettyName ?? os.id ?? 'root filesystem',
      version: os.versionId,
      purl: false,
      properties: distro ? [{ name: 'vigie:os:distro', value: distro }] : [],
    },
    'complete',
  );
}
