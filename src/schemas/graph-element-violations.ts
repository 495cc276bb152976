// SPDX 3 JSON-LD documents are checked as one @graph whose every element may be any of ~100
// classes (an anyOf). When one element is wrong, Ajv reports why it fails *every* class: dozens of
// "must be equal to constant" and "must have required property 'ai_energyUnit'" lines per element,
// and the first broken element alone fills the report. Each element with violations is checked
// again against the class its own "type" names, and only those violations are reported for it.
import type { ErrorObject } from 'ajv';
import type { SchemaViolation } from './violation.js';

const ELEMENT_PATH = /^\/@graph\/(\d+)(?=\/|$)/;
/** At the top, only a missing @context or @graph is the document's own fault; the rest is the
 * schema's other branch (a lone element without @graph) failing, which a graph never meant. */
const isDocumentRule = (e: ErrorObject) =>
  e.keyword === 'required' && ['@context', '@graph'].includes(String(e.params.missingProperty));

/** Checks one element against the schema of its class; undefined when the schema has no such class. */
export type ElementCheck = (type: string, element: unknown) => ErrorObject[] | undefined;

export function graphElementViolations(
  document: unknown,
  errors: readonly ErrorObject[],
  checkElement: ElementCheck,
  toViolation: (e: ErrorObject) => SchemaViolation,
): SchemaViolation[] {
  const graph = isObject(document) && Array.isArray(document['@graph']) ? document['@graph'] : undefined;
  if (!graph) return distinct(errors.map(toViolation));
  const byElement = new Map<number, ErrorObject[]>();
  const outside: ErrorObject[] = [];
  for (const e of errors) {
    const m = ELEMENT_PATH.exec(e.instancePath);
    if (m) {
      const index = Number(m[1]);
      byElement.set(index, [...(byElement.get(index) ?? []), e]);
    } else if (e.instancePath !== '' || isDocumentRule(e)) {
      outside.push(e);
    }
  }
  const out = outside.map(toViolation);
  for (const [index, raw] of [...byElement].sort(([a], [b]) => a - b)) {
    const element = graph[index];
    const type = isObject(element) && typeof element.type === 'string' ? element.type : undefined;
    const own = type === undefined ? undefined : checkElement(type, element);
    const prefix = `/@graph/${index}`;
    if (type !== undefined && own === undefined) {
      out.push({ path: `${prefix}/type`, message: `"${type}" is no class an SPDX 3 element can have` });
      continue;
    }
    const kept = own && own.length > 0 ? own : raw;
    for (const e of kept) {
      const v = toViolation(e);
      out.push(own && own.length > 0 ? { ...v, path: `${prefix}${e.instancePath}` } : v);
    }
  }
  return distinct(out);
}

function distinct(violations: SchemaViolation[]): SchemaViolation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.path}\u0000${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
