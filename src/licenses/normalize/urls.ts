// Licence URLs as found in package metadata. Only hosts that publish one page per licence are
// trusted; a link to a project's own LICENSE file says nothing about which licence it is.
import type { Mapping } from './tables.js';
import { lookupName } from './tables.js';
import { lookupLicense } from '../spdx-list/index.js';

const GNU_FAMILY: Record<string, string> = { gpl: 'GPL', lgpl: 'LGPL', agpl: 'AGPL', fdl: 'GFDL' };

export function looksLikeUrl(text: string): boolean {
  return /^(https?:\/\/|www\.)/i.test(text);
}

export function licenseFromUrl(url: string): Mapping {
  const m = /^(?:https?:\/\/)?(?:www\.)?([^/?#]+)([^?#]*)/i.exec(url.trim());
  const host = (m?.[1] ?? '').toLowerCase();
  const path = (m?.[2] ?? '').replace(/\/+$/, '');
  const last = (path.split('/').pop() ?? '').replace(/\.(html?|php|txt|json|md)$/i, '').replace(/\.en$/i, '');

  if (host === 'spdx.org' && /^\/licenses\//i.test(path)) return byId(last, 'spdx.org licence page');
  if (host === 'opensource.org' && /^\/licen[cs]es?\//i.test(path)) {
    const slug = last.replace(/-license$/i, '');
    const byOsiId = lookupLicense(slug);
    if (byOsiId) return high(byOsiId.id, 'opensource.org licence page');
    const OSI_OLD: Record<string, string> = {
      mit: 'MIT',
      bsd: 'BSD-2-Clause',
      'bsd-3-clause': 'BSD-3-Clause',
      apache2: 'Apache-2.0',
      'apache-2': 'Apache-2.0',
    };
    const id = OSI_OLD[slug.toLowerCase()];
    if (id) return high(id, 'opensource.org licence page');
    return byName(slug, 'opensource.org licence page');
  }
  if (host.endsWith('apache.org') && /^\/licenses\/license-(\d\.\d)/i.test(path)) {
    return byId(`Apache-${/license-(\d\.\d)/i.exec(path)![1]}`, 'apache.org licence page');
  }
  if (host === 'gnu.org' || host === 'fsf.org') {
    const g = /^(a?gpl|lgpl|fdl)(?:-(\d\.\d))?$/i.exec(last);
    if (g) {
      const family = GNU_FAMILY[g[1].toLowerCase()];
      if (!g[2])
        return {
          expression: null,
          confidence: 'low',
          candidates: [`${family}-3.0-only`, `${family}-3.0-or-later`],
          note: 'gnu.org page of the latest version: which version was meant is not said',
        };
      const only = `${family}-${g[2]}-only`;
      return {
        expression: only,
        confidence: 'medium',
        candidates: [only, `${family}-${g[2]}-or-later`],
        note: 'gnu.org licence page: "only" assumed',
      };
    }
  }
  if (host === 'creativecommons.org') {
    if (/^\/publicdomain\/zero\/1\.0/i.test(path)) return high('CC0-1.0', 'creativecommons.org page');
    const cc = /^\/licenses\/([a-z-]+)\/(\d\.\d)/i.exec(path);
    if (cc) return byId(`CC-${cc[1].toUpperCase()}-${cc[2]}`, 'creativecommons.org page');
  }
  if (host === 'mozilla.org') {
    const mpl = /^\/(?:en-us\/)?mpl\/(\d\.\d)/i.exec(path);
    if (mpl) return byId(`MPL-${mpl[1]}`, 'mozilla.org licence page');
  }
  if (host === 'eclipse.org' || host.endsWith('.eclipse.org')) {
    if (/epl-v10|epl-1\.0/i.test(path)) return high('EPL-1.0', 'eclipse.org licence page');
    if (/epl-2\.0|epl-v20/i.test(path)) return high('EPL-2.0', 'eclipse.org licence page');
    if (/edl-v10/i.test(path)) return high('BSD-3-Clause', 'eclipse.org EDL 1.0 page (SPDX: BSD-3-Clause)');
  }
  if (host === 'choosealicense.com' && /^\/licenses\//i.test(path)) return byId(last, 'choosealicense.com page');
  if (host === 'unlicense.org') return high('Unlicense', 'unlicense.org');
  if (host === 'wtfpl.net') return high('WTFPL', 'wtfpl.net');
  if (/(^|\.)github(usercontent)?\.com$|gitlab\.com$|bitbucket\.org$/.test(host)) {
    return {
      expression: null,
      confidence: 'low',
      candidates: [],
      note: 'a link to a repository file: read that file to identify the licence',
    };
  }
  return {
    expression: null,
    confidence: 'low',
    candidates: [],
    note: `a URL on ${host || 'an unknown host'} that names no known licence`,
  };
}

function high(id: string, note: string): Mapping {
  return { expression: id, confidence: 'high', candidates: [id], note };
}

function byId(id: string, note: string): Mapping {
  const known = lookupLicense(id);
  return known
    ? high(known.id, note)
    : { expression: null, confidence: 'low', candidates: [], note: `${note}: '${id}' is not an SPDX licence id` };
}

function byName(slug: string, note: string): Mapping {
  const found = lookupName(slug.replace(/[-_]/g, ' '));
  return found ?? { expression: null, confidence: 'low', candidates: [], note: `${note}: '${slug}' not recognised` };
}
