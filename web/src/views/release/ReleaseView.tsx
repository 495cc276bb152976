import { useState } from 'react';
import { api } from '../../api/endpoints.js';
import type { ReleaseDocument } from '../../api/types.js';
import { useCan } from '../../auth.js';
import { ErrorMessage, Show, StepProgress } from '../../components/status.js';
import { PageError } from '../../components/page-error.js';
import { countLabel } from '../../components/import-counts.js';
import { Tabs } from '../../components/Tabs.js';
import { useLoad } from '../../components/use-load.js';
import { Link, navigate, usePath } from '../../router.js';
import { BomTable } from './BomTable.js';
import { ObligationsPanel } from './ObligationsPanel.js';
import { ValidationPanel } from './ValidationPanel.js';
import { UsagePanel } from './UsagePanel.js';
import { CompareWithPrevious, EmptyReleaseInvite } from './ReleaseLinks.js';
import { SignOffPanel } from './SignOffPanel.js';
import { VulnerabilitiesPanel } from './VulnerabilitiesPanel.js';
import { vulnApi } from '../../api/vulnerabilities.js';
import { aiApi } from '../../api/ai.js';
import { AiPanel } from './AiPanel.js';
import { qualityApi } from '../../api/quality.js';
import { QualityPanel } from './QualityPanel.js';
import { USE_FINDING_KINDS } from './DeclaredUse.js';

const TABS = [
  { id: 'bom', label: 'BOM' },
  { id: 'validation', label: 'Validation' },
  { id: 'obligations', label: 'Obligations' },
  { id: 'vulnerabilities', label: 'Vulnerabilities' },
  { id: 'imports', label: 'Imports' },
  { id: 'ai', label: 'AI models' },
  { id: 'quality', label: 'SBOM quality' },
];

export function ReleaseView({ id }: { id: number }) {
  const { query } = usePath();
  const asked = TABS.some((t) => t.id === query.get('tab')) ? query.get('tab')! : null;
  const head = useLoad(async () => {
    const release = await api.release(id);
    // A failed view record must not hide the release.
    void api.recordReleaseView(id).catch(() => undefined);
    const product = await api.product(release.productId);
    return { release, product };
  }, [id]);
  const [version, setVersion] = useState(0);
  const refresh = () => {
    setVersion((v) => v + 1);
    head.reload();
  };

  if (head.error) return <PageError what="Release" error={head.error} back={{ to: '/products', label: 'Products' }} />;
  return (
    <Show loaded={head}>
      {({ release, product }) => {
        // Without a tab in the link, the page opens on what blocks the release (issue 8 item 16).
        const tab = asked ?? (release.validationStep < 6 ? 'validation' : 'bom');
        return (
          <section>
            <p className="breadcrumbs">
              <Link to="/products">Products</Link> / <Link to={`/products/${product.id}`}>{product.name}</Link> /
            </p>
            <div className="row-between wrap">
              <h1>
                {product.name} {release.number}
              </h1>
              <StepProgress
                step={release.validationStep}
                label={`Validation: step ${release.validationStep} of 6 passed`}
              />
            </div>
            <CompareWithPrevious release={release} />
            <SignOffPanel release={release} version={version} onChanged={refresh} />
            <Downloads releaseId={id} />
            <Tabs label="Release" tabs={TABS} current={tab} onSelect={(t) => navigate(`/releases/${id}?tab=${t}`)}>
              {tab === 'bom' ? <BomTab releaseId={id} version={version} onChanged={refresh} /> : null}
              {tab === 'validation' ? <ValidationTab releaseId={id} version={version} onChanged={refresh} /> : null}
              {tab === 'obligations' ? (
                <ObligationsTab releaseId={id} step={release.validationStep} version={version} />
              ) : null}
              {tab === 'vulnerabilities' ? <VulnerabilitiesTab releaseId={id} /> : null}
              {tab === 'imports' ? <ImportsTab releaseId={id} /> : null}
              {tab === 'ai' ? <AiTab releaseId={id} version={version} onChanged={refresh} /> : null}
              {tab === 'quality' ? <QualityTab releaseId={id} version={version} /> : null}
            </Tabs>
          </section>
        );
      }}
    </Show>
  );
}

const DOWNLOADS: Array<{ document: ReleaseDocument; label: string }> = [
  { document: 'notice.txt', label: 'NOTICE' },
  { document: 'notice.html', label: 'NOTICE (HTML)' },
  { document: 'bom.csv', label: 'BOM (CSV)' },
  { document: 'obligations.md', label: 'Obligations' },
  { document: 'junit.xml', label: 'JUnit verdict' },
  { document: 'cyclonedx.json', label: 'CycloneDX 1.6' },
  { document: 'spdx.json', label: 'SPDX 2.3' },
];

