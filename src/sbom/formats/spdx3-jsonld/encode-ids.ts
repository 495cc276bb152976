// Deterministic spdxIds: the document namespace plus a readable, injective suffix per element.

const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

export function isIri(value: string): boolean {
  return IRI.test(value) && !value.startsWith('_:');
}

/** A namespace ending in `/` or `#` is used as is; anything else gets a `#` so suffixes become fragments. */
export function idBase(namespace: string): string {
  return /[/#]$/.test(namespace) ? namespace : `${namespace}#`;
}

export class IdMinter {
  private readonly used = new Set<string>();
  constructor(private readonly base: string) {}

  /** The component's own ref when it already is an IRI (SPDX 3 input), else namespace + encoded ref. */
  forComponent(ref: string): string {
    return this.claim(isIri(ref) && !ref.startsWith('pkg:') ? ref : `${this.base}component-${encodeURIComponent(ref)}`);
  }

  mint(kind: string, key: string): string {
    return this.claim(`${this.base}${kind}-${encodeURIComponent(key)}`);
  }

  /** Several elements may derive the same id (two agents of one name): later ones get a counter. */
  private claim(id: string): string {
    let candidate = id;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${id}-${n}`;
    this.used.add(candidate);
    return candidate;
  }
}
