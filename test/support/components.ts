import type { Component } from '../../src/model/index.js';

/** A library component named by its ref, with nothing else said of it but `extra`. */
export function libraryComponent(ref: string, extra: Partial<Component> = {}): Component {
  return {
    ref,
    type: 'library',
    name: ref,
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
    ...extra,
  };
}
