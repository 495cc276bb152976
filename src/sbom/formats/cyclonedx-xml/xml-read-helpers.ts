// Small readers over the parsed XML tree (fast-xml-parser nodes, every child element an array).
import type { CdxProperty } from '../cyclonedx-common/bom-shape.js';
import { unescapeXml, type XmlNode } from './read-xml.js';

const NONE: XmlNode[] = [];

export function all(node: XmlNode | undefined, name: string): XmlNode[] {
  const v = node?.[name];
  return Array.isArray(v) ? v : NONE;
}

export function one(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return all(node, name)[0];
}

/** Text of the first child element `name`, or undefined when absent. */
export function text(node: XmlNode | undefined, name: string): string | undefined {
  const child = one(node, name);
  return child === undefined ? undefined : unescapeXml(child['#text'] ?? '');
}

export function texts(node: XmlNode | undefined, name: string): string[] {
  return all(node, name).map((n) => unescapeXml(n['#text'] ?? ''));
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.['@']?.[name];
  return v === undefined ? undefined : unescapeXml(v);
}

/** Children of a wrapper element: `<hashes><hash/>…</hashes>` → the hash nodes. */
export function listed(node: XmlNode | undefined, wrapper: string, item: string): XmlNode[] {
  return all(node, wrapper).flatMap((w) => all(w, item));
}

export function setIf<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

export function properties(n: XmlNode | undefined): CdxProperty[] | undefined {
  const list = listed(n, 'properties', 'property');
  return list.length === 0
    ? undefined
    : list.map((p) => ({ name: attr(p, 'name'), value: unescapeXml(p['#text'] ?? '') }));
}
