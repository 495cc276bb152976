import type { ReleaseSnapshot, ReleaseUsage } from '../compliance/snapshot.js';
import { usageLabel } from '../compliance/snapshot.js';
import type { ReleaseValidation, ResolvedUsage } from '../compliance/validate-release.js';
import { escapeHtml, escapeMarkdownText as md, safeHttpUrl } from './escape.js';
import { joinLines } from '../text/lines.js';

/** Licence (or exception) id → its full text; reading texts is I/O, so the caller passes this in. */
export type LicenseTextLookup = (id: string) => string | undefined;

export interface NoticeEntry {
  component: string;
  name: string;
  version: string;
  purl: string | null;
  homepage: string | null;
  /** The effective licence when established, else the best known expression. */
  license: string;
  copyright: string | null;
}

export interface NoticeData {
  title: string;
  entries: NoticeEntry[];
  /** Each licence (and exception) once, with its text when the lookup had one. */
  texts: { id: string; text: string | null }[];
  /** Components left out of this distribution NOTICE, and why (every usage is internal use). */
  leftOut: { component: string; reason: string }[];
}

/**
 * The attribution data of a release: one entry per version shipped, each licence text once. A
 * version whose every usage is internal use (dev tooling, test harnesses: Hermine's "internal"
 * exploitation) is not distributed, so it is left out with the reason (issue 8 item 10); a usage
 * whose exploitation is not set yet counts as distributed, so nothing shipped goes missing.
 */
export function buildNotice(
  snapshot: ReleaseSnapshot,
  validation: ReleaseValidation,
  textOf: LicenseTextLookup,
): NoticeData {
  const resolved = new Map(validation.usages.map((u) => [u.usageId, u]));
  const byVersion = new Map<number, { item: ReleaseUsage; usages: ResolvedUsage[] }>();
  for (const item of snapshot.usages) {
    const r = resolved.get(item.usage.id);
    if (!r) continue;
    const entry = byVersion.get(item.version.id);
    if (entry) entry.usages.push(r);
    else byVersion.set(item.version.id, { item, usages: [r] });
  }
  const entries: NoticeEntry[] = [];
  const leftOut: NoticeData['leftOut'] = [];
  const ids = new Set<string>();
  for (const { item, usages } of byVersion.values()) {
    const shipped = usages.filter((u) => u.exploitation !== 'internal');
    if (shipped.length === 0) {
      leftOut.push({ component: usageLabel(item), reason: 'internal use only: not distributed' });
      continue;
    }
    const r = shipped[0];
    for (const u of shipped) {
      for (const l of u.licenses ?? []) {
        const [base, exception] = l.split(/ WITH /i);
        ids.add(base);
        if (exception) ids.add(exception);
      }
    }
    entries.push(entryOf(item, r.effective ?? r.expression ?? item.version.declaredLicense ?? 'NOASSERTION'));
  }
  entries.sort((a, b) => a.component.localeCompare(b.component));
  leftOut.sort((a, b) => a.component.localeCompare(b.component));
  const texts = [...ids].sort().map((id) => ({ id, text: textOf(id) ?? null }));
  return { title: `${snapshot.product.name} ${snapshot.release.number}`, entries, texts, leftOut };
}

function entryOf(item: ReleaseUsage, license: string): NoticeEntry {
  return {
    component: usageLabel(item),
    name: item.component.namespace ? `${item.component.namespace}/${item.component.name}` : item.component.name,
    version: item.version.number,
    purl: item.version.purl,
    homepage: item.component.homepage,
    license,
    copyright: item.version.copyright,
  };
}

const RULE = '-'.repeat(78);

