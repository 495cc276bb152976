import type { VersionScheme } from './scheme.js';
import { compareIdentifiers } from './semver.js';

/**
 * NuGet (NuGet.Versioning): up to four numeric parts (missing ones are 0), a prerelease whose
 * labels compare case-insensitively (numbers numerically, before text), build metadata ignored.
 */
function parse(version: string): { parts: string[]; pre: string[] } {
  let s = version.trim();
  if (s.startsWith('v') || s.startsWith('V')) s = s.slice(1);
  const plus = s.indexOf('+');
  if (plus !== -1) s = s.slice(0, plus);
  const dash = s.indexOf('-');
  const core = dash === -1 ? s : s.slice(0, dash);
  const pre =
    dash === -1
      ? []
      : s
          .slice(dash + 1)
          .toLowerCase()
          .split('.');
  return { parts: core.split('.'), pre };
}

export const nuget: VersionScheme = {
  id: 'nuget',
  title: 'NuGet (NuGet.Versioning)',
  compare: (a, b) => {
    const pa = parse(a);
    const pb = parse(b);
    const width = Math.max(4, pa.parts.length, pb.parts.length);
    const pad = (xs: string[]) => [...xs, ...Array<string>(width - xs.length).fill('0')];
    const c = compareIdentifiers(pad(pa.parts), pad(pb.parts));
    if (c !== 0) return c;
    if (pa.pre.length === 0 || pb.pre.length === 0) {
      return pa.pre.length === pb.pre.length ? 0 : pa.pre.length === 0 ? 1 : -1;
    }
    return compareIdentifiers(pa.pre, pb.pre);
  },
};
