// Probes over one component. `appliesTo` narrows the components a check counts.
import { propertyOf, type Component, type ExternalReference, type Hash } from '../../../model/index.js';
import type { SbomView } from '../view.js';
import {
  hasLicenseStatement,
  hasValidIdentifier,
  isAcceptableVersion,
  isEmail,
  isSha512,
  isSpdxExpressionText,
  isSpdxStatement,
  isWebUrl,
} from '../values.js';

/**
 * `i`, when given, is the component's index in view.components: the graph probes then read the view's
 * per-index facts instead of looking the ref up (the evaluator gives it; other callers need not).
 */
export interface ComponentProbe {
  scope: 'component';
  test(c: Component, view: SbomView, i?: number): boolean;
  appliesTo?(c: Component, view: SbomView, i?: number): boolean;
}

const probe = (test: ComponentProbe['test'], appliesTo?: ComponentProbe['appliesTo']): ComponentProbe =>
  appliesTo ? { scope: 'component', test, appliesTo } : { scope: 'component', test };

/** BSI TR-03183-2 CycloneDX property taxonomy names. */
export const BSI_PROPERTY = {
  filename: 'bsi:component:filename',
  executable: 'bsi:component:executable',
  archive: 'bsi:component:archive',
  structured: 'bsi:component:structured',
  effectiveLicense: 'bsi:component:effectiveLicense',
} as const;

const SPDX3_PURPOSES = 'spdx3:software_additionalPurpose';
const DEPLOYABLE = new Set(['distribution', 'distribution-intake']);
const SOURCE = new Set(['source-distribution', 'vcs']);
const SOURCE_DISTRIBUTION = new Set(['source-distribution']);
// Hash families strong enough to identify source code; MD5 and SHA-1 are not.
const STRONG_HASH = /^(SHA-(256|384|512)|SHA3-(256|384|512)|BLAKE2b-(256|384|512)|BLAKE3)$/;

/** Whether a reference of one of these types passes the test (without gathering them first). */
const anyRef = (c: Component, types: Set<string>, test: (r: ExternalReference) => boolean): boolean =>
  c.externalReferences.some((r) => types.has(r.type) && test(r));
/** Whether a reference of one of these types has an http(s) URL (a plain loop: run on every component). */
function anyWebUrl(c: Component, types: Set<string>): boolean {
  for (const r of c.externalReferences) if (types.has(r.type) && isWebUrl(r.url)) return true;
  return false;
}
const NO_ARTEFACTS: Component[] = [];
// Only SPDX 3 documents have artefacts: the others skip the lookup.
const artefactsOf = (c: Component, view: SbomView): Component[] =>
  view.artefacts.size === 0 ? NO_ARTEFACTS : (view.artefacts.get(c.ref) ?? NO_ARTEFACTS);

/** Whether any hash of the component or of its deployable form has content (without gathering them). */
function anyHash(c: Component, view: SbomView): boolean {
  // Plain loops: this runs for every component of every import, and a closure per call was most of its cost.
  for (const h of c.hashes) if (filled(h)) return true;
  for (const r of c.externalReferences) if (DEPLOYABLE.has(r.type) && r.hashes?.some(filled)) return true;
  for (const f of artefactsOf(c, view)) if (f.hashes.some(filled)) return true;
  return false;
}

const filled = (h: Hash): boolean => h.content.length > 0;

function supplierNamed(c: Component): boolean {
  return !!(c.supplier?.name || c.manufacturer?.name || c.publisher || c.authors?.some((a) => a.name || a.email));
}

function creatorContact(c: Component): boolean {
  const entities = [c.manufacturer, c.supplier].filter((e) => e !== undefined);
  return (
    entities.some((e) => (e.contacts ?? []).some((k) => isEmail(k.email)) || (e.urls ?? []).some(isWebUrl)) ||
    (c.authors ?? []).some((a) => isEmail(a.email))
  );
}

/**
 * A BSI file property (executable / archive / structured): in CycloneDX a property with one of the
 * taxonomy's two words (sbomqs's true/false accepted too), exactly once; in SPDX 3 the distribution
 * file's `additionalPurpose`, which states the purposes (absence of the word means "not").
 */
