// Builds a synthetic but realistic CycloneDX 1.6 JSON document: npm/maven/pypi components with purls,
// hashes, licences (ids, expressions, names), external references, properties and a dependency graph
// of a few edges per component. Deterministic for a given size.
import { createHash } from 'node:crypto';

const LICENSES = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC', 'BSD-2-Clause', 'MPL-2.0', 'LGPL-2.1-or-later'];

function hex(seed: string, alg: 'sha1' | 'sha256' | 'sha512'): string {
  return createHash(alg).update(seed).digest('hex');
}

export function syntheticCycloneDx(size: number): string {
  const components: unknown[] = [];
  const dependencies: unknown[] = [];
  for (let i = 0; i < size; i++) {
    const eco = i % 3;
    const name = `pkg-${i.toString(36)}`;
    const version = `${i % 7}.${i % 13}.${i % 31}`;
    const group = eco === 1 ? `org.example.g${i % 97}` : eco === 0 && i % 4 === 0 ? `@scope${i % 50}` : undefined;
    const purl =
      eco === 0
        ? `pkg:npm/${group ? encodeURIComponent(group) + '/' : ''}${name}@${version}`
        : eco === 1
          ? `pkg:maven/${group}/${name}@${version}?type=jar`
          : `pkg:pypi/${name}@${version}`;
    const ref = purl;
    const license =
      i % 10 === 0
        ? [{ expression: `${LICENSES[i % 7]} OR ${LICENSES[(i + 3) % 7]}` }]
        : i % 17 === 0
          ? [{ license: { name: 'Custom Licence ' + (i % 5), url: `https://example.com/licence/${i % 5}` } }]
          : [{ license: { id: LICENSES[i % 7] } }];
    components.push({
      type: 'library',
      'bom-ref': ref,
      ...(group ? { group } : {}),
      name,
      version,
      description: `Synthetic component number ${i} used to measure decoding speed`,
      scope: i % 9 === 0 ? 'optional' : 'required',
      hashes: [
        { alg: 'SHA-1', content: hex(ref, 'sha1') },
        { alg: 'SHA-256', content: hex(ref, 'sha256') },
      ],
      licenses: license,
      purl,
      externalReferences: [
        { type: 'website', url: `https://example.com/${name}` },
        { type: 'vcs', url: `https://git.example.com/${name}.git` },
        { type: 'distribution', url: `https://registry.example.com/${name}/-/${name}-${version}.tgz` },
      ],
      properties: [{ name: 'cdx:npm:package:path', value: `node_modules/${name}` }],
    });
    const deps: string[] = [];
    for (let k = 1; k <= 3; k++) {
      const j = (i * 7 + k * 131) % size;
      if (j !== i) deps.push(purlOf(j));
    }
    dependencies.push({ ref, dependsOn: deps });
  }
  const doc = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    version: 1,
    metadata: {
      timestamp: '2026-11-29T00:00:00Z',
      tools: { components: [{ type: 'application', name: 'synthetic-bench', version: '1.0.0' }] },
      component: { type: 'application', 'bom-ref': 'root', name: 'synthetic-app', version: '1.0.0' },
    },
    components,
    dependencies: [
      { ref: 'root', dependsOn: components.slice(0, 50).map((c) => (c as { 'bom-ref': string })['bom-ref']) },
      ...dependencies,
    ],
  };
  return JSON.stringify(doc, null, 2);

  function purlOf(j: number): string {
    const e = j % 3;
    const n = `pkg-${j.toString(36)}`;
    const v = `${j % 7}.${j % 13}.${j % 31}`;
    const g = e === 1 ? `org.example.g${j % 97}` : e === 0 && j % 4 === 0 ? `@scope${j % 50}` : undefined;
    return e === 0
      ? `pkg:npm/${g ? encodeURIComponent(g) + '/' : ''}${n}@${v}`
      : e === 1
        ? `pkg:maven/${g}/${n}@${v}?type=jar`
        : `pkg:pypi/${n}@${v}`;
  }
}
