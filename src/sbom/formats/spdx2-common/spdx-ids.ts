import { DOCUMENT_ID } from './document.js';

const VALID_ID = /^SPDXRef-[A-Za-z0-9.-]+$/;

/**
 * Gives every component ref a unique SPDX element id. A ref that already is a valid SPDXID is kept
 * (so SPDX documents round-trip with their ids); others are sanitised (`SPDXRef-` + letters, digits,
 * dots and dashes) and numbered when two would collide.
 */
export class SpdxIdAllocator {
  private readonly taken = new Set<string>([DOCUMENT_ID]);

  allocate(ref: string): string {
    const base = VALID_ID.test(ref)
      ? ref
      : `SPDXRef-${ref.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'component'}`;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
