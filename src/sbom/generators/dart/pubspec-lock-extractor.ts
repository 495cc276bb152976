import type { DependencyScope } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { isObject, objectOr, parseYamlFile, str } from '../core/parse-text.js';

/**
 * pubspec.lock: every package with its kind (`direct main`, `direct dev`, `direct overridden`,
 * `transitive`) and source (hosted, git, path, sdk). No edges: only the direct ones are known.
 */
export const extract: ExtractFn = extractPubspec;

function extractPubspec(input: LockfileInput): Inventory {
  const doc = parseYamlFile(input.path, input.text);
  const builder = new InventoryBuilder('pub', 'Dart', input.path);
  if (doc === null || doc === undefined) return builder.build({}, 'incomplete');
  if (!isObject(doc)) throw new LockfileError(input.path, 'not a pubspec.lock: the top level is not a mapping', 1);
  for (const [name, raw] of Object.entries(objectOr(doc.packages))) {
    const p = objectOr(raw);
    const version = str(p.version);
    const source = str(p.source);
    const description = isObject(p.description) ? p.description : {};
    const kind = str(p.dependency) ?? '';
    const scope: DependencyScope = kind === 'direct dev' ? 'dev' : 'prod';
    const hash = hashOf(str(description.sha256), 'sha256');
    const sdk = source === 'sdk';
    builder.add({
      key: name,
      name,
      version,
      purl:
        version && (source === 'hosted' || source === 'git')
          ? { name, version, ...sourceQualifiers(source, description) }
          : false,
      // Dev packages are dev; the others are what the app is built from (transitive ones too).
      scope,
      ...(hash && { hashes: [hash] }),
      properties: [
        { name: 'vigie:pub:source', value: source ?? '' },
        ...(sdk ? [{ name: 'vigie:pub:sdk', value: str(p.description) ?? '' }] : []),
      ],
      externalReferences:
        source === 'git' && str(description.url)
          ? [
              {
                type: 'vcs',
                url: `${str(description.url)}${str(description['resolved-ref']) ? `#${str(description['resolved-ref'])}` : ''}`,
              },
            ]
          : [],
    });
    if (kind.startsWith('direct')) builder.direct(name, scope);
  }
  const sdks = Object.entries(objectOr(doc.sdks)).map(([k, v]) => `${k} ${String(v)}`);
  return builder.build(
    { properties: sdks.length ? [{ name: 'vigie:pub:sdks', value: sdks.join(', ') }] : [] },
    'incomplete',
  );
}

/**
 * A package not from pub.dev says where it is from: `repository_url` for another hosted server (a
 * private one is not pub.dev's package of that name), `vcs_url` (`git+<url>@<commit>`) for git.
 */
function sourceQualifiers(source: string, description: Record<string, unknown>) {
  const url = str(description.url);
  if (!url) return {};
  if (source === 'git') {
    const commit = str(description['resolved-ref']);
    return { qualifiers: { vcs_url: `git+${url}${commit ? `@${commit}` : ''}` } };
  }
  return /^https?:\/\/(pub\.dev|pub\.dartlang\.org)\/?$/.test(url) ? {} : { qualifiers: { repository_url: url } };
}
