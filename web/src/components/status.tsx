// Small shared pieces: loading and error states, page headings, step progress.
import type { ReactNode } from 'react';
import type { Loaded } from './use-load.js';

export function ErrorMessage({ error }: { error: Error }) {
  const code = (error as { code?: string }).code;
  return (
    <p role="alert" className="error">
      {error.message}
      {code ? <span className="muted"> ({code})</span> : null}
    </p>
  );
}

export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (loaded.data === undefined)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  return <>{children(loaded.data)}</>;
}

export function StepProgress({ step, label }: { step: number; label?: string }) {
  const clamped = Math.max(0, Math.min(6, step));
  return (
    <span className="step-progress" title={`Validation step ${clamped} of 6`}>
      <progress max={6} value={clamped} aria-label={label ?? `Validation step ${clamped} of 6`} />
      <span className="muted">{clamped}/6</span>
    </span>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty muted">{children}</p>;
}
