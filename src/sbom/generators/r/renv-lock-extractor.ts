import type { ExternalReference, Property } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { isObject, objectOr, parseJsonFile, str } from '../core/parse-text.js';

/**
 * renv.lock (R's renv, lockfile versions 1.x): every package of the project library with its version,
 * where it came from (`Source`: Repository — CRAN or another repository —, Bioconductor, GitHub,
 * GitLab, Bitbucket, git, URL, Local) and the packages it requires (`Requirements`, which renv ≥ 1.0
 * writes; base R's own packages such as `methods` and `utils` are not in the library and are no
 * component). renv does not say which packages the project itself uses: the graph between packages is
 * complete, the project's direct dependencies are not known.
 */
export const extract: ExtractFn = extractRenvLock;

/** Hosts of the remotes renv records, for a package built from a repository. */
const REMOTE_HOSTS: Record<string, string> = {
  github: 'https://github.com',
  gitlab: 'https://gitlab.com',
  bitbucket: 'https://bitbucket.org',
};

function extractRenvLock(input: LockfileInput): Inventory {
  const doc = parseJsonFile(input.path, input.text);
  if (!isObject(doc) || (doc.Packages !== undefined && !isObject(doc.Packages)))
    throw new LockfileError(input.path, 'not a renv.lock: "Packages" is not an object of packages', 1);
  const builder = new InventoryBuilder('cran', 'R', input.path);
  const packages = objectOr(doc.Packages);
  for (const [key, raw] of Object.entries(packages)) {
    if (!isObject(raw)) {
      builder.report('warning', 'invalid-entry', `package "${key}" is not an object; left out`);
      continue;
    }
    const name = str(raw.Package) ?? key;
    const version = str(raw.Version);
    const repository = str(raw.Repository);
    // renv always writes Source; a lockfile written by another tool may leave it out and name only the
    // Repository (osv-scalibr's fixtures), which is where such a package came from.
    const source = str(raw.Source) ?? (repository ? 'Repository' : '');
    const remote = remoteOf(raw);
    const properties: Property[] = [{ name: 'vigie:renv:source', value: source }];
    if (repository) properties.push({ name: 'vigie:renv:repository', value: repository });
    const externalReferences: ExternalReference[] = remote ? [{ type: 'vcs', url: remote.url }] : [];
    const hash = hashOf(str(raw.Hash), 'md5');
    builder.add({
      key,
      name,
      version,
      purl: purlOf(name, version, source, repository, remote),
      ...(hash && { hashes: [hash] }),
      ...(str(raw.License) && { license: str(raw.License) }),
      ...(str(raw.Title) && { description: str(raw.Title) }),
      properties,
      externalReferences,
    });
  }
  for (const [key, raw] of Object.entries(packages)) {
    if (!isObject(raw)) continue;
    const requirements = raw.Requirements;
    if (requirements === undefined) continue;
    if (!Array.isArray(requirements)) {
      builder.report(
        'warning',
        'invalid-entry',
        `package "${key}": "Requirements" is not a list; its dependencies are left out`,
      );
      continue;
    }
    for (const required of requirements) {
      // Base R and its bundled packages (`R`, `methods`, `utils`…) are not in the library.
      if (typeof required === 'string' && Object.hasOwn(packages, required)) builder.edge(key, required);
    }
  }
  const r = objectOr(doc.R);
  const bioconductor = str(objectOr(doc.Bioconductor).Version);
  return builder.build(
    {
      properties: [
        ...(str(r.Version) ? [{ name: 'vigie:renv:r-version', value: str(r.Version)! }] : []),
        ...(bioconductor ? [{ name: 'vigie:renv:bioconductor-version', value: bioconductor }] : []),
      ],
    },
    'incomplete',
  );
}

/** The git repository a package was installed from, with its commit, when renv recorded one. */
function remoteOf(raw: Record<string, unknown>): { url: string; sha?: string } | undefined {
  const type = (str(raw.RemoteType) ?? str(raw.Source) ?? '').toLowerCase();
  const sha = str(raw.RemoteSha);
  const host = REMOTE_HOSTS[type];
  const user = str(raw.RemoteUsername);
  const repo = str(raw.RemoteRepo);
  let url: string | undefined;
  if (host && user && repo) {
    const apiHost = str(raw.RemoteHost);
    // A self-hosted GitHub Enterprise or GitLab names its own host (`api.github.com` is github.com).
    const base =
      apiHost && !/^api\.github\.com$|^(www\.)?(gitlab\.com|bitbucket\.org)$/.test(apiHost)
        ? `https://${apiHost.replace(/\/api\/v\d+$/, '')}`
        : host;
    url = `${base}/${user}/${repo}`;
  } else if (type === 'git' || type === 'git2r') url = str(raw.RemoteUrl);
  if (!url) return undefined;
  return { url: `${url}${sha ? `#${sha}` : ''}`, ...(sha && { sha }) };
}

/**
 * CRAN packages (the `Repository` source from CRAN, or a repository renv names CRAN) are `pkg:cran`;
 * a package of another repository keeps its name but says where it is from; Bioconductor's and those
 * built from git get no registry purl but their git commit (`vcs_url`) when known.
 */
function purlOf(
  name: string,
  version: string | undefined,
  source: string,
  repository: string | undefined,
  remote: { url: string; sha?: string } | undefined,
) {
  if (!version) return false as const;
  // Early renv (0.x) wrote `Source: CRAN`.
  if ((source === 'Repository' || source === 'CRAN') && (!repository || /^(CRAN|RSPM|PPM|P3M)$/i.test(repository)))
    return { name, version };
  if (source === 'Bioconductor') return { type: 'bioconductor', name, version };
  if (remote?.sha)
    return { name, version, qualifiers: { vcs_url: `git+${remote.url.replace(/#.*$/, '')}@${remote.sha}` } };
  if (source === 'Repository' && repository && /^https?:\/\//.test(repository))
    return { name, version, qualifiers: { repository_url: repository } };
  return false as const;
}
