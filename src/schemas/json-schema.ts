// JSON Schema validation of SBOM documents against the official CycloneDX and SPDX schemas.
import { Ajv, type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { schemaJson } from './files.js';
import type { SchemaViolation } from './violation.js';
import { graphElementViolations } from './graph-element-violations.js';
import { snippetAsJson } from './tagvalue-snippets.js';
import { spdxYamlIntegers } from './spdx-yaml-integers.js';
import { uniqueItemsKeyword } from './unique-items.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Which schema file checks which (format, spec version). */
export type Draft = '04' | '07' | '2019' | '2020';

const JSON_SCHEMAS: Record<string, Record<string, { file: string; draft: Draft }>> = {
  'cyclonedx-json': Object.fromEntries(
    ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'].map((v) => [
      v,
      { file: `cyclonedx/bom-${v}.schema.json`, draft: '07' as const },
    ]),
  ),
  'spdx-json': {
    '2.2': { file: 'spdx/2.2.2/spdx-schema.json', draft: '07' },
    // SPDX 2.3.1 (the spec's errata release) is the schema of 2.3 documents: it adds the underscore
    // spellings of the reference categories (PACKAGE_MANAGER, PERSISTENT_ID) that tools write.
    '2.3': { file: 'spdx/2.3.1/spdx-schema.json', draft: '2019' },
  },
  'spdx3-jsonld': { '3.0.1': { file: 'spdx/3.0.1/spdx-schema.json', draft: '2020' } },
  // SARIF logs (vigie check --format sarif); see data/schemas/NOTICE.md for which revision.
  sarif: { '2.1.0': { file: 'sarif/sarif-2.1.0-rtm.5.json', draft: '04' } },
  // OpenVEX exports (vigie vex export --format openvex); CC0-1.0, see data/schemas/NOTICE.md.
  openvex: { '0.2.0': { file: 'openvex/openvex_json_schema_0.2.0.json', draft: '2020' } },
  // OSV advisories (vigie vuln scan --osv, vuln db import): the schema has no version of its own,
  // records name the OSV spec version they follow; see data/schemas/NOTICE.md for the revision.
  osv: { '1': { file: 'osv/osv-schema.json', draft: '2020' } },
};
// SPDX YAML is the same data model as SPDX JSON, so the same schema applies once parsed.
JSON_SCHEMAS['spdx-yaml'] = JSON_SCHEMAS['spdx-json'];

const compiled = new Map<string, ValidateFunction>();

function newAjv(draft: Draft): Ajv {
  // rtm.5 of the SARIF schema has a `language` pattern that is only valid without the `u` flag.
  const options = { strict: false, allErrors: true, validateFormats: true, unicodeRegExp: draft !== '04' } as const;
  const ajv = draft === '2020' ? new Ajv2020(options) : draft === '2019' ? new Ajv2019(options) : new Ajv(options);
  addFormats(ajv as Ajv);
  // Ajv's own check compares every pair of $ref'd items (see unique-items.ts).
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword({ ...uniqueItemsKeyword });
  // CycloneDX uses these formats; ajv-formats has no IRI or IDN checks, and the schemas' own
  // pattern/type rules already constrain them, so they are accepted as strings.
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  ajv.addFormat('string', true);
  // OpenVEX: an absolute IRI is a scheme, a colon and no white space (purls, BOM-Links, https IRIs).
  ajv.addFormat('iri', /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/u);
  if (draft === '07') {
    for (const dep of [
      'cyclonedx/spdx.schema.json',
      'cyclonedx/jsf-0.82.schema.json',
      'cyclonedx/cryptography-defs.schema.json',
    ]) {
      ajv.addSchema(schemaJson(dep) as AnySchema);
    }
  }
  return ajv as Ajv;
}

/**
 * The SPDX 2.2 schema allows no property it does not list, so a document's `$schema` key (the URL of that
 * very schema, which vcpkg writes in every port's vcpkg.spdx.json) made it invalid; SPDX 2.3's schema lists
 * `$schema` as a string, and 2.2 documents are judged the same way.
 */
