import { useState } from 'react';
import { api } from '../api/endpoints.js';
import { useCan } from '../auth.js';
import { ActionForm, Field, splitList } from '../components/forms.js';
import { Empty, Show, StepProgress } from '../components/status.js';
import { PageError } from '../components/page-error.js';
import { useLoad } from '../components/use-load.js';
import { Link, navigate, usePath } from '../router.js';
import { Tabs } from '../components/Tabs.js';
import { CraSection } from './cra/CraSection.js';

const SHIP_LABELS: Record<string, string> = {
  'in-development': 'In development',
  published: 'Published',
  archived: 'Archived',
};

export function ProductView({ id }: { id: number }) {
  const loaded = useLoad(() => Promise.all([api.product(id), api.releases(id)]), [id]);
  const canWrite = useCan('portfolio:write');
  const [number, setNumber] = useState('');
  const [outbound, setOutbound] = useState('');
  const tab = usePath().query.get('tab') === 'cra' ? 'cra' : 'releases';

  if (loaded.error)
    return <PageError what="Product" error={loaded.error} back={{ to: '/products', label: 'Products' }} />;
  return (
    <Show loaded={loaded}>
      {([product, releases]) => (
        <section>
          <p className="breadcrumbs">
            <Link to="/products">Products</Link> /
          </p>
          <h1>{product.name}</h1>
          {product.description ? <p>{product.description}</p> : null}
          <p className="muted">
            Owner: {product.owner ?? '—'} · Outbound licences: {product.outboundLicenses.join(', ') || '—'}
          </p>
          <Tabs
            label="Product sections"
            tabs={[
              { id: 'releases', label: 'Releases' },
              { id: 'cra', label: 'CRA' },
            ]}
            current={tab}
            onSelect={(next) => navigate(next === 'cra' ? `/products/${id}?tab=cra` : `/products/${id}`)}
          >
            {tab === 'cra' ? (
              <CraSection productId={id} releases={releases} />
            ) : (
              <>
                <h2>Releases</h2>
                {releases.length === 0 ? (
                  <Empty>No release yet.</Empty>
                ) : (
                  <div className="table-scroll">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">Release</th>
                          <th scope="col">Status</th>
                          <th scope="col">Validation</th>
                          <th scope="col">Outbound licences</th>
                        </tr>
                      </thead>
                      <tbody>
                        {releases.map((r) => (
                          <tr key={r.id}>
                            <td>
                              <Link to={`/releases/${r.id}`}>{r.number}</Link>
                            </td>
                            <td>{SHIP_LABELS[r.shipStatus] ?? r.shipStatus}</td>
                            <td>
                              <StepProgress step={r.validationStep} />
                            </td>
                            <td>{r.outboundLicenses.join(', ') || 'product’s'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {canWrite ? (
                  <section className="card">
                    <h2>New release</h2>
                    <ActionForm
                      label="New release"
                      submitLabel="Create release"
                      onSubmit={async () => {
                        await api.createRelease(id, { number: number.trim(), outboundLicenses: splitList(outbound) });
                        setNumber('');
                        setOutbound('');
                        loaded.reload();
                      }}
                    >
                      <Field
                        label="Release number"
                        required
                        value={number}
                        onChange={(e) => setNumber(e.target.value)}
                      />
                      <Field
                        label="Outbound licences"
                        hint="blank = the product’s"
                        value={outbound}
                        onChange={(e) => setOutbound(e.target.value)}
                      />
                    </ActionForm>
                  </section>
                ) : null}
              </>
            )}
          </Tabs>
        </section>
      )}
    </Show>
  );
}
