/** etc/os-release (or usr/lib/os-release): `KEY=value` lines, values optionally quoted. */
export interface OsRelease {
  id?: string;
  versionId?: string;
  versionCodename?: string;
  prettyName?: string;
}

export function parseOsRelease(text: string | undefined): OsRelease {
  const out: OsRelease = {};
  if (!text) return out;
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (!m) continue;
    const value = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
    if (m[1] === 'ID') out.id = value.toLowerCase();
    else if (m[1] === 'VERSION_ID') out.versionId = value;
    else if (m[1] === 'VERSION_CODENAME') out.versionCodename = value;
    else if (m[1] === 'PRETTY_NAME') out.prettyName = value;
  }
  return out;
}

/**
 * The os-release of the root filesystem a package database lives in: `prefix` is how many folders
 * the database's folder sits below the root (`var/lib/dpkg/status` → 3).
 */
export function osReleaseBeside(
  readRelated: ((path: string) => string | undefined) | undefined,
  depth: number,
): OsRelease {
  const up = '../'.repeat(depth);
  return parseOsRelease(readRelated?.(`${up}etc/os-release`) ?? readRelated?.(`${up}usr/lib/os-release`));
}

/** The `distro` qualifier: `debian-12`, `alpine-3.19.1`, `rhel-9.3` (id and release). */
export function distroQualifier(os: OsRelease): string | undefined {
  if (!os.id) return undefined;
  return os.versionId ? `${os.id}-${os.versionId}` : os.versionCodename ? `${os.id}-${os.versionCodename}` : os.id;
}