function allowSchemaKey(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return { ...schema, properties: { $schema: { type: 'string' }, ...properties } };
}

function validatorFor(format: string, specVersion: string): ValidateFunction | undefined {
  const entry = JSON_SCHEMAS[format]?.[specVersion];
  if (!entry) return undefined;
  let fn = compiled.get(entry.file);
  if (!fn) {
    const ajv = newAjv(entry.draft);
    let schema = schemaJson(entry.file);
    if (entry.draft === '04') {
      // The SARIF schema is draft-04, which Ajv 8 does not load; the keywords it uses mean the same
      // in draft-07 once its draft-04 `id` is read as `$id`.
      const { $schema: _draft, id, ...rest } = schema;
      schema = { ...rest, $id: id };
    }
    if (entry.file === 'spdx/2.2.2/spdx-schema.json') schema = allowSchemaKey(schema);
    fn = ajv.getSchema(String(schema.$id ?? '')) ?? ajv.compile(schema as AnySchema);
    compiled.set(entry.file, fn);
  }
  return fn;
}

/**
 * Validates against a schema the caller holds (e.g. one read from the test corpora that Vigie may
 * not ship, such as the OASIS CSAF schema), with the same Ajv setup; `references` are the schemas
 * it points to by $id.
 */
export function validateWithSchema(
  schema: Record<string, unknown>,
  value: unknown,
  options: { draft: Draft; references?: { uri: string; schema: Record<string, unknown> }[] },
  maxViolations = 50,
): SchemaViolation[] {
  const ajv = newAjv(options.draft);
  // One Ajv instance checks one draft: referenced schemas join under the URI they are referred to by,
  // without their own meta-schema line and id (the FIRST CVSS schemas that CSAF points to are
  // draft-04/07, carry a `?date` in their id, and use no keyword whose meaning changed).
  for (const { uri, schema: ref } of options.references ?? []) {
    const { $schema: _meta, id: _id, $id: _newId, ...body } = ref;
    ajv.addSchema(body as AnySchema, uri);
  }
  const validate = ajv.compile(schema as AnySchema);
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, maxViolations).map(toViolation);
}

export function hasJsonSchema(format: string, specVersion: string): boolean {
  return JSON_SCHEMAS[format]?.[specVersion] !== undefined;
}

/** Validates a parsed document; undefined when no schema is known for that format and version. */
export function validateJsonSchema(
  format: string,
  specVersion: string,
  value: unknown,
  maxViolations = 50,
): SchemaViolation[] | undefined {
  const validate = validatorFor(format, specVersion);
  if (!validate) return undefined;
  if (format === 'spdx-yaml') value = spdxYamlIntegers(value);
  if (format === 'spdx3-jsonld' && validGraphByClass(format, specVersion, validate, value)) return [];
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  if (format === 'spdx3-jsonld') {
    const check = (type: string, element: unknown) => elementErrors(format, specVersion, type, element);
    return graphElementViolations(value, errors, check, toViolation).slice(0, maxViolations);
  }
  return errors.slice(0, maxViolations).map(toViolation);
}

/**
 * An SPDX 3 @graph document checked element by element against the class each names, which gives
 * the whole schema's answer when every element passes: the schema lets an element be any of ~100
 * classes (an anyOf, with unevaluatedProperties), so Ajv tried every class on every element; a
 * 100k-element document took 84 s. The document around the graph is checked by the whole schema
 * with an empty graph. true only when all of it is valid; any doubt (an element without a class of
 * the schema, or with a violation) is left to the whole schema, so what is reported never changes.
 */
function validGraphByClass(format: string, specVersion: string, validate: ValidateFunction, value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const graph = (value as Record<string, unknown>)['@graph'];
  if (!Array.isArray(graph) || graph.length < GRAPH_CHECKED_BY_CLASS_FROM) return false;
  if (!validate({ ...value, '@graph': [] })) return false;
  for (const element of graph) {
    const type =
      element !== null && typeof element === 'object' ? (element as Record<string, unknown>).type : undefined;
    if (typeof type !== 'string') return false;
    const errors = elementErrors(format, specVersion, type, element);
    if (errors === undefined || errors.length > 0) return false;
  }
  return true;
}

