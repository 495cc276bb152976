import { useEffect, useRef, useState } from 'react';
import { ROLE_LABELS, useSession } from './auth.js';
import { Link, match, usePath } from './router.js';
import { BadIdPage, idFromPath } from './components/page-error.js';
import { DashboardView } from './views/DashboardView.js';
import { ProductsView } from './views/ProductsView.js';
import { ProductView } from './views/ProductView.js';
import { ReleaseView } from './views/release/ReleaseView.js';
import { ImportView } from './views/ImportView.js';
import { LicensesView } from './views/licenses/LicensesView.js';
import { LicenseView } from './views/licenses/LicenseView.js';
import { DecisionsView } from './views/DecisionsView.js';
import { SearchView } from './views/SearchView.js';
import { DiffView } from './views/DiffView.js';
import { ComponentView } from './views/components/ComponentView.js';
import { PortfolioView } from './views/PortfolioView.js';
import { HistoryView } from './views/HistoryView.js';

const NAV = [
  { to: '/', label: 'Dashboard' },
  { to: '/products', label: 'Products' },
  { to: '/portfolio', label: 'Portfolio' },
  { to: '/import', label: 'Import' },
  { to: '/licenses', label: 'Licences' },
  { to: '/decisions', label: 'Decisions' },
  { to: '/history', label: 'History' },
  { to: '/search', label: 'Search' },
  { to: '/diff', label: 'Diff' },
];

const PRODUCTS = { to: '/products', label: 'Products' };

function route(path: string) {
  let params: Record<string, string> | null;
  if (path === '/') return <DashboardView />;
  if (path === '/products') return <ProductsView />;
  if (path === '/portfolio') return <PortfolioView />;
  if (path === '/history') return <HistoryView />;
  if ((params = match('/products/:id', path))) {
    const id = idFromPath(params.id);
    if (id === null) return <BadIdPage what="Product" segment={params.id} pattern="/products/3" back={PRODUCTS} />;
    return <ProductView id={id} />;
  }
  if ((params = match('/releases/:id', path))) {
    const id = idFromPath(params.id);
    if (id === null) return <BadIdPage what="Release" segment={params.id} pattern="/releases/12" back={PRODUCTS} />;
    return <ReleaseView id={id} />;
  }
  if (path === '/import') return <ImportView />;
  if (path === '/licenses') return <LicensesView />;
  if ((params = match('/licenses/:id', path))) return <LicenseView id={params.id} />;
  if (path === '/decisions') return <DecisionsView />;
  if (path === '/search') return <SearchView />;
  if (path === '/diff') return <DiffView />;
  if ((params = match('/components/:key', path))) return <ComponentView componentKey={params.key} />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        Nothing lives at <code>{path}</code>. <Link to="/">Back to the dashboard</Link>.
      </p>
    </section>
  );
}

function isCurrent(to: string, path: string): boolean {
  if (to === '/') return path === '/';
  return path === to || path.startsWith(`${to}/`) || (to === '/products' && path.startsWith('/releases/'));
}

export function Layout() {
  const { me, logout } = useSession();
  const { path } = usePath();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);

  // After a navigation, focus moves to the main region so keyboard and screen-reader users start there.
  useEffect(() => {
    setMenuOpen(false);
    mainRef.current?.focus({ preventScroll: true });
  }, [path]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span aria-hidden="true">⚓</span> Vigie
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className={menuOpen ? 'open' : undefined}>
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={isCurrent(item.to, path) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {me.name} <span className="badge">{ROLE_LABELS[me.role] ?? me.role}</span>
          </span>
          <button type="button" onClick={logout}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {route(path)}
      </main>
    </div>
  );
}
