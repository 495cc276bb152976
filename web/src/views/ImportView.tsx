import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { ImportOutcome, Job, Product, Release } from '../api/types.js';
import { useCan } from '../auth.js';
import { SelectField } from '../components/forms.js';
import { Show } from '../components/status.js';
import { countLabel } from '../components/import-counts.js';
import { useLoad } from '../components/use-load.js';
import { Link, usePath } from '../router.js';

/** The API's code for a document refused because reading it left part of it out. */
const LEFT_OUT = 'content-left-out';

/** Files above this size are imported as a job by default: the server answers at once and a worker imports. */
const BACKGROUND_FROM_BYTES = 4 * 1024 * 1024;
const JOB_POLL_MS = 500;
/** The select value that asks for a new product or release, named in a text field (created with the import). */
const NEW = 'new';

/** What the form shows of a finished import, run in the request or as a job. */
interface ImportSummary {
  counts: Record<string, number>;
  issueCount: number;
}

function summaryOfOutcome(outcome: ImportOutcome): ImportSummary {
  return { counts: outcome.counts ?? outcome.import?.counts ?? {}, issueCount: outcome.issues?.length ?? 0 };
}

/** An import job's result holds the import's counts and how many problems the document had. */
function summaryOfJob(job: Job): ImportSummary {
  const result = (job.result ?? {}) as { counts?: Record<string, number>; issues?: number };
  return { counts: result.counts ?? {}, issueCount: result.issues ?? 0 };
}

function jobText(job: Job): string {
  if (job.state === 'queued')
    return job.attempts > 0
      ? `Import job ${job.id}: waiting to be retried…`
      : `Import job ${job.id}: queued, waiting for a worker…`;
  const { phase, done, total } = job.progress;
  const retry = job.attempts > 1 ? ` (attempt ${job.attempts} of ${job.maxAttempts})` : '';
  return `Import job ${job.id}: ${phase}${total ? ` (step ${Math.min(done + 1, total)} of ${total})` : ''}${retry}`;
}

/** Follows an import job until it ends, showing its phase; hands the ended job back. */
function ImportJobProgress({ jobId, onEnd }: { jobId: number; onEnd: (job: Job) => void }) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest callback, without restarting the polling when the parent renders again.
  const ended = useRef(onEnd);
  ended.current = onEnd;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.job(jobId);
        if (stopped) return;
        setJob(next);
        setError(null);
        if (next.state === 'succeeded' || next.state === 'failed' || next.state === 'cancelled')
          return ended.current(next);
      } catch (err) {
        if (stopped) return;
        setError(err instanceof Error ? err.message : String(err));
      }
      timer = setTimeout(poll, JOB_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);
  if (!job || job.state === 'succeeded' || job.state === 'failed' || job.state === 'cancelled') return null;
  return (
    <div className="import-progress" aria-live="polite">
      <label htmlFor="job-progress">{jobText(job)}</label>
      <progress
        id="job-progress"
        max={job.progress.total || 1}
        value={job.state === 'queued' ? undefined : job.progress.done}
      />
      {error ? <span className="muted small">Could not read the job's state ({error}); trying again.</span> : null}
    </div>
  );
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
        CycloneDX (JSON/XML), SPDX 2 (JSON/tag-value), SPDX 3, ORT results or KISSBOM. Large files are streamed; the
        release stays as it was if the import fails.
      </p>
      <Show loaded={loaded}>
        {([products, releases]) => (
          <ImportForm products={products} releases={releases} initialRelease={query.get('release')} />
        )}
      </Show>
    </section>
  );
}

