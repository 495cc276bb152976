// Small links of the release page: compare with the previous release of the product, and the
// invitation an empty release shows instead of an empty table.
import { api } from '../../api/endpoints.js';
import type { Release } from '../../api/types.js';
import { useCan } from '../../auth.js';
import { useLoad } from '../../components/use-load.js';
import { Link } from '../../router.js';

const byNumber = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The release of the same product with the highest number below this one's (numeric order: 1.10 > 1.9). */
export function previousRelease(release: Release, siblings: Release[]): Release | null {
  const earlier = siblings.filter((r) => r.id !== release.id && byNumber.compare(r.number, release.number) < 0);
  return earlier.sort((a, b) => byNumber.compare(b.number, a.number))[0] ?? null;
}

export function CompareWithPrevious({ release }: { release: Release }) {
  const siblings = useLoad(() => api.releases(release.productId), [release.productId, release.id]);
  if (!siblings.data) return null;
  const previous = previousRelease(release, siblings.data);
  if (!previous)
    return (
      <p className="muted small">The first release of this product: there is no previous release to compare with.</p>
    );
  return (
    <p className="small">
      <Link to={`/diff?from=${previous.id}&to=${release.id}`}>
        Compare with the previous release ({previous.number})
      </Link>
    </p>
  );
}

export function EmptyReleaseInvite({ releaseId }: { releaseId: number }) {
  const canWrite = useCan('portfolio:write');
  return (
    <div className="card notice" role="note">
      <h2>This release has no components yet</h2>
      {canWrite ? (
        <p>
          Start with its SBOM: <Link to={`/import?release=${releaseId}`}>import an SBOM into this release</Link>{' '}
          (CycloneDX, SPDX, ORT, KISSBOM…).
        </p>
      ) : (
        <p>Someone who runs the portfolio (project manager or compliance officer) can import its SBOM.</p>
      )}
    </div>
  );
}
