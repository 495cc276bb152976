import { useState } from 'react';
import { api } from '../api/endpoints.js';
import { useCan } from '../auth.js';
import { ActionForm, Field, splitList } from '../components/forms.js';
import { Empty, Show } from '../components/status.js';
import { useLoad } from '../components/use-load.js';
import { Link } from '../router.js';

export function ProductsView() {
  const loaded = useLoad(() => Promise.all([api.products(), api.categories(), api.releases()]), []);
  const canWrite = useCan('portfolio:write');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState('');
  const [categoryName, setCategoryName] = useState('');
  const [categoryLicenses, setCategoryLicenses] = useState('');

  return (
    <section>
      <h1>Products</h1>
      <Show loaded={loaded}>
        {([products, categories, releases]) => {
          const categoryNames = new Map(categories.map((c) => [c.id, c.name]));
          return (
            <>
              {products.length === 0 ? (
                <Empty>No product yet.</Empty>
              ) : (
                <div className="table-scroll">
                  <table>
                    <caption className="sr-only">Products</caption>
                    <thead>
                      <tr>
                        <th scope="col">Product</th>
                        <th scope="col">Categories</th>
                        <th scope="col">Outbound licences</th>
                        <th scope="col">Releases</th>
                      </tr>
                    </thead>
                    <tbody>
                      {products.map((p) => (
                        <tr key={p.id}>
                          <td>
                            <Link to={`/products/${p.id}`}>{p.name}</Link>
                            {p.description ? <div className="muted small">{p.description}</div> : null}
                          </td>
                          <td>{p.categoryIds.map((id) => categoryNames.get(id) ?? id).join(', ') || '—'}</td>
                          <td>{p.outboundLicenses.join(', ') || '—'}</td>
                          <td>{releases.filter((r) => r.productId === p.id).length}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {canWrite ? (
                <section className="card">
                  <h2>New product</h2>
                  <ActionForm
                    label="New product"
                    submitLabel="Create product"
                    onSubmit={async () => {
                      await api.createProduct({
                        name: name.trim(),
                        description: description.trim() || null,
                        categoryIds: category ? [Number(category)] : [],
                      });
                      setName('');
                      setDescription('');
                      loaded.reload();
                    }}
                  >
                    <Field label="Name" required value={name} onChange={(e) => setName(e.target.value)} />
                    <Field label="Description" value={description} onChange={(e) => setDescription(e.target.value)} />
                    <div className="field">
                      <label htmlFor="new-product-category">Category</label>
                      <select id="new-product-category" value={category} onChange={(e) => setCategory(e.target.value)}>
                        <option value="">None</option>
                        {categories.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                    </div>
                  </ActionForm>
                </section>
              ) : null}
              <section className="card">
                <h2>Categories</h2>
                {categories.length === 0 ? (
                  <Empty>No category yet.</Empty>
                ) : (
                  <ul className="plain-list">
                    {categories.map((c) => (
                      <li key={c.id}>
                        <strong>{c.name}</strong>
                        {c.outboundLicenses.length ? (
                          <span className="muted"> — outbound {c.outboundLicenses.join(', ')}</span>
                        ) : null}
                        {c.description ? <div className="muted small">{c.description}</div> : null}
                      </li>
                    ))}
                  </ul>
                )}
                {canWrite ? (
                  <ActionForm
                    label="New category"
                    submitLabel="Create category"
                    onSubmit={async () => {
                      await api.createCategory({
                        name: categoryName.trim(),
                        outboundLicenses: splitList(categoryLicenses),
                      });
                      setCategoryName('');
                      setCategoryLicenses('');
                      loaded.reload();
                    }}
                  >
                    <Field
                      label="Category name"
                      required
                      value={categoryName}
                      onChange={(e) => setCategoryName(e.target.value)}
                    />
                    <Field
                      label="Outbound licences"
                      hint="SPDX ids, comma separated"
                      value={categoryLicenses}
                      onChange={(e) => setCategoryLicenses(e.target.value)}
                    />
                  </ActionForm>
                ) : null}
              </section>
            </>
          );
        }}
      </Show>
    </section>
  );
}
