// Horizontal bars in plain SVG-free CSS: each bar is a labelled row, readable by screen readers as a list.
export interface Bar {
  label: string;
  value: number;
  tone?: 'ok' | 'warn' | 'bad' | 'neutral';
}

export function BarChart({ title, bars, max }: { title: string; bars: Bar[]; max?: number }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <ul>
        {bars.map((bar) => (
          <li key={bar.label}>
            <span className="bar-label" title={bar.label}>
              {bar.label}
            </span>
            <span className="bar-track" aria-hidden="true">
              <span className={`bar-fill ${bar.tone ?? 'neutral'}`} style={{ width: `${(bar.value / top) * 100}%` }} />
            </span>
            <span className="bar-value">{bar.value.toLocaleString('en')}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A ring of coloured arcs for a few shares, drawn in SVG with stroke-dasharray. */
export function Donut({ title, parts }: { title: string; parts: Bar[] }) {
  const total = parts.reduce((sum, p) => sum + p.value, 0) || 1;
  const circumference = 2 * Math.PI * 15.9155;
  let offset = 0;
  return (
    <figure className="donut">
      <figcaption>{title}</figcaption>
      <svg
        viewBox="0 0 42 42"
        width="140"
        height="140"
        role="img"
        aria-label={`${title}: ${parts.map((p) => `${p.label} ${p.value}`).join(', ')}`}
      >
        <circle cx="21" cy="21" r="15.9155" fill="none" stroke="var(--line)" strokeWidth="6" />
        {parts.map((part) => {
          const length = (part.value / total) * circumference;
          const arc = (
            <circle
              key={part.label}
              cx="21"
              cy="21"
              r="15.9155"
              fill="none"
              className={`arc ${part.tone ?? 'neutral'}`}
              strokeWidth="6"
              strokeDasharray={`${length} ${circumference - length}`}
              strokeDashoffset={-offset}
              transform="rotate(-90 21 21)"
            />
          );
          offset += length;
          return arc;
        })}
      </svg>
      <ul className="legend">
        {parts.map((part) => (
          <li key={part.label}>
            <span className={`swatch ${part.tone ?? 'neutral'}`} aria-hidden="true" /> {part.label}:{' '}
            {part.value.toLocaleString('en')}
          </li>
        ))}
      </ul>
    </figure>
  );
}
