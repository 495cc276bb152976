import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent, type UIEvent } from 'react';
import type { BomSource } from '../../api/types.js';
import { Link } from '../../router.js';
import { rowsFromCsv, sortRows, toBomRow, type BomColumn, type BomRow } from './bom-rows.js';

const ROW_HEIGHT = 36;
const OVERSCAN = 12;
const VIEWPORT_ROWS = 16;

const COLUMNS: Array<{ key: BomColumn; label: string }> = [
  { key: 'name', label: 'Component' },
  { key: 'version', label: 'Version' },
  { key: 'scope', label: 'Scope' },
  { key: 'project', label: 'Project' },
  { key: 'declared', label: 'Declared licence' },
  { key: 'effective', label: 'Effective licence' },
  { key: 'exploitation', label: 'Exploitation' },
];

/**
 * The release BOM. Only the rows in view (plus a margin) are in the DOM, so tens of thousands of
 * usages scroll smoothly; filtering runs on a deferred value so typing stays responsive.
 */
export function BomTable({ source, releaseId }: { source: BomSource; releaseId: number }) {
  const rows = useMemo(() => (source.usages ? source.usages.map(toBomRow) : rowsFromCsv(source.csv)), [source]);
  const scopes = useMemo(() => [...new Set(rows.map((r) => r.scope))].sort(), [rows]);
  const [search, setSearch] = useState('');
  const [scope, setScope] = useState('');
  const [licenseFilter, setLicenseFilter] = useState<'all' | 'missing' | 'or' | 'and'>('all');
  const [sort, setSort] = useState<{ column: BomColumn; descending: boolean }>({ column: 'name', descending: false });
  const deferredSearch = useDeferredValue(search.trim().toLowerCase());

  const visible = useMemo(() => {
    const filtered = rows.filter(
      (r) =>
        (!scope || r.scope === scope) &&
        (!deferredSearch || r.haystack.includes(deferredSearch)) &&
        (licenseFilter === 'all' ||
          (licenseFilter === 'missing' && !r.effective) ||
          (licenseFilter === 'or' && / OR /i.test(r.effective)) ||
          (licenseFilter === 'and' && / AND /i.test(r.effective))),
    );
    return sortRows(filtered, sort.column, sort.descending);
  }, [rows, scope, deferredSearch, licenseFilter, sort]);

  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(visible.length, Math.ceil((scrollTop + VIEWPORT_ROWS * ROW_HEIGHT) / ROW_HEIGHT) + OVERSCAN);

  const onScroll = (event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop);
  // Page keys on the focused table scroll it, as they would a native scrolling region.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const box = viewport.current;
    if (!box) return;
    const step = {
      ArrowDown: ROW_HEIGHT,
      ArrowUp: -ROW_HEIGHT,
      PageDown: box.clientHeight,
      PageUp: -box.clientHeight,
    } as Record<string, number>;
    if (event.key === 'Home') box.scrollTop = 0;
    else if (event.key === 'End') box.scrollTop = box.scrollHeight;
    else if (step[event.key] !== undefined) box.scrollTop += step[event.key];
    else return;
    event.preventDefault();
  };

  const toggleSort = (column: BomColumn) =>
    setSort((s) => (s.column === column ? { column, descending: !s.descending } : { column, descending: false }));

  return (
    <div className="bom">
      <div className="toolbar" role="search" aria-label="Filter the BOM">
        <div className="field">
          <label htmlFor="bom-search">Search</label>
          <input
            id="bom-search"
            type="search"
            placeholder="name, purl, licence…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="bom-scope">Scope</label>
          <select id="bom-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">All scopes</option>
            {scopes.map((s) => (
              <option key={s} value={s}>
                {s || '(none)'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="bom-licence">Licence</label>
          <select
            id="bom-licence"
            value={licenseFilter}
            onChange={(e) => setLicenseFilter(e.target.value as typeof licenseFilter)}
          >
            <option value="all">Any</option>
            <option value="missing">No effective licence</option>
            <option value="or">With a choice (OR)</option>
            <option value="and">With an AND</option>
          </select>
        </div>
        <p className="muted small" aria-live="polite" id="bom-count">
          {visible.length.toLocaleString('en')} of {rows.length.toLocaleString('en')} usages
        </p>
      </div>
      <div
        className="vtable"
        role="table"
        aria-label="Bill of materials"
        aria-rowcount={visible.length + 1}
        aria-describedby="bom-count"
      >
        <div className="vrow vhead" role="row" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              className={`vcell col-${c.key}`}
              aria-sort={sort.column === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            >
              <button type="button" className="sort" onClick={() => toggleSort(c.key)}>
                {c.label}
                <span aria-hidden="true">{sort.column === c.key ? (sort.descending ? ' ▾' : ' ▴') : ''}</span>
              </button>
            </div>
          ))}
        </div>
        <div
          className="vbody"
          ref={viewport}
          onScroll={onScroll}
          onKeyDown={onKeyDown}
          tabIndex={0}
          role="rowgroup"
          aria-label="BOM rows, scrollable"
          style={{ height: Math.min(VIEWPORT_ROWS, Math.max(visible.length, 1)) * ROW_HEIGHT }}
        >
          <div style={{ height: visible.length * ROW_HEIGHT, position: 'relative' }}>
            {visible.slice(first, last).map((row, i) => (
              <Row
                key={row.usageId}
                row={row}
                index={first + i}
                releaseId={releaseId}
                linked={Boolean(source.usages)}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

function Row({ row, index, releaseId, linked }: { row: BomRow; index: number; releaseId: number; linked: boolean }) {
  return (
    <div className="vrow" role="row" aria-rowindex={index + 2} style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}>
      <div role="cell" className="vcell col-name" title={row.purl || row.name}>
        {linked ? <Link to={`/releases/${releaseId}?tab=bom&usage=${row.usageId}`}>{row.name}</Link> : row.name}
      </div>
      <div role="cell" className="vcell col-version">
        {row.version}
      </div>
      <div role="cell" className="vcell col-scope">
        {row.scope || '—'}
      </div>
      <div role="cell" className="vcell col-project">
        {row.project || '—'}
      </div>
      <div role="cell" className="vcell col-declared" title={row.declared}>
        {row.declared || <span className="muted">none</span>}
      </div>
      <div
        role="cell"
        className="vcell col-effective"
        title={row.effectiveIsDeclared ? `${row.effective} (as declared; not concluded or chosen yet)` : row.effective}
      >
        {row.effectiveIsDeclared ? (
          <span className="muted">{row.effective} (declared)</span>
        ) : (
          row.effective || <span className="warn-text">none</span>
        )}
      </div>
      <div role="cell" className="vcell col-exploitation">
        {row.exploitation || <span className="muted">by rule</span>}
      </div>
    </div>
  );
}
