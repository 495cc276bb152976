// What a page shows when the thing its link names cannot be loaded: a heading that says so, the
// reason, and a way back (a dead bookmark, a mistyped id, a release deleted since the link was shared).
import { ApiError } from '../api/client.js';
import { Link } from '../router.js';
import { ErrorMessage } from './status.js';

export interface WayBack {
  to: string;
  label: string;
}

export function PageError({ what, error, back }: { what: string; error: Error; back: WayBack }) {
  const missing = (error as { code?: string }).code === 'not-found';
  return (
    <section>
      <p className="breadcrumbs">
        <Link to={back.to}>{back.label}</Link> /
      </p>
      <h1>{missing ? `${what} not found` : `${what} could not be shown`}</h1>
      <ErrorMessage error={error} />
      <p>
        {missing ? 'It may have been deleted, or the link may be mistyped. ' : null}
        <Link to={back.to}>Back to {back.label.toLowerCase()}</Link> · <Link to="/">Dashboard</Link>
      </p>
    </section>
  );
}

/** A path segment that can be an id (1 … 2^31−1), else null. */
export function idFromPath(segment: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(segment)) return null;
  const id = Number(segment);
  return id <= 2 ** 31 - 1 ? id : null;
}

/** The page for a link whose id is not one at all (`/releases/abc`): no request is made. */
export function BadIdPage({
  what,
  segment,
  pattern,
  back,
}: {
  what: string;
  segment: string;
  pattern: string;
  back: WayBack;
}) {
  const error = new ApiError(
    404,
    'not-found',
    `“${segment}” is not a ${what.toLowerCase()} id: links to a ${what.toLowerCase()} end in its number, like ${pattern}`,
  );
  return <PageError what={what} error={error} back={back} />;
}
