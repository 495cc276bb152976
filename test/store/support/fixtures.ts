/** Small builders for contract cases: a product with a release, components, versions and usages. */
import type { Store, NewUsage, ComponentInput, VersionInput } from '../../../src/store/index.js';
import type { Release } from '../../../src/model/portfolio.js';
import type { ImportRecord } from '../../../src/store/types.js';

export async function productWithRelease(store: Store, name = 'Acme Portal', number = '1.0.0'): Promise<Release> {
  const product = await store.createProduct({
    name,
    description: null,
    owner: null,
    categoryIds: [],
    outboundLicenses: ['Apache-2.0'],
  });
  return store.createRelease({ productId: product.id, number });
}

export function npmComponent(name: string, extra: Partial<ComponentInput> = {}): ComponentInput {
  return {
    purlType: 'npm',
    namespace: null,
    name,
    purl: `pkg:npm/${name}`,
    description: null,
    homepage: null,
    language: null,
    ...extra,
  };
}

export function versionOf(componentId: number, number: string, extra: Partial<VersionInput> = {}): VersionInput {
  return {
    componentId,
    number,
    purl: null,
    declaredLicense: null,
    concludedLicense: null,
    correctedLicense: null,
    copyright: null,
    ...extra,
  };
}

export function usageOf(releaseId: number, versionId: number, extra: Partial<NewUsage> = {}): NewUsage {
  return {
    releaseId,
    versionId,
    scope: 'dependencies',
    project: '',
    linking: null,
    modified: null,
    exploitation: null,
    chosenLicense: null,
    status: 'auto',
    addedBy: 'import',
    ...extra,
  };
}

/** Creates a component with one version per number and uses each in the release. */
export async function useComponent(
  store: Store,
  releaseId: number,
  name: string,
  numbers: string[],
  extra: Partial<NewUsage> = {},
) {
  const { record: component } = await store.upsertComponent(npmComponent(name), 'fill-missing');
  const { records } = await store.upsertVersions(
    numbers.map((n) => versionOf(component.id, n, { declaredLicense: 'MIT' })),
    'fill-missing',
  );
  await store.insertUsages(records.map((v) => usageOf(releaseId, v.id, extra)));
  return { component, versions: records };
}

/** A running replace import of a CycloneDX `bom.json` into the release. */
export function newImport(store: Store, releaseId: number): Promise<ImportRecord> {
  return store.createImport({
    releaseId,
    format: 'cyclonedx-json',
    fileName: 'bom.json',
    mode: 'replace',
    policy: 'fill-missing',
    author: 'ci',
  });
}

/** A CycloneDX 1.6 document's text whose primary component is the application `app` 1.0.0 (ref `root`). */
export function cycloneDxText(components: unknown[], dependencies: unknown[]): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'application', 'bom-ref': 'root', name: 'app', version: '1.0.0' } },
    components,
    dependencies,
  });
}
