import type { Property } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { distroQualifier, osReleaseBeside } from './os-release.js';

/**
 * Debian/Ubuntu dpkg database of an unpacked root filesystem (`var/lib/dpkg/status`, and distroless
 * images' `var/lib/dpkg/status.d/*`): one RFC 822-style paragraph per package. Only installed
 * packages count; `Depends`/`Pre-Depends` become edges; the source package and architecture go into
 * the purl: `pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12`.
 */
export const extract: ExtractFn = extractDpkgStatus;

export function paragraphs(path: string, text: string): { fields: Map<string, string>; line: number }[] {
  const out: { fields: Map<string, string>; line: number }[] = [];
  let fields = new Map<string, string>();
  let last: string | undefined;
  let start = 1;
  const lines = text.split('\n');
  for (let i = 0; i <= lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trim() === '') {
      if (fields.size > 0) out.push({ fields, line: start });
      fields = new Map();
      last = undefined;
      start = i + 2;
      continue;
    }
    if (/^[ \t]/.test(line)) {
      if (!last) throw new LockfileError(path, 'a continuation line comes before any field', i + 1);
      fields.set(last, `${fields.get(last)}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new LockfileError(path, `expected "Field: value", found "${line.slice(0, 60)}"`, i + 1);
    last = line.slice(0, colon);
    fields.set(last, line.slice(colon + 1).trim());
  }
  return out;
}

function extractDpkgStatus(input: LockfileInput): Inventory {
  const depth = input.path.includes('/status.d/') ? 4 : 3;
  const os = osReleaseBeside(input.readRelated, depth);
  const distro = distroQualifier(os);
  const namespace = os.id === 'ubuntu' ? 'ubuntu' : 'debian';
  const builder = new InventoryBuilder('deb', undefined, input.path);
  const edges: [string, string][] = [];
  for (const { fields, line } of paragraphs(input.path, input.text)) {
    const name = fields.get('Package');
    const version = fields.get('Version');
    const status = fields.get('Status');
    if (!name) {
      builder.report('warning', 'dpkg-no-package', 'a paragraph has no Package field; left out', { line });
      continue;
    }
    // `install ok installed` only; half-installed, config-files (removed) and not-installed are not there.
    if (status !== undefined && !/\binstalled$/.test(status)) continue;
    const arch = fields.get('Architecture');
    const sourceField = fields.get('Source')?.trim();
    const source = sourceField?.split(' ')[0];
    // `Source: glibc (2.36-9)`: the source package's own version, when a rebuild made them differ.
    const sourceVersion = /\(([^)]+)\)/.exec(sourceField ?? '')?.[1]?.trim();
    // Debian's and Ubuntu's advisories name source packages: the `upstream` qualifier carries it,
    // as syft writes it, so that a scan finds libssl3 under openssl.
    const upstream =
      source && (source !== name || (sourceVersion && sourceVersion !== version))
        ? sourceVersion
          ? `${source}@${sourceVersion}`
          : source
        : undefined;
    const properties: Property[] = [];
    if (source && source !== name) properties.push({ name: 'vigie:deb:source', value: source });
    if (fields.get('Maintainer')) properties.push({ name: 'vigie:deb:maintainer', value: fields.get('Maintainer')! });
    builder.add({
      key: name,
      name,
      version,
      purl: version
        ? {
            namespace,
            name,
            version,
            qualifiers: { ...(arch && { arch }), ...(distro && { distro }), ...(upstream && { upstream }) },
          }
        : false,
      scope: 'prod',
      description: fields.get('Description')?.split('\n')[0],
      properties,
      type: 'library',
    });
    for (const field of ['Depends', 'Pre-Depends']) {
      for (const alternative of (fields.get(field) ?? '').split(',')) {
        const dep = alternative
          .split('|')[0]!
          .trim()
          .split(/[\s(:]/)[0];
        if (dep) edges.push([name, dep]);
      }
    }
  }
  for (const [from, to] of edges) if (builder.has(to)) builder.edge(from, to);
  return builder.build(
    {
      name: os.prettyName ?? os.id ?? 'root filesystem',
      version: os.versionId,
      purl: false,
      properties: distro ? [{ name: 'vigie:os:distro', value: distro }] : [],
    },
    // Depends names packages, not versions, and a virtual package stands for any provider: partial.
    'incomplete',
  );
}
