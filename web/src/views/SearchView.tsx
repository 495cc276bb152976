import { useState } from 'react';
import { api } from '../api/endpoints.js';
import type { ReleaseHit } from '../api/types.js';
import { ActionForm, Field } from '../components/forms.js';
import { Empty } from '../components/status.js';
import { Link, navigate, usePath } from '../router.js';
import { useLoad } from '../components/use-load.js';
import { Show } from '../components/status.js';
import { componentPath } from './components/component-path.js';

/** "Which releases ship this component?" — a name or purl, optionally a version range. */
export function SearchView() {
  const { query } = usePath();
  const component = query.get('component') ?? '';
  const range = query.get('range') ?? '';
  const [text, setText] = useState(component);
  const [versions, setVersions] = useState(range);
  const loaded = useLoad(
    () => (component ? api.search(component, range || undefined) : Promise.resolve(null)),
    [component, range],
  );

  return (
    <section>
      <h1>Portfolio search</h1>
      <ActionForm
        label="Find a component"
        submitLabel="Search"
        onSubmit={async () =>
          navigate(
            `/search?component=${encodeURIComponent(text.trim())}${versions.trim() ? `&range=${encodeURIComponent(versions.trim())}` : ''}`,
          )
        }
      >
        <Field
          label="Component name or purl"
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="log4j-core, pkg:npm/react"
        />
        <Field
          label="Versions"
          hint="e.g. >=2.0.0 <2.15.0, ^1.2.0"
          value={versions}
          onChange={(e) => setVersions(e.target.value)}
        />
      </ActionForm>
      {component ? <Show loaded={loaded}>{(hits) => <Hits hits={hits ?? []} component={component} />}</Show> : null}
    </section>
  );
}

function Hits({ hits, component }: { hits: ReleaseHit[]; component: string }) {
  if (hits.length === 0) return <Empty>No release ships {component}.</Empty>;
  return (
    <div className="table-scroll">
      <table>
        <caption>
          {hits.length} release{hits.length === 1 ? '' : 's'} ship {component}
        </caption>
        <thead>
          <tr>
            <th scope="col">Release</th>
            <th scope="col">Component</th>
            <th scope="col">Version</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((h) => (
            <tr key={`${h.release.id}-${h.version.id}`}>
              <td>
                <Link to={`/releases/${h.release.id}`}>
                  {h.productName} {h.release.number}
                </Link>
              </td>
              <td>
                <Link
                  to={componentPath(
                    h.component.purl ??
                      (h.component.namespace ? `${h.component.namespace}/${h.component.name}` : h.component.name),
                  )}
                >
                  {h.component.namespace ? `${h.component.namespace}/${h.component.name}` : h.component.name}
                </Link>
              </td>
              <td>{h.version.number}</td>
              <td className="small">{h.usages.map((u) => `${u.project || 'root'} / ${u.scope || '—'}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
