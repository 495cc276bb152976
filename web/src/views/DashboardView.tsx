import { api } from '../api/endpoints.js';
import type { LicensePolicy, ObligationGroup, Product, Release, ReleaseView } from '../api/types.js';
import { BarChart, Donut, type Bar } from '../components/BarChart.js';
import { Empty, Show, StepProgress } from '../components/status.js';
import { useLoad } from '../components/use-load.js';
import { Link } from '../router.js';
import { ALLOWED_LABELS, ALLOWED_TONES } from './licenses/policy-vocabulary.js';

interface DashboardData {
  products: Product[];
  releases: Release[];
  categories: number;
  recent: ReleaseView[];
  distribution: Bar[];
  policy: Bar[];
  obligations: Array<{ release: Release; productName: string; groups: ObligationGroup[] }>;
}

async function loadDashboard(): Promise<DashboardData> {
  const [products, releases, categories, recent, distribution, policies] = await Promise.all([
    api.products(),
    api.releases(),
    api.categories(),
    api.recentReleases().catch(() => [] as ReleaseView[]),
    api.licenseDistribution('chosen').catch(() => []),
    api.policies().catch(() => [] as LicensePolicy[]),
  ]);
  const byLicense = new Map(policies.map((p) => [p.license, p.allowed]));
  const policyCounts = new Map<string, number>();
  for (const row of distribution) {
    const status = row.license ? (byLicense.get(row.license) ?? 'not-reviewed') : 'unresolved';
    policyCounts.set(status, (policyCounts.get(status) ?? 0) + row.usages);
  }
  const names = new Map(products.map((p) => [p.id, p.name]));
  const recentReleases = (recent.length > 0 ? recent.map((v) => v.release) : releases).slice(0, 3);
  const obligations = await Promise.all(
    recentReleases
      .filter((r) => r.validationStep >= 5)
      .map(async (release) => ({
        release,
        productName: names.get(release.productId) ?? '',
        groups: await api.obligations(release.id).catch(() => []),
      })),
  );
  return {
    products,
    releases,
    categories: categories.length,
    recent: recent.length > 0 ? recent : releases.slice(0, 8).map((release) => ({ release, viewedAt: '', viewedBy: null })),
    distribution: distribution
      .slice()
      .sort((a, b) => b.usages - a.usages)
      .slice(0, 10)
      .map((d) => ({ label: d.license ?? 'No licence chosen', value: d.usages, tone: d.license ? 'neutral' : 'warn' })),
    policy: [...policyCounts].map(([status, value]) => ({
      label: ALLOWED_LABELS[status as keyof typeof ALLOWED_LABELS] ?? 'Not chosen yet',
      value,
      tone: ALLOWED_TONES[status as keyof typeof ALLOWED_TONES] ?? 'warn',
    })),
    obligations,
  };
}

export function DashboardView() {
  const loaded = useLoad(loadDashboard, []);
  return (
    <section>
      <h1>Dashboard</h1>
      <Show loaded={loaded}>
        {(data) => {
          const names = new Map(data.products.map((p) => [p.id, p.name]));
          const validated = data.releases.filter((r) => r.validationStep >= 6).length;
          return (
            <>
              <ul className="counts" aria-label="Portfolio counts">
                <li className="card">
                  <strong>{data.products.length}</strong> products
                </li>
                <li className="card">
                  <strong>{data.releases.length}</strong> releases
                </li>
                <li className="card">
                  <strong>{data.categories}</strong> categories
                </li>
                <li className="card">
                  <strong>{validated}</strong> fully validated
                </li>
              </ul>
              <div className="grid two">
                <section className="card" aria-labelledby="recent-title">
                  <h2 id="recent-title">Recently consulted releases</h2>
                  {data.recent.length === 0 ? (
                    <Empty>No release yet: start with an import.</Empty>
                  ) : (
                    <ul className="plain-list">
                      {data.recent.map(({ release }) => (
                        <li key={release.id} className="row-between">
                          <Link to={`/releases/${release.id}`}>
                            {names.get(release.productId) ?? 'Product'} {release.number}
                          </Link>
                          <StepProgress step={release.validationStep} />
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                <section className="card" aria-labelledby="open-obligations">
                  <h2 id="open-obligations">Open obligations</h2>
                  {data.obligations.length === 0 ? (
                    <Empty>Obligations appear once a release passes the policy step.</Empty>
                  ) : (
                    data.obligations.map((o) => (
                      <div key={o.release.id}>
                        <h3>
                          <Link to={`/releases/${o.release.id}?tab=obligations`}>
                            {o.productName} {o.release.number}
                          </Link>
                        </h3>
                        <ul className="plain-list">
                          {o.groups.slice(0, 6).map((g) => (
                            <li key={g.action.name} className="row-between">
                              <span>
                                {g.action.name} {g.core || g.action.core ? <span className="badge">core</span> : null}
                              </span>
                              <span className="muted">{g.usages.length} usages</span>
                            </li>
                          ))}
                        </ul>
                      </div>
                    ))
                  )}
                </section>
                <section className="card">
                  <BarChart title="Licences in use (chosen, top 10)" bars={data.distribution} />
                </section>
                <section className="card">
                  {data.policy.length === 0 ? <Empty>No licence data yet.</Empty> : <Donut title="Usages by policy status" parts={data.policy} />}
                </section>
              </div>
            </>
          );
        }}
      </Show>
    </section>
  );
}