/** Below this many elements the whole schema is quick enough. */
const GRAPH_CHECKED_BY_CLASS_FROM = 64;

const elementValidators = new Map<string, ValidateFunction | null>();
const elementAjvs = new Map<string, Ajv>();

/** An SPDX 3 element checked against its own class of the document's schema (the one @graph items name). */
function elementErrors(format: string, specVersion: string, type: string, element: unknown): ErrorObject[] | undefined {
  const entry = JSON_SCHEMAS[format]?.[specVersion];
  if (!entry) return undefined;
  const key = `${entry.file}#${type}`;
  let validate = elementValidators.get(key);
  if (validate === undefined) {
    const schema = schemaJson(entry.file) as { $defs?: Record<string, unknown> };
    // One Ajv per schema file holds it once; each class is a reference into it.
    let ajv = elementAjvs.get(entry.file);
    if (!ajv) {
      ajv = newAjv(entry.draft);
      ajv.addSchema({ ...schema, $id: ELEMENT_SCHEMA_ID } as AnySchema);
      elementAjvs.set(entry.file, ajv);
    }
    validate =
      schema.$defs && Object.hasOwn(schema.$defs, type)
        ? ajv.compile({ $ref: `${ELEMENT_SCHEMA_ID}#/$defs/${type}`, unevaluatedProperties: false } as AnySchema)
        : null;
    elementValidators.set(key, validate);
  }
  if (!validate) return undefined;
  return validate(element) ? [] : (validate.errors ?? []);
}

const ELEMENT_SCHEMA_ID = 'urn:vigie:schema:element-classes';

function toViolation(e: ErrorObject): SchemaViolation {
  const detail =
    e.keyword === 'additionalProperties'
      ? `${e.message} (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
      : e.keyword === 'enum'
        ? `${e.message}: ${JSON.stringify((e.params as { allowedValues?: unknown[] }).allowedValues).slice(0, 200)}`
        : (e.message ?? e.keyword);
  return { path: e.instancePath || '/', message: detail };
}

/**
 * An SPDX tag-value document checked against the SPDX JSON schema of its version, in the JSON shape
 * its reader builds (`document`), so that a required field missing in tag-value fails as it does in
 * JSON and YAML. Snippets, whose tags the reader keeps as written (SnippetByteRange…), are put in
 * JSON's shape first (snippetAsJson), so a snippet without its file or range fails as in JSON. A violation
 * under a package, file, snippet or the document names the line its element starts on (`lines`: SPDXID → line).
 * Undefined when SPDX JSON has no schema for that version.
 */
export function validateTagValueAsJson(
  specVersion: string,
  document: unknown,
  lines: ReadonlyMap<string, number>,
  maxViolations = 50,
): SchemaViolation[] | undefined {
  const validate = validatorFor('spdx-json', specVersion);
  if (!validate) return undefined;
  const { snippets, ...rest } = document as Record<string, unknown>;
  const shaped = Array.isArray(snippets)
    ? { ...rest, snippets: snippets.map((s) => snippetAsJson(s as Record<string, unknown>)) }
    : rest;
  if (validate(shaped)) return [];
  const out: SchemaViolation[] = [];
  for (const error of validate.errors ?? []) {
    const violation = toViolation(error);
    const line = elementLine(shaped, violation.path, lines);
    out.push(line === undefined ? violation : { ...violation, line });
    if (out.length >= maxViolations) break;
  }
  return out;
}

/** The line of the element a JSON pointer falls in (`/packages/3/…` → that package's SPDXID's line). */
function elementLine(
  doc: Record<string, unknown>,
  path: string,
  lines: ReadonlyMap<string, number>,
): number | undefined {
  const m = /^\/(packages|files|snippets)\/(\d+)(?:\/|$)/.exec(path);
  const element = m ? (doc[m[1]!] as { SPDXID?: unknown }[] | undefined)?.[Number(m[2])] : doc;
  return typeof element?.SPDXID === 'string' ? lines.get(element.SPDXID) : undefined;
}