/** What the import does with the release's usages and with component data already stored. */
function ImportChoices({
  mode,
  setMode,
  policy,
  setPolicy,
}: {
  mode: '' | 'replace' | 'merge';
  setMode: (mode: 'replace' | 'merge') => void;
  policy: string;
  setPolicy: (policy: string) => void;
}) {
  return (
    <>
      <fieldset>
        <legend>Existing usages of the release</legend>
        <label className="choice">
          <input
            type="radio"
            name="mode"
            value="replace"
            required
            checked={mode === 'replace'}
            onChange={() => setMode('replace')}
          />{' '}
          Replace them (the release's current BOM is removed)
        </label>
        <label className="choice">
          <input type="radio" name="mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />{' '}
          Merge with them
        </label>
      </fieldset>
      <fieldset>
        <legend>Component data already in the portfolio</legend>
        <label className="choice">
          <input
            type="radio"
            name="policy"
            value="fill-missing"
            checked={policy === 'fill-missing'}
            onChange={() => setPolicy('fill-missing')}
          />{' '}
          Keep it, only fill what is missing
        </label>
        <label className="choice">
          <input
            type="radio"
            name="policy"
            value="override"
            checked={policy === 'override'}
            onChange={() => setPolicy('override')}
          />{' '}
          Override it with this document
        </label>
      </fieldset>
    </>
  );
}

/** The upload's progress bar, then what the server is doing with the document. */
function UploadProgress({
  progress,
  processing,
  asJob,
}: {
  progress: { loaded: number; total: number };
  processing: boolean;
  asJob: boolean;
}) {
  const percent = progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <div className="import-progress" aria-live="polite">
      <label htmlFor="upload-progress">
        {processing
          ? asJob
            ? 'Uploaded; the import runs as a job.'
            : 'Uploaded; the server is reading the document…'
          : `Uploading ${percent}%`}
      </label>
      <progress id="upload-progress" max={100} value={processing ? undefined : percent} />
      <span className="muted small">
        {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
      </span>
    </div>
  );
}

function ImportForm({
  products,
  releases,
  initialRelease,
}: {
  products: Product[];
  releases: Release[];
  initialRelease: string | null;
}) {
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
  const [outcome, setOutcome] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [background, setBackground] = useState(false);
  // Offered once a document was refused because its reading left part of it out (content-left-out).
  const [leftOut, setLeftOut] = useState(false);
  const [acceptErrors, setAcceptErrors] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [newProduct, setNewProduct] = useState('');
  const [newRelease, setNewRelease] = useState('');
  const [doneReleaseId, setDoneReleaseId] = useState<number | null>(null);
  // A new product has no release yet: its release is new too.
  const releaseChoice = productId === NEW ? NEW : releaseId;
  const creating = releaseChoice === NEW;
  const product = products.find((p) => String(p.id) === productId);
  const target = creating
    ? { product: productId === NEW ? newProduct.trim() : (product?.name ?? ''), release: newRelease.trim() }
    : null;
  const ready = Boolean(file && mode && (target ? target.product && target.release : releaseId));

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setLeftOut(false);
    setAcceptErrors(false);
    setBackground(chosen !== null && chosen.size >= BACKGROUND_FROM_BYTES);
  };

  const jobEnded = (job: Job) => {
    setJobId(null);
    if (job.state === 'succeeded') {
      setOutcome(summaryOfJob(job));
      setDoneReleaseId(Number(releaseId));
      setPhase('done');
    } else {
      setError(job.error ? `${job.error.code}: ${job.error.message}` : 'the import job failed');
      if (job.error?.code === LEFT_OUT) setLeftOut(true);
      setPhase('failed');
    }
  };

  const chooseProduct = (value: string) => {
    setProductId(value);
    setReleaseId('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !ready) return;
    setError(null);
    setOutcome(null);
    setDoneReleaseId(null);
    setPhase('uploading');
    setProgress({ loaded: 0, total: file.size });
    const choices = { mode, policy, ...(acceptErrors ? { acceptErrors: true } : {}) };
    try {
      if (target) {
        const created = await api.importDocumentCreating(target, file, choices, (p) => {
          setProgress({ loaded: p.loaded, total: p.total || file.size });
          if (p.total && p.loaded >= p.total) setPhase('processing');
        });
        setOutcome(summaryOfOutcome(created));
        setDoneReleaseId(created.import.releaseId);
        setPhase('done');
        return;
      }
      if (background) {
        const job = await api.importDocumentInBackground(Number(releaseId), file, choices, (p) =>
          setProgress({ loaded: p.loaded, total: p.total || file.size }),
        );
        setPhase('processing');
        setJobId(job.id);
        return;
      }
      const result = await api.importDocument(Number(releaseId), file, choices, (p) => {
        setProgress({ loaded: p.loaded, total: p.total || file.size });
        if (p.total && p.loaded >= p.total) setPhase('processing');
      });
      setOutcome(summaryOfOutcome(result));
      setDoneReleaseId(Number(releaseId));
      setPhase('done');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      if (err instanceof ApiError && err.code === LEFT_OUT) setLeftOut(true);
      setPhase('failed');
    }
  };

  if (!canWrite)
    return <p className="notice">Your role may not import SBOMs: ask a project manager or a compliance officer.</p>;
  const busy = phase === 'uploading' || phase === 'processing' || jobId !== null;

  return (
    <form className="card stack" onSubmit={submit} aria-label="Import an SBOM">
      <div className="grid two">
        <SelectField
          id="import-product"
          label="Product"
          value={productId}
          onChange={chooseProduct}
          placeholder="Choose a product…"
          options={[
            ...products.map((p) => ({ value: String(p.id), label: p.name })),
            { value: NEW, label: 'New product…' },
          ]}
        />
        <SelectField
          id="import-release"
          label="Release"
          value={releaseChoice}
          onChange={setReleaseId}
          placeholder="Choose a release…"
          options={[
            ...productReleases.map((r) => ({ value: String(r.id), label: r.number })),
            ...(productId ? [{ value: NEW, label: 'New release…' }] : []),
          ]}
        />
      </div>
      {creating ? (
        <div className="grid two">
          {productId === NEW ? (
            <div className="field">
              <label htmlFor="import-new-product">New product name</label>
              <input
                id="import-new-product"
                required
                maxLength={300}
                value={newProduct}
                onChange={(e) => setNewProduct(e.target.value)}
              />
            </div>
          ) : (
            <div />
          )}
          <div className="field">
            <label htmlFor="import-new-release">New release number</label>
            <input
              id="import-new-release"
              required
              maxLength={300}
              value={newRelease}
              onChange={(e) => setNewRelease(e.target.value)}
            />
          </div>
          <p className="hint">Created with the import; if the import fails, nothing is created.</p>
        </div>
      ) : null}
      {productId && productId !== NEW && productReleases.length === 0 ? (
        <p className="hint">This product has no release yet: choose "New release…".</p>
      ) : null}
      <div className="field">
        <label htmlFor="import-file">SBOM file</label>
        <input id="import-file" type="file" required onChange={(e) => chooseFile(e.target.files?.[0] ?? null)} />
        {file ? <span className="hint">{`${file.name}, ${formatBytes(file.size)}`}</span> : null}
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={background && !creating}
          disabled={creating}
          onChange={(e) => setBackground(e.target.checked)}
        />{' '}
        Import in the background (a worker imports it; the page shows its progress — chosen for files of 4 MiB and more)
      </label>
      <ImportChoices mode={mode} setMode={setMode} policy={policy} setPolicy={setPolicy} />
      {leftOut ? (
        <label className="choice">
          <input type="checkbox" checked={acceptErrors} onChange={(e) => setAcceptErrors(e.target.checked)} /> Import
          what could be read: the parts of the document its errors left out will be missing from the release
        </label>
      ) : null}
      <button type="submit" className="primary" disabled={busy || !ready}>
        {busy ? 'Importing…' : 'Import'}
      </button>
      {progress && phase !== 'idle' ? (
        <UploadProgress progress={progress} processing={phase === 'processing'} asJob={jobId !== null} />
      ) : null}
      {jobId !== null ? <ImportJobProgress jobId={jobId} onEnd={jobEnded} /> : null}
      {error ? (
        <p role="alert" className="error">
          Import failed: {error}
        </p>
      ) : null}
      {outcome ? <ImportDone outcome={outcome} releaseId={doneReleaseId} /> : null}
    </form>
  );
}

/** What an import did, with a link to its release. */
function ImportDone({ outcome, releaseId }: { outcome: ImportSummary; releaseId: number | null }) {
  return (
    <div role="status" className="success">
      <p>
        Imported:{' '}
        {Object.entries(outcome.counts)
          .map(([k, v]) => `${v} ${countLabel(k)}`)
          .join(', ')}
        .
      </p>
      {outcome.issueCount ? (
        <p className="muted">{outcome.issueCount} problems noted in the document (kept, not fatal).</p>
      ) : null}
      {releaseId !== null ? <Link to={`/releases/${releaseId}`}>Open the release</Link> : null}
    </div>
  );
}
