import type { ReleaseSnapshot, ReleaseUsage } from '../compliance/snapshot.js';
import { usageLabel } from '../compliance/snapshot.js';
import type { ReleaseValidation } from '../compliance/validate-release.js';
import { escapeHtml, escapeMarkdownText as md, safeHttpUrl } from './escape.js';

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
}

/** The attribution data of a release: one entry per version shipped, each licence text once. */
export function buildNotice(snapshot: ReleaseSnapshot, validation: ReleaseValidation, textOf: LicenseTextLookup): NoticeData {
  const resolved = new Map(validation.usages.map((u) => [u.usageId, u]));
  const byVersion = new Map<number, NoticeEntry>();
  const ids = new Set<string>();
  for (const item of snapshot.usages) {
    const r = resolved.get(item.usage.id);
    if (!r || byVersion.has(item.version.id)) continue;
    const license = r.effective ?? r.expression ?? item.version.declaredLicense ?? 'NOASSERTION';
    for (const l of r.licenses ?? []) {
      const [base, exception] = l.split(/ WITH /i);
      ids.add(base);
      if (exception) ids.add(exception);
    }
    byVersion.set(item.version.id, entryOf(item, license));
  }
  const entries = [...byVersion.values()].sort((a, b) => a.component.localeCompare(b.component));
  const texts = [...ids].sort().map((id) => ({ id, text: textOf(id) ?? null }));
  return { title: `${snapshot.product.name} ${snapshot.release.number}`, entries, texts };
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

export function renderNoticeText(n: NoticeData): string {
  const out: string[] = [`THIRD-PARTY SOFTWARE NOTICES — ${n.title}`, '', 'This product includes the following third-party components.', ''];
  for (const e of n.entries) {
    out.push(`${e.name} ${e.version}`, `  Licence: ${e.license}`);
    if (e.copyright) out.push(`  ${e.copyright}`);
    if (e.homepage) out.push(`  Homepage: ${e.homepage}`);
    if (e.purl) out.push(`  Package: ${e.purl}`);
    out.push('');
  }
  out.push(RULE, 'LICENCE TEXTS', RULE, '');
  for (const t of n.texts) {
    out.push(`=== ${t.id} ===`, '', t.text?.trimEnd() ?? `(text of ${t.id} not available: see https://spdx.org/licenses/${t.id}.html)`, '');
  }
  return out.join('\n');
}

/**
 * Everything that comes from an SBOM (names, versions, licences, copyright, homepages, purls) is
 * escaped: no raw HTML reaches a Markdown renderer and only http(s) homepages become links.
 */
export function renderNoticeMarkdown(n: NoticeData): string {
  const out: string[] = [`# Third-party software notices — ${md(n.title)}`, '', '## Components', ''];
  for (const e of n.entries) {
    out.push(`### ${md(e.name)} ${md(e.version)}`, '', `- Licence: ${md(e.license)}`);
    if (e.copyright) out.push(`- Copyright: ${md(e.copyright)}`);
    const homepage = safeHttpUrl(e.homepage);
    if (homepage) out.push(`- Homepage: <${homepage}>`);
    else if (e.homepage) out.push(`- Homepage: ${md(e.homepage)}`);
    if (e.purl) out.push(`- Package: ${md(e.purl)}`);
    out.push('');
  }
  out.push('## Licence texts', '');
  for (const t of n.texts) {
    // A fence longer than any backtick run inside the text keeps it verbatim (code is never HTML).
    const longest = Math.max(2, ...(t.text?.match(/`+/g) ?? []).map((m) => m.length));
    const fence = '`'.repeat(longest + 1);
    out.push(`### ${md(t.id)}`, '', fence, t.text?.trimEnd() ?? `Text not available: https://spdx.org/licenses/${t.id}.html`, fence, '');
  }
  return out.join('\n');
}

function homepageCell(homepage: string | null): string {
  const url = safeHttpUrl(homepage);
  if (url) return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`;
  return homepage ? escapeHtml(homepage) : '';
}

export function renderNoticeHtml(n: NoticeData): string {
  const h = escapeHtml;
  const anchor = (id: string) => `license-${id.replace(/[^A-Za-z0-9.-]/g, '_')}`;
  const rows = n.entries
    .map(
      (e) =>
        `<tr><td>${h(e.name)}</td><td>${h(e.version)}</td><td>${h(e.license)}</td><td>${e.copyright ? h(e.copyright) : ''}</td><td>${homepageCell(e.homepage)}</td></tr>`,
    )
    .join('\n');
  const texts = n.texts
    .map((t) => `<section id="${h(anchor(t.id))}"><h3>${h(t.id)}</h3><pre>${h(t.text?.trimEnd() ?? `Text not available: https://spdx.org/licenses/${t.id}.html`)}</pre></section>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Third-party software notices — ${h(n.title)}</title></head>
<body>
<h1>Third-party software notices — ${h(n.title)}</h1>
<h2>Components</h2>
<table>
<thead><tr><th>Component</th><th>Version</th><th>Licence</th><th>Copyright</th><th>Homepage</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Licence texts</h2>
${texts}
</body>
</html>
`;
}
