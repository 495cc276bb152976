import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { distroQualifier, osReleaseBeside } from './os-release.js';

/**
 * Alpine's package database of an unpacked root filesystem (`lib/apk/db/installed`): one-letter
 * fields per package (`P` name, `V` version, `A` arch, `L` licence, `o` origin, `D` dependencies,
 * `p` provides, `C` checksum), packages separated by blank lines.
 */
export const extract: ExtractFn = extractApkInstalled;

function extractApkInstalled(input: LockfileInput): Inventory {
  const os = osReleaseBeside(input.readRelated, 3);
  const distro = distroQualifier(os);
  const builder = new InventoryBuilder('apk', undefined, input.path);
  const provides = new Map<string, string>();
  const deps: [string, string[]][] = [];
  let fields = new Map<string, string[]>();
  const flush = () => {
    const name = fields.get('P')?.[0];
    const version = fields.get('V')?.[0];
    if (name) {
      const arch = fields.get('A')?.[0];
      // Alpine's advisories name the origin (source) package: the `upstream` qualifier carries it,
      // as syft writes it, so that a scan finds libcrypto3 under openssl.
      const origin = fields.get('o')?.[0];
      const upstream = origin && origin !== name ? origin : undefined;
      builder.add({
        key: name,
        name,
        version,
        purl: version
          ? {
              namespace: os.id ?? 'alpine',
              name,
              version,
              qualifiers: { ...(arch && { arch }), ...(distro && { distro }), ...(upstream && { upstream }) },
            }
          : false,
        scope: 'prod',
        license: fields.get('L')?.[0],
        description: fields.get('T')?.[0],
        properties:
          fields.get('o')?.[0] && fields.get('o')![0] !== name
            ? [{ name: 'vigie:apk:origin', value: fields.get('o')![0]! }]
            : [],
        externalReferences: fields.get('U')?.[0] ? [{ type: 'website', url: fields.get('U')![0]! }] : [],
      });
      for (const p of (fields.get('p')?.[0] ?? '').split(/\s+/).filter(Boolean)) provides.set(p.split('=')[0]!, name);
      provides.set(name, name);
      deps.push([name, (fields.get('D')?.[0] ?? '').split(/\s+/).filter((d) => d && !d.startsWith('!'))]);
    }
    fields = new Map();
  };
  const lines = input.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') {
      flush();
      continue;
    }
    if (line[1] !== ':') throw new LockfileError(input.path, `expected "X:value", found "${line.slice(0, 40)}"`, i + 1);
    const key = line[0]!;
    const values = fields.get(key);
    if (values) values.push(line.slice(2));
    else fields.set(key, [line.slice(2)]);
  }
  flush();
  for (const [from, list] of deps) {
    for (const d of list) {
      const target = provides.get(d.replace(/[<>=~].*$/, ''));
      if (target && target !== from) builder.edge(from, target);
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
