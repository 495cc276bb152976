import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { readXml, unescapeXml, type XmlNode } from '../../formats/cyclonedx-xml/read-xml.js';
import { UnreadableDocumentError } from '../../format.js';

/**
 * packages.config (NuGet's older per-project list, before PackageReference): `<packages>` of
 * `<package id="…" version="…" targetFramework="…" developmentDependency="true"? />`. NuGet restores
 * exactly these versions, transitive packages included, but records no graph: each one is a direct
 * dependency of the project, `developmentDependency="true"` ones dev.
 */
export const extract: ExtractFn = extractPackagesConfig;

function extractPackagesConfig(input: LockfileInput): Inventory {
  let root: XmlNode;
  try {
    root = readXml(input.text, input.path);
  } catch (err) {
    if (err instanceof UnreadableDocumentError)
      throw new LockfileError(
        input.path,
        err.message.replace(`${input.path} is not well-formed XML at line ${err.line}: `, 'not well-formed XML: '),
        err.line ?? 1,
      );
    throw err;
  }
  const packages = (root.packages as XmlNode[] | undefined)?.[0];
  if (!packages)
    throw new LockfileError(input.path, 'not a NuGet packages.config: the root element is not <packages>', 1);
  const builder = new InventoryBuilder('nuget', 'C#', input.path);
  for (const node of (packages.package as XmlNode[] | undefined) ?? []) {
    const attrs = node['@'] ?? {};
    const id = attrs.id !== undefined ? unescapeXml(attrs.id).trim() : '';
    const version = attrs.version !== undefined ? unescapeXml(attrs.version).trim() : '';
    if (!id || !version) {
      builder.report(
        'warning',
        'missing-version',
        `<package id="${id}" version="${version}"> lacks ${id ? 'a version' : 'an id'}; left out`,
      );
      continue;
    }
    const dev = attrs.developmentDependency === 'true';
    const key = `${id.toLowerCase()}@${version}`;
    builder.add({
      key,
      name: id,
      version,
      purl: { name: id, version },
      scope: dev ? 'dev' : 'prod',
      properties: attrs.targetFramework ? [{ name: 'vigie:nuget:target-framework', value: attrs.targetFramework }] : [],
    });
    builder.direct(key, dev ? 'dev' : 'prod');
  }
  return builder.build({}, 'incomplete');
}
