import { api } from '../api/endpoints.js';
import type { DashboardSummary, Release } from '../api/types.js';
import { BarChart, Donut, type Bar } from '../components/BarChart.js';
import { Empty, Show, StepProgress } from '../components/status.js';
import { useLoad } from '../components/use-load.js';
import { Link } from '../router.js';
import { ALLOWED_LABELS, ALLOWED_TONES } from './licenses/policy-vocabulary.js';
import { DashboardVulnerabilities } from './DashboardVulnerabilities.js';
import { CaseClocksPanel } from './cra/CaseClocksPanel.js';

/** A compliance action usages trigger in a release past the policy step (GET /api/dashboard). */
interface OpenAction {
  name: string;
  core: boolean;
  category: string | null;
  usages: number;
  licenses: string[];
}

interface OpenObligations {
  release: Release;
  productName: string | null;
  actions: OpenAction[];
}

interface DashboardData {
  summary: DashboardSummary;
  releases: Release[];
  distribution: Bar[];
  distributionTitle: string;
  productNames: Map<number, string>;
  policy: Bar[];
  obligations: Array<{ release: Release; productName: string; actions: OpenAction[] }>;
}

async function loadDashboard(): Promise<DashboardData> {
  const [summary, releases, licenses, products, declared] = await Promise.all([
    api.dashboard() as Promise<DashboardSummary & { openObligations?: OpenObligations[] }>,
    api.releases(),
    api.licenses(),
    api.products(),
    api.licenseDistribution('declared').catch(() => []),
  ]);
  const productNames = new Map(products.map((p) => [p.id, p.name]));
  // Before any choice is recorded the chosen distribution is empty: show the declared one instead.
  const anyChosen = summary.licenses.some((l) => l.license !== null);
  const distributionRows = anyChosen ? summary.licenses : declared;
  // Usages per policy status: the chosen-licence distribution weighed by each licence's policy.
  const statusOf = new Map(licenses.map((l) => [l.id.toLowerCase(), l.policy.allowed]));
  const usagesByStatus = new Map<string, number>();
  for (const row of distributionRows) {
    const status = row.license
      ? (statusOf.get(row.license.toLowerCase()) ??
        (/ (AND|OR|WITH) /.test(row.license) ? 'expression' : 'not-reviewed'))
      : 'unresolved';
    usagesByStatus.set(status, (usagesByStatus.get(status) ?? 0) + row.usages);
  }
  const obligations = (summary.openObligations ?? []).map(({ release, productName, actions }) => ({
    release,
    productName: productName ?? productNames.get(release.productId) ?? '',
    actions,
  }));
  return {
    summary,
    releases,
    distributionTitle: anyChosen
      ? 'Licences in use after decisions (effective, top 10)'
      : 'Licences in use (as declared, top 10)',
    distribution: distributionRows
      .slice()
      .sort((a, b) => b.usages - a.usages)
      .slice(0, 10)
      .map((d) => ({
        label: d.license ?? 'No licence chosen yet',
        value: d.usages,
        tone: d.license ? 'neutral' : 'warn',
      })),
    policy: [...usagesByStatus]
      .sort((a, b) => b[1] - a[1])
      .map(([status, value]) => ({
        label:
          ALLOWED_LABELS[status as keyof typeof ALLOWED_LABELS] ??
          (status === 'expression' ? 'Several licences' : 'No licence chosen yet'),
        value,
        tone: ALLOWED_TONES[status as keyof typeof ALLOWED_TONES] ?? 'warn',
      })),
    obligations,
    productNames,
  };
}

export function DashboardView() {
  const loaded = useLoad(loadDashboard, []);
  return (
    <section>
      <h1>Dashboard</h1>
      <Show loaded={loaded}>
        {(data) => {
          const { counts } = data.summary;
          const validated = data.releases.filter((r) => r.validationStep >= 6).length;
          const recent = data.summary.recentReleases.length
            ? data.summary.recentReleases
            : data.releases.slice(0, 8).map((release) => ({ release, productName: null }));
          return (
            <>
              <ul className="counts" aria-label="Portfolio counts">
                <li className="card">
                  <strong>{counts.products}</strong> products
                </li>
                <li className="card">
                  <strong>{counts.releases}</strong> releases
                </li>
                <li className="card">
                  <strong>{counts.decisions}</strong> decisions
                </li>
                <li className="card">
                  <strong>{validated}</strong> fully validated
                </li>
              </ul>
              <CaseClocksPanel />
              <div className="grid two">
                <section className="card" aria-labelledby="recent-title">
                  <h2 id="recent-title">Recently consulted releases</h2>
                  {recent.length === 0 ? (
                    <Empty>No release yet: start with an import.</Empty>
                  ) : (
                    <ul className="plain-list">
                      {recent.map(({ release, productName }) => (
                        <li key={release.id} className="row-between">
                          <Link to={`/releases/${release.id}`}>
                            {productName ?? data.productNames.get(release.productId) ?? 'Release'} {release.number}
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
                          {o.actions.slice(0, 6).map((a) => (
                            <li key={a.name} className="row-between">
                              <span>
                                {a.name} {a.core ? <span className="badge">core</span> : null}
                              </span>
                              <span className="muted">{a.usages} usages</span>
                            </li>
                          ))}
                        </ul>
                      </div>
                    ))
                  )}
                </section>
                <section className="card">
                  <BarChart title={data.distributionTitle} bars={data.distribution} />
                </section>
                <section className="card">
                  {data.policy.length === 0 ? (
                    <Empty>No licence data yet.</Empty>
                  ) : (
                    <Donut title="Usages by policy status of their licence" parts={data.policy} />
                  )}
                </section>
                <DashboardVulnerabilities />
              </div>
            </>
          );
        }}
      </Show>
    </section>
  );
}
