import type { Component } from '../../model/index.js';
import { canonicalFullPurl } from './identity.js';

export interface Pairing {
  pairs: [Component, Component][];
  onlyA: Component[];
  onlyB: Component[];
}

/**
 * Pairs the components that share one identity. An SBOM may hold several versions of one package,
 * so equal coordinates pair first (same full purl, then same version), and what is left pairs in
 * order of closeness (longest common version prefix, then version order), so 1.0+4.17.20 against
 * 1.0+2.4.2+4.17.21 reads as "4.17.20 → 4.17.21" and "2.4.2 added".
 */
export function pairComponents(a: Component[], b: Component[]): Pairing {
  const restA = [...a];
  const restB = [...b];
  const pairs: [Component, Component][] = [];
  const takeMatches = (same: (x: Component, y: Component) => boolean) => {
    for (let i = 0; i < restA.length;) {
      const j = restB.findIndex((y) => same(restA[i], y));
      if (j >= 0) {
        pairs.push([restA[i], restB[j]]);
        restA.splice(i, 1);
        restB.splice(j, 1);
      } else i++;
    }
  };
  takeMatches((x, y) => {
    const px = canonicalFullPurl(x);
    return px !== undefined && px === canonicalFullPurl(y);
  });
  takeMatches((x, y) => (x.version ?? '') === (y.version ?? ''));
  restA.sort(byVersion);
  restB.sort(byVersion);
  for (let i = 0; i < restA.length && restB.length > 0;) {
    const x = restA[i];
    let best = 0;
    for (let j = 1; j < restB.length; j++) {
      if (commonPrefix(x.version, restB[j].version) > commonPrefix(x.version, restB[best].version)) best = j;
    }
    pairs.push([x, restB[best]]);
    restA.splice(i, 1);
    restB.splice(best, 1);
  }
  return { pairs, onlyA: restA, onlyB: restB };
}

const collator = new Intl.Collator('en', { numeric: true });

function byVersion(x: Component, y: Component): number {
  return collator.compare(x.version ?? '', y.version ?? '');
}

function commonPrefix(x = '', y = ''): number {
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}
