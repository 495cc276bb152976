import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';
import type { HermineDiffResult } from '../../api/types.js';

/** Uploads a Hermine export (shared.json) and shows how it differs from the catalogue. */
export function HermineDiff() {
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<HermineDiffResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    try {
      setResult(
        await api.hermineDiff(file, (p) => setPercent(p.total ? Math.round((p.loaded / p.total) * 100) : null)),
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={submit} className="stack" aria-label="Compare with a Hermine reference">
      <div className="field">
        <label htmlFor="hermine-file">Hermine shared.json</label>
        <input
          id="hermine-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" disabled={!file}>
        Compare
      </button>
      {percent !== null && !result && !error ? (
        <progress max={100} value={percent} aria-label="Upload progress" />
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {result ? <DiffSummary diff={result} /> : null}
    </form>
  );
}

function DiffSummary({ diff }: { diff: HermineDiffResult }) {
  return (
    <div role="status">
      <p>
        {diff.differences.length} differences
        {diff.issues.length ? `, ${diff.issues.length} problems in the reference` : ''}.
      </p>
      <ul className="usage-list small">
        {diff.differences.slice(0, 300).map((d, i) => (
          <li key={i}>{describe(d)}</li>
        ))}
      </ul>
    </div>
  );
}

/** One line per difference, whatever fields the diff carries. */
function describe(d: Record<string, unknown>): string {
  return Object.entries(d)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}
