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
    const prefix = `/@graph/${index}`;
    let type = isObject(element) && typeof element.type === 'string' ? element.type : undefined;
    let checked = element;
    let aliased = false;
    if (type === undefined && isObject(element)) {
      // Without a class to narrow to, every branch of the anyOf spoke (issue 13 item 2): say the one
      // thing that is wrong. "@type" is JSON-LD's own spelling, which the SPDX 3 context aliases to
      // "type" but the SPDX 3 JSON schema does not accept; the rest of the element is still checked.
      const alias = element['@type'];
      if (typeof alias !== 'string') {
        out.push({ path: prefix, message: `must have required property 'type' (the element's SPDX 3 class)` });
        continue;
      }
      out.push({
        path: `${prefix}/@type`,
        message: `the class is given as "@type": SPDX 3 JSON requires "type" (the JSON-LD alias is not part of the serialisation)`,
      });
      type = alias;
      aliased = true;
      const { '@type': _alias, ...rest } = element;
      checked = { type: alias, ...rest };
    }
    const own = type === undefined ? undefined : checkElement(type, checked);
    if (type !== undefined && own === undefined) {
      out.push({ path: `${prefix}/type`, message: `"${type}" is no class an SPDX 3 element can have` });
      continue;
    }
    // Checked as its own class, the element's violations are those (none: it is fine but for "@type").
    const kept = own && (own.length > 0 || aliased) ? own : raw;
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