/** The copyright statements of an entry, one per line (SBOMs join several with line breaks). */
function copyrightLines(copyright: string | null): string[] {
  return (copyright ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export function renderNoticeText(n: NoticeData): string {
  return joinLines(noticeTextLines(n));
}

/** The lines of renderNoticeText, one at a time (a large release's NOTICE is written as it is made). */
export function* noticeTextLines(n: NoticeData): Generator<string> {
  yield* [
    `THIRD-PARTY SOFTWARE NOTICES — ${n.title}`,
    '',
    'This product includes the following third-party components.',
    '',
  ];
  for (const e of n.entries) {
    yield `${e.name} ${e.version}`;
    yield `  Licence: ${e.license}`;
    for (const line of copyrightLines(e.copyright)) yield `  ${line}`;
    if (e.homepage) yield `  Homepage: ${e.homepage}`;
    if (e.purl) yield `  Package: ${e.purl}`;
    yield '';
  }
  yield* [RULE, 'LICENCE TEXTS', RULE, ''];
  for (const t of n.texts) {
    yield `=== ${t.id} ===`;
    yield '';
    yield t.text?.trimEnd() ?? `(text of ${t.id} not available: see https://spdx.org/licenses/${t.id}.html)`;
    yield '';
  }
}

/**
 * Everything that comes from an SBOM (names, versions, licences, copyright, homepages, purls) is
 * escaped: no raw HTML reaches a Markdown renderer and only http(s) homepages become links.
 */
export function renderNoticeMarkdown(n: NoticeData): string {
  return joinLines(noticeMarkdownLines(n));
}

/** The lines of renderNoticeMarkdown, one at a time. */
export function* noticeMarkdownLines(n: NoticeData): Generator<string> {
  yield* [`# Third-party software notices — ${md(n.title)}`, '', '## Components', ''];
  for (const e of n.entries) {
    yield* [`### ${md(e.name)} ${md(e.version)}`, '', `- Licence: ${md(e.license)}`];
    for (const line of copyrightLines(e.copyright))
      yield `- ${/^(copyright|©|\(c\))/i.test(line) ? '' : 'Copyright: '}${md(line)}`;
    const homepage = safeHttpUrl(e.homepage);
    if (homepage) yield `- Homepage: <${homepage}>`;
    else if (e.homepage) yield `- Homepage: ${md(e.homepage)}`;
    if (e.purl) yield `- Package: ${md(e.purl)}`;
    yield '';
  }
  yield* ['## Licence texts', ''];
  for (const t of n.texts) {
    // A fence longer than any backtick run inside the text keeps it verbatim (code is never HTML).
    const longest = Math.max(2, ...(t.text?.match(/`+/g) ?? []).map((m) => m.length));
    const fence = '`'.repeat(longest + 1);
    yield* [
      `### ${md(t.id)}`,
      '',
      fence,
      t.text?.trimEnd() ?? `Text not available: https://spdx.org/licenses/${t.id}.html`,
      fence,
      '',
    ];
  }
}

function homepageCell(homepage: string | null): string {
  const url = safeHttpUrl(homepage);
  if (url) return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`;
  return homepage ? escapeHtml(homepage) : '';
}

export function renderNoticeHtml(n: NoticeData): string {
  return [...noticeHtmlChunks(n)].join('');
}

/** The text of renderNoticeHtml in pieces: the page around them, a table row and a licence text at a time. */
export function* noticeHtmlChunks(n: NoticeData): Generator<string> {
  const h = escapeHtml;
  const anchor = (id: string) => `license-${id.replace(/[^A-Za-z0-9.-]/g, '_')}`;
  yield `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Third-party software notices — ${h(n.title)}</title></head>
<body>
<h1>Third-party software notices — ${h(n.title)}</h1>
<h2>Components</h2>
<table>
<thead><tr><th>Component</th><th>Version</th><th>Licence</th><th>Copyright</th><th>Homepage</th></tr></thead>
<tbody>
`;
  let first = true;
  for (const e of n.entries) {
    yield `${first ? '' : '\n'}<tr><td>${h(e.name)}</td><td>${h(e.version)}</td><td>${h(e.license)}</td><td>${copyrightLines(e.copyright).map(h).join('<br>')}</td><td>${homepageCell(e.homepage)}</td></tr>`;
    first = false;
  }
  yield `
</tbody>
</table>
<h2>Licence texts</h2>
`;
  first = true;
  for (const t of n.texts) {
    yield `${first ? '' : '\n'}<section id="${h(anchor(t.id))}"><h3>${h(t.id)}</h3><pre>${h(t.text?.trimEnd() ?? `Text not available: https://spdx.org/licenses/${t.id}.html`)}</pre></section>`;
    first = false;
  }
  yield `
</body>
</html>
`;
}
