import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, isObject, objectOr, parseJsonFile, str, type Obj } from '../core/parse-text.js';
import { toml } from '../../../text/libraries.js';
import { artifactHashes, normalizePythonName, pypiPackage } from './python-common.js';

/** Pipfile.lock: `default` (production) and `develop` (dev) sections, exact `==` versions. No graph. */
export const extract: ExtractFn = extractPipfile;

function extractPipfile(input: LockfileInput): Inventory {
  const doc = parseJsonFile(input.path, input.text);
  if (!isObject(doc) || (!isObject(doc.default) && !isObject(doc.develop) && !isObject(doc._meta))) {
    throw new LockfileError(input.path, 'not a Pipfile.lock: no "default", "develop" or "_meta" object', 1);
  }
  const builder = new InventoryBuilder('pypi', 'Python', input.path);
  // `"index": "internal"` names one of the sources `_meta` lists with its URL.
  const indexes = new Map(
    arrayOr(objectOr(doc._meta).sources)
      .map(objectOr)
      .map((source) => [str(source.name) ?? '', str(source.url) ?? ''] as const),
  );
  for (const [section, scope] of [
    ['default', 'prod'],
    ['develop', 'dev'],
  ] as const) {
    for (const [name, raw] of Object.entries(objectOr(doc[section]))) {
      const entry = objectOr(raw);
      const pinned = /^===?(.+)$/.exec(str(entry.version) ?? '');
      const git = str(entry.git);
      if (!pinned && !git) {
        builder.report('warning', 'unpinned-requirement', `${name} in "${section}" has no exact version; left out`, {
          line: lineOfMatch(input.text, `"${name}"`),
        });
        continue;
      }
      const props = artifactHashes(arrayOr(entry.hashes).map(String));
      if (str(entry.markers)) props.push({ name: 'vigie:python:markers', value: str(entry.markers)! });
      const extras = arrayOr(entry.extras).map(String);
      if (extras.length) props.push({ name: 'vigie:python:extras', value: extras.join(',') });
      const index = indexes.get(str(entry.index) ?? '');
      builder.add(
        pypiPackage(name, pinned?.[1], {
          local: !pinned,
          source: { ...(index && { index }), ...(git && { git, revision: str(entry.ref) }) },
          scope,
          properties: props,
          ...(git && {
            externalReferences: [{ type: 'vcs', url: `${git}${str(entry.ref) ? `@${str(entry.ref)}` : ''}` }],
          }),
        }),
      );
    }
  }
  // Pipfile.lock lists every locked package flat, direct or not, with no edges: the Pipfile beside it
  // names the direct ones; without it, every package stands in for one (as a requirements file does).
  const pipfile = siblingPipfile(input);
  const declared: [string, 'prod' | 'dev'][] = pipfile
    ? [
        ...Object.keys(objectOr(pipfile.packages)).map((n) => [n, 'prod'] as [string, 'prod']),
        ...Object.keys(objectOr(pipfile['dev-packages'])).map((n) => [n, 'dev'] as [string, 'dev']),
      ]
    : [
        ...Object.keys(objectOr(doc.default)).map((n) => [n, 'prod'] as [string, 'prod']),
        ...Object.keys(objectOr(doc.develop)).map((n) => [n, 'dev'] as [string, 'dev']),
      ];
  for (const [name, scope] of declared)
    if (builder.has(normalizePythonName(name))) builder.direct(normalizePythonName(name), scope);
  return builder.build({}, 'incomplete');
}

function siblingPipfile(input: LockfileInput): Obj | undefined {
  const text = input.readRelated?.('Pipfile');
  if (text === undefined) return undefined;
  try {
    return toml().parse(text) as Obj;
  } catch {
    return undefined;
  }
}