function fileProperty(name: string, words: readonly string[]) {
  const accepted = [...words, 'true', 'false'];
  return (c: Component, view: SbomView): boolean => {
    let value: string | undefined;
    let count = 0;
    for (const p of c.properties) {
      if (p.name !== name) continue;
      count++;
      value = p.value;
    }
    if (count === 1) return accepted.includes(value!.trim().toLowerCase());
    if (count > 1) return false;
    return artefactsOf(c, view).some((f) => f.properties.some((p) => p.name === SPDX3_PURPOSES));
  };
}

function filename(c: Component, view: SbomView): string | undefined {
  return propertyOf(c, BSI_PROPERTY.filename) ?? artefactsOf(c, view).find((f) => f.name)?.name;
}

function effectiveLicense(c: Component): boolean {
  if (c.licenses.effective) return isSpdxStatement(c.licenses.effective);
  // The property's text is the expression (the verdict is remembered by text).
  const fromProperty = propertyOf(c, BSI_PROPERTY.effectiveLicense);
  return fromProperty ? isSpdxExpressionText(fromProperty) : false;
}

function isDirectDependencyOfPrimary(c: Component, view: SbomView, i?: number): boolean {
  return i === undefined ? view.topLevel.has(c.ref) : view.topLevelAt[i] === 1;
}

function isSecurityTxtRef(r: ExternalReference): boolean {
  return r.type === 'rfc-9116' || r.comment === 'spdx3:securityOther';
}

export const COMPONENT_PROBES = {
  'component.supplier': probe(supplierNamed),
  'component.creator-contact': probe(creatorContact),
  'component.name': probe((c) => c.name.trim() !== ''),
  'component.version': probe((c) => !!c.version && c.version.trim() !== ''),
  'component.version-format': probe((c) => isAcceptableVersion(c.version)),
  'component.identifier': probe(hasValidIdentifier),
  'component.hash': probe(anyHash),
  'component.license-stated': probe(hasLicenseStatement),
  /** The graph lists the component's own dependencies (an empty list states a leaf). */
  'component.dependencies-stated': probe((c, view, i) =>
    i === undefined ? view.dependsOn.has(c.ref) : view.listedAt[i] === 1,
  ),
  /** Reachable from the primary component along the graph: the delivery item recursion covers it. */
  'component.reachable': probe(
    (c, view, i) => (i === undefined ? view.reachable.has(c.ref) : view.reachableAt[i] === 1),
    (_c, view) => view.primary !== undefined,
  ),
  'component.filename': probe((c, view) => {
    const name = filename(c, view);
    return !!name && name.trim() !== '' && !/[/\\]/.test(name);
  }),
  'component.concluded-license': probe((c) => isSpdxStatement(c.licenses.concluded)),
  'component.declared-license': probe((c) => isSpdxStatement(c.licenses.declared)),
  'component.effective-license': probe(effectiveLicense),
  'component.deployable-sha512': probe(
    (c, view) =>
      anyRef(c, DEPLOYABLE, (r) => (r.hashes ?? []).some(isSha512)) ||
      artefactsOf(c, view).some((f) => f.hashes.some(isSha512)),
  ),
  'component.executable': probe(fileProperty(BSI_PROPERTY.executable, ['executable', 'non-executable'])),
  'component.archive': probe(fileProperty(BSI_PROPERTY.archive, ['archive', 'no archive'])),
  'component.structured': probe(fileProperty(BSI_PROPERTY.structured, ['structured', 'unstructured'])),
  'component.source-uri': probe((c) => anyWebUrl(c, SOURCE)),
  'component.deployable-uri': probe((c) => anyWebUrl(c, DEPLOYABLE)),
  'component.source-hash': probe((c) =>
    anyRef(c, SOURCE_DISTRIBUTION, (r) =>
      (r.hashes ?? []).some((h) => STRONG_HASH.test(h.alg) && h.content.length > 0),
    ),
  ),
  'component.security-txt': probe((c) => c.externalReferences.some((r) => isSecurityTxtRef(r) && isWebUrl(r.url))),
  /** Direct dependencies of the primary component are identified by name and version. */
  'component.top-level-identified': probe(
    (c) => c.name.trim() !== '' && !!c.version && c.version.trim() !== '',
    isDirectDependencyOfPrimary,
  ),
} satisfies Record<string, ComponentProbe>;
