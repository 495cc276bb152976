import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';

/** Uploads a Hermine export (shared.json) and shows how it differs from the catalogue. */
export function HermineDiff() {
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    try {
      setResult(await api.herminieDiff(file, (p) => setPercent(p.total ? Math.round((p.loaded / p.total) * 100) : null)));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={submit} className="stack" aria-label="Compare with a Hermine reference">
      <div className="field">
        <label htmlFor="hermine-file">Hermine shared.json</label>
        <input id="hermine-file" type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="submit" disabled={!file}>
        Compare
      </button>
      {percent !== null && !result && !error ? <progress max={100} value={percent} aria-label="Upload progress" /> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {result ? <DiffSummary diff={result} /> : null}
    </form>
  );
}

function DiffSummary({ diff }: { diff: unknown }) {
  if (!diff || typeof diff !== 'object') return null;
  const entries = Object.entries(diff as Record<string, unknown>);
  return (
    <div role="status">
      {entries.map(([key, value]) => (
        <details key={key}>
          <summary>
            {key}: {Array.isArray(value) ? value.length : typeof value === 'object' ? Object.keys(value ?? {}).length : String(value)}
          </summary>
          <pre className="small">{JSON.stringify(value, null, 2).slice(0, 20000)}</pre>
        </details>
      ))}
    </div>
  );
}
