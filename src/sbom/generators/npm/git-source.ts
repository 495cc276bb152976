// Where an npm git dependency's code is from, read from the lockfile's `resolved` (v2/v3) or the
// git spec v1 writes as `version`: the repository as a vcs_url and the commit npm locked (ADR 48).

export interface GitSource {
  /** The repository as a vcs_url: `git+https://…`, `git+ssh://…`, `git://…`; hosted shorthands spelled out. */
  url: string;
  /** The commit npm locked (the `#fragment` when it is a commit id). */
  commit?: string;
}

const HOSTS: Record<string, string> = {
  github: 'github.com',
  gitlab: 'gitlab.com',
  bitbucket: 'bitbucket.org',
  gist: 'gist.github.com',
};

/**
 * The git source of a resolved spec, or undefined when it is not one (a registry tarball, a file:
 * folder). Credentials in an https URL (`https://token@github.com/…`) are dropped: an SBOM is shared.
 */
export function gitSourceOf(resolved: string | undefined): GitSource | undefined {
  if (!resolved) return undefined;
  const hash = resolved.indexOf('#');
  const bare = hash < 0 ? resolved : resolved.slice(0, hash);
  const fragment = hash < 0 ? '' : resolved.slice(hash + 1);
  const commit = /^[0-9a-f]{7,64}$/i.test(fragment) ? fragment.toLowerCase() : undefined;
  let url: string | undefined;
  const hosted = /^(github|gitlab|bitbucket|gist):([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(bare);
  const shorthand = /^([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(bare);
  if (hosted) url = `git+https://${HOSTS[hosted[1]!]}/${hosted[2]}`;
  else if (shorthand) url = `git+https://github.com/${shorthand[1]}/${shorthand[2]}`;
  else if (/^git\+[a-z]+:\/\/|^git:\/\//i.test(bare)) url = withoutHttpCredentials(bare);
  if (!url) return undefined;
  return commit ? { url, commit } : { url };
}

function withoutHttpCredentials(url: string): string {
  return url.replace(/^(git\+https?:\/\/)[^/@]*@/i, '$1');
}
