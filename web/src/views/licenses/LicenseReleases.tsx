import { api } from '../../api/endpoints.js';
import { Empty, Show } from '../../components/status.js';
import { useLoad } from '../../components/use-load.js';
import { Link } from '../../router.js';

/** The releases whose usages are under this licence once decisions apply (issue 8 item 17). */
export function LicenseReleases({ license }: { license: string }) {
  const loaded = useLoad(() => api.licenseReleases(license), [license]);
  return (
    <section className="card" aria-labelledby="license-releases">
      <h2 id="license-releases">Releases using {license}</h2>
      <Show loaded={loaded}>
        {(uses) =>
          uses.length === 0 ? (
            <Empty>No release uses {license} once decisions apply.</Empty>
          ) : (
            <ul className="plain-list">
              {uses.map((u) => (
                <li key={u.release.id} className="row-between">
                  <Link to={`/releases/${u.release.id}?tab=bom`}>
                    {u.productName} {u.release.number}
                  </Link>
                  <span className="muted small">
                    {u.usages} usage{u.usages === 1 ? '' : 's'}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}