function Downloads({ releaseId }: { releaseId: number }) {
  const [error, setError] = useState<Error | null>(null);
  return (
    <div className="downloads" role="group" aria-label="Downloads">
      {DOWNLOADS.map((d) => (
        <button
          key={d.document}
          type="button"
          onClick={() => {
            setError(null);
            api.downloadDocument(releaseId, d.document).catch((err: Error) => setError(err));
          }}
        >
          {d.label}
        </button>
      ))}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}

function BomTab({ releaseId, version, onChanged }: { releaseId: number; version: number; onChanged: () => void }) {
  const loaded = useLoad(() => api.usages(releaseId), [releaseId, version]);
  const usageId = Number(usePath().query.get('usage') ?? 0);
  return (
    <Show loaded={loaded}>
      {(source) => {
        if (source.usages?.length === 0) return <EmptyReleaseInvite releaseId={releaseId} />;
        const open = usageId ? source.usages?.find((u) => u.usage.id === usageId) : undefined;
        return (
          <>
            {usageId && !open ? (
              <p role="alert" className="error">
                Usage {usageId} is not part of this release.
              </p>
            ) : null}
            {open ? <UsagePanel row={open} releaseId={releaseId} onSaved={onChanged} /> : null}
            <BomTable source={source} releaseId={releaseId} />
          </>
        );
      }}
    </Show>
  );
}

function ValidationTab({
  releaseId,
  version,
  onChanged,
}: {
  releaseId: number;
  version: number;
  onChanged: () => void;
}) {
  const loaded = useLoad(
    () => Promise.all([api.validation(releaseId), api.exploitationRules(releaseId).catch(() => [])]),
    [releaseId, version],
  );
  return (
    <Show loaded={loaded}>
      {([validation, rules]) =>
        validation.report && validation.report.usageCount === 0 ? (
          <EmptyReleaseInvite releaseId={releaseId} />
        ) : (
          <ValidationPanel validation={validation} rules={rules} releaseId={releaseId} onChanged={onChanged} />
        )
      }
    </Show>
  );
}

function ObligationsTab({ releaseId, step, version }: { releaseId: number; step: number; version: number }) {
  const loaded = useLoad(() => api.obligations(releaseId), [releaseId, version]);
  return <Show loaded={loaded}>{(plan) => <ObligationsPanel plan={plan} step={step} />}</Show>;
}

function VulnerabilitiesTab({ releaseId }: { releaseId: number }) {
  const loaded = useLoad(() => vulnApi.findings(releaseId), [releaseId]);
  return (
    <Show loaded={loaded}>
      {(view) => <VulnerabilitiesPanel releaseId={releaseId} view={view} onChanged={loaded.reload} />}
    </Show>
  );
}

function AiTab({ releaseId, version, onChanged }: { releaseId: number; version: number; onChanged: () => void }) {
  const loaded = useLoad(async () => {
    // Step 5 finds the declared use's conflicts; asked for by kind, not among a large release's first blockers.
    const [ai, use, useFindings] = await Promise.all([
      aiApi.releaseAi(releaseId),
      aiApi.releaseUse(releaseId),
      api.stepBlockers(releaseId, 5, { kind: USE_FINDING_KINDS.join(','), limit: 1000 }),
    ]);
    return { ai, use, useFindings };
  }, [releaseId, version]);
  return (
    <Show loaded={loaded}>
      {({ ai, use, useFindings }) => <AiPanel ai={ai} use={use} useFindings={useFindings} onChanged={onChanged} />}
    </Show>
  );
}

function QualityTab({ releaseId, version }: { releaseId: number; version: number }) {
  const loaded = useLoad(() => qualityApi.release(releaseId), [releaseId, version]);
  return <Show loaded={loaded}>{(quality) => <QualityPanel quality={quality} />}</Show>;
}

function ImportsTab({ releaseId }: { releaseId: number }) {
  const loaded = useLoad(() => api.imports(releaseId), [releaseId]);
  const canWrite = useCan('portfolio:write');
  return (
    <>
      {canWrite ? (
        <p>
          <Link to={`/import?release=${releaseId}`}>Import an SBOM into this release</Link>
        </p>
      ) : null}
      <Show loaded={loaded}>
        {(imports) => (
          <div className="table-scroll">
            <table className="compact">
              <caption>Import history</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">File</th>
                  <th scope="col">Format</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Status</th>
                  <th scope="col">Counts</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id}>
                    <td>{new Date(i.startedAt).toLocaleString('en-GB')}</td>
                    <td>{i.fileName ?? '—'}</td>
                    <td>{i.format}</td>
                    <td>
                      {i.mode}, {i.policy}
                    </td>
                    <td>{i.status === 'failed' ? <span className="error">failed: {i.error}</span> : i.status}</td>
                    <td className="small">
                      {Object.entries(i.counts)
                        .map(([k, v]) => `${v} ${countLabel(k)}`)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Show>
    </>
  );
}
