import { useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import type { ImportOutcome, Product, Release } from '../api/types.js';
import { useCan } from '../auth.js';
import { SelectField } from '../components/forms.js';
import { Show } from '../components/status.js';
import { useLoad } from '../components/use-load.js';
import { Link, usePath } from '../router.js';

/** What each import counter means, in words (the API names them in camelCase). */
const COUNT_LABELS: Record<string, string> = {
  components: 'components',
  componentsCreated: 'new to the portfolio',
  versions: 'versions',
  versionsCreated: 'new versions',
  usagesInserted: 'usages added',
  usagesRemoved: 'usages removed',
  usagesInDocument: 'usages in the document',
  issues: 'problems noted',
  conflicts: 'data conflicts',
  edges: 'dependencies',
};

export function countLabel(key: string): string {
  return COUNT_LABELS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export function ImportView() {
  const { query } = usePath();
  const loaded = useLoad(() => Promise.all([api.products(), api.releases()]), []);
  return (
    <section>
      <h1>Import an SBOM</h1>
      <p className="muted">
        CycloneDX (JSON/XML), SPDX 2 (JSON/tag-value), SPDX 3, ORT results or KISSBOM. Large files are streamed; the release stays as it was if the
        import fails.
      </p>
      <Show loaded={loaded}>
        {([products, releases]) => <ImportForm products={products} releases={releases} initialRelease={query.get('release')} />}
      </Show>
    </section>
  );
}

function ImportForm({ products, releases, initialRelease }: { products: Product[]; releases: Release[]; initialRelease: string | null }) {
  const canWrite = useCan('portfolio:write');
  const initial = releases.find((r) => String(r.id) === initialRelease);
  // Nothing is chosen for the user: replacing a release's BOM by mistake loses its usages, so the
  // release and what happens to its usages are explicit choices (a link from a release preselects it).
  const [productId, setProductId] = useState(initial ? String(initial.productId) : '');
  const productReleases = releases.filter((r) => String(r.productId) === productId);
  const [releaseId, setReleaseId] = useState(initial ? String(initial.id) : '');
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'' | 'replace' | 'merge'>('');
  const [policy, setPolicy] = useState('fill-missing');
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'processing' | 'done' | 'failed'>('idle');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const chooseProduct = (value: string) => {
    setProductId(value);
    setReleaseId('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !releaseId || !mode) return;
    setError(null);
    setOutcome(null);
    setPhase('uploading');
    setProgress({ loaded: 0, total: file.size });
    try {
      const result = await api.importDocument(Number(releaseId), file, { mode, policy }, (p) => {
        setProgress({ loaded: p.loaded, total: p.total || file.size });
        if (p.total && p.loaded >= p.total) setPhase('processing');
      });
      setOutcome(result);
      setPhase('done');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setPhase('failed');
    }
  };

  if (!canWrite) return <p className="notice">Your role may not import SBOMs: ask a project manager or a compliance officer.</p>;
  const percent = progress && progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0;
  const busy = phase === 'uploading' || phase === 'processing';

  return (
    <form className="card stack" onSubmit={submit} aria-label="Import an SBOM">
      <div className="grid two">
        <SelectField
          id="import-product"
          label="Product"
          value={productId}
          onChange={chooseProduct}
          placeholder="Choose a product…"
          options={products.map((p) => ({ value: String(p.id), label: p.name }))}
        />
        <SelectField
          id="import-release"
          label="Release"
          value={releaseId}
          onChange={setReleaseId}
          placeholder="Choose a release…"
          options={productReleases.map((r) => ({ value: String(r.id), label: r.number }))}
        />
      </div>
      {productId && productReleases.length === 0 ? (
        <p className="hint">
          This product has no release yet: <Link to={`/products/${productId}`}>create one</Link> first.
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="import-file">SBOM file</label>
        <input id="import-file" type="file" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        {file ? <span className="hint">{`${file.name}, ${formatBytes(file.size)}`}</span> : null}
      </div>
      <fieldset>
        <legend>Existing usages of the release</legend>
        <label className="choice">
          <input type="radio" name="mode" value="replace" required checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace them (the
          release's current BOM is removed)
        </label>
        <label className="choice">
          <input type="radio" name="mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge with them
        </label>
      </fieldset>
      <fieldset>
        <legend>Component data already in the portfolio</legend>
        <label className="choice">
          <input type="radio" name="policy" value="fill-missing" checked={policy === 'fill-missing'} onChange={() => setPolicy('fill-missing')} />{' '}
          Keep it, only fill what is missing
        </label>
        <label className="choice">
          <input type="radio" name="policy" value="override" checked={policy === 'override'} onChange={() => setPolicy('override')} /> Override it with
          this document
        </label>
      </fieldset>
      <button type="submit" className="primary" disabled={busy || !file || !releaseId || !mode}>
        {busy ? 'Importing…' : 'Import'}
      </button>
      {progress && phase !== 'idle' ? (
        <div className="import-progress" aria-live="polite">
          <label htmlFor="upload-progress">{phase === 'processing' ? 'Uploaded; the server is reading the document…' : `Uploading ${percent}%`}</label>
          <progress id="upload-progress" max={100} value={phase === 'processing' ? undefined : percent} />
          <span className="muted small">
            {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
          </span>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          Import failed: {error}
        </p>
      ) : null}
      {outcome ? (
        <div role="status" className="success">
          <p>
            Imported: {Object.entries(outcome.counts ?? outcome.import?.counts ?? {})
              .map(([k, v]) => `${v} ${countLabel(k)}`)
              .join(', ')}
            .
          </p>
          {outcome.issues?.length ? <p className="muted">{outcome.issues.length} problems noted in the document (kept, not fatal).</p> : null}
          <Link to={`/releases/${releaseId}`}>Open the release</Link>
        </div>
      ) : null}
    </form>
  );
}
