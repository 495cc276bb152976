/**
 * The ONE component identity of Vigie (DESIGN.md), as in Hermine: a component is its purl type,
 * namespace and name; a version adds the version. Qualifiers (`?type=jar`, `?classifier=…`) and
 * subpaths describe one artefact of the package, not another package, so they are left out: a
 * decision about `pkg:maven/io.dropwizard/dropwizard-util` applies to the jar with `?type=jar`.
 * A component without a valid purl is known by its namespace (group) and name.
 */
import type { Component } from './component.js';
import { formatPurl, isPurlError, parsePurl, type Purl } from './purl/index.js';
import { rememberedPurl } from './purl/remembered.js';

export interface ComponentIdentity {
  /** The key decisions, the store and queries compare: identity purl, else `namespace/name`. */
  key: string;
  /** purl type, or null without a valid purl. */
  purlType: string | null;
  namespace: string | null;
  name: string;
  /** `pkg:type/namespace/name` (no version, qualifiers nor subpath), or null. */
  purl: string | null;
}

/** The identity purl of a parsed purl: type, namespace and name only. */
export function identityPurl(p: Purl): string {
  return formatPurl({ type: p.type, namespace: p.namespace, name: p.name });
}

/** `namespace/name`, the name people read (`golang.org/x/net`, `org.slf4j/slf4j-api`). */
export function displayName(c: { namespace: string | null; name: string }): string {
  return c.namespace ? `${c.namespace}/${c.name}` : c.name;
}

/**
 * The identity of a valid purl text (null: not a valid purl), remembered with the text's parse
 * (rememberedPurl): a 100k-component import asks for each purl's identity once, and the identity
 * purl is then formatted once per text instead of once per component (its key string shared by the
 * components of one package).
 */
function purlIdentityRemembered(text: string): Readonly<ComponentIdentity> | null {
  const entry = rememberedPurl(text);
  if (entry.derived === undefined) {
    const p = entry.parsed;
    if (isPurlError(p)) entry.derived = null;
    else {
      const purl = identityPurl(p);
      entry.derived = Object.freeze({
        key: purl,
        purlType: p.type,
        namespace: p.namespace ?? null,
        name: p.name,
        purl,
      });
    }
  }
  return entry.derived as Readonly<ComponentIdentity> | null;
}

/** The identity of a component as an SBOM describes it (a fresh object, the caller's to change). */
export function componentIdentity(c: Pick<Component, 'purl' | 'group' | 'name'>): ComponentIdentity {
  return { ...sharedComponentIdentity(c) };
}

/**
 * componentIdentity for a caller that only reads it: the one remembered with the purl when the
 * component has a valid purl (no copy per component of a 100k-component plan), frozen.
 */
export function sharedComponentIdentity(c: Pick<Component, 'purl' | 'group' | 'name'>): Readonly<ComponentIdentity> {
  if (c.purl) {
    const id = purlIdentityRemembered(c.purl);
    if (id) return id;
  }
  const namespace = c.group || null;
  return { key: displayName({ namespace, name: c.name }), purlType: null, namespace, name: c.name, purl: null };
}

/** The key of a stored component record (its identity purl, else `namespace/name`). */
export function componentKey(c: { purl: string | null; namespace: string | null; name: string }): string {
  return c.purl ?? displayName(c);
}

export type ComponentReference = { key: string; version: string | null } | { error: string };

/**
 * How people name a component in a decision or a query: a purl (any spelling; a versioned purl
 * also names that version) or a name. The answer is the identity key decisions are matched on.
 */
export function componentReference(text: string): ComponentReference {
  const trimmed = text.trim();
  if (!trimmed) return { error: 'the component is empty' };
  if (!trimmed.startsWith('pkg:')) return { key: trimmed, version: null };
  const p = parsePurl(trimmed);
  if (isPurlError(p)) return { error: `"${trimmed}" is not a valid purl: ${p.error}` };
  return { key: identityPurl(p), version: p.version ?? null };
}
