import { jsYaml, yaml } from '../../../text/libraries.js';
import { UnreadableDocumentError, type SbomFormat } from '../../format.js';
import { describedFormat } from '../descriptions.js';
import {
  decodeParsedSpdx2Document,
  encodeSpdx2Document,
  SPDX2_ENCODES,
  type Spdx2Document,
} from '../spdx2-common/index.js';
import { SPDX_YAML_ID } from '../spdx2-common/identify.js';

const ID = SPDX_YAML_ID;

/**
 * The fast reading: js-yaml with the failsafe schema plus YAML 1.2's null and booleans and merge keys,
 * so that every number stays the text the author wrote, as parseYamlDocument makes it. About ten
 * times faster than yaml's document model on a large SBOM. Undefined when js-yaml cannot read the
 * text, or when the value shares a node (an alias): yaml then reads it, with its messages and its
 * cap on alias expansion.
 */
function fastYamlValue(text: string): unknown {
  const js = jsYaml();
  let value: unknown;
  try {
    value = js.load(text, { schema: spdxYamlSchema(), json: true });
  } catch {
    return undefined;
  }
  // Only a text that may hold an alias (`*name` after a space, `[`, `{`, `,` or `:`) is searched for shared nodes.
  return ALIAS.test(text) && sharesNodes(value) ? undefined : value;
}

const ALIAS = /(?:^|[\s[{,:])\*[^\s,[\]{}]/m;

let schema: import('js-yaml').Schema | undefined;
function spdxYamlSchema(): import('js-yaml').Schema {
  const js = jsYaml();
  // js-yaml exports its built-in types (`types`), which its type definitions leave out.
  const types = (js as unknown as { types: Record<'null' | 'bool' | 'merge', import('js-yaml').Type> }).types;
  return (schema ??= js.FAILSAFE_SCHEMA.extend({ implicit: [types.null, types.bool, types.merge] }));
}

/** Whether a parsed value uses one object twice (what an alias makes) or contains itself. */
function sharesNodes(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (seen.has(v)) return true;
    seen.add(v);
    if (Array.isArray(v)) for (const item of v) stack.push(item);
    else for (const key in v) stack.push((v as Record<string, unknown>)[key]);
  }
  return false;
}

/**
 * Parses with the YAML 1.2 core schema: dates such as `created: 2010-01-29T18:30:22Z` stay strings
 * (a YAML 1.1 loader would turn them into Date objects), numbers keep their text, and anchors/aliases
 * are capped.
 */
function parseYamlDocument(text: string, what: string): Spdx2Document {
  const fast = fastYamlValue(text);
  if (fast !== undefined) {
    if (typeof fast !== 'object' || fast === null || Array.isArray(fast))
      throw new UnreadableDocumentError(`${what}: the top level is not a YAML mapping`);
    return fast as Spdx2Document;
  }
  const doc = yaml().parseDocument(text, { schema: 'core', version: '1.2', uniqueKeys: false, merge: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new UnreadableDocumentError(`${what} is not valid YAML${line ? ` (line ${line})` : ''}: ${reason}`, line);
  }
  // SPDX 2 reads no number: a plain scalar such as `versionInfo: 1.0` is the text the author wrote
  // ("1.0"), not the float 1 that the core schema would make of it.
  yaml().visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'number' && node.type === 'PLAIN' && node.range) {
        node.value = text.slice(node.range[0], node.range[1]);
      }
    },
  });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new UnreadableDocumentError(`${what} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UnreadableDocumentError(`${what}: the top level is not a YAML mapping`);
  }
  return value as Spdx2Document;
}

export const spdxYaml: SbomFormat = {
  ...describedFormat('spdx-yaml'),
  decode(input) {
    const parsed = parseYamlDocument(input.text, input.name ?? 'SPDX YAML document');
    return { ...decodeParsedSpdx2Document(parsed, ID), parsed };
  },
  encode(sbom, specVersion, options) {
    if (!(SPDX2_ENCODES as readonly string[]).includes(specVersion)) {
      throw new Error(`SPDX YAML ${specVersion} cannot be written: Vigie writes SPDX ${SPDX2_ENCODES.join(', ')}`);
    }
    const { document, issues } = encodeSpdx2Document(sbom, options);
    return { text: yamlText(document), issues };
  },
};

/**
 * The document as YAML text, by js-yaml: yaml's stringify builds a node per value first, and at 100k
 * packages took 71 s and 2.4 GB where this takes a few seconds. Every string that a YAML reader would
 * take for something else (a number such as "1.0", a date, a boolean, YAML 1.1's yes/no/on/off) is
 * quoted, so any reader gets the texts back; no anchors (a value written twice is written out twice);
 * no folding, so a long licence text or copyright keeps its lines.
 */
function yamlText(document: unknown): string {
  return jsYaml().dump(document, { lineWidth: -1, noRefs: true });
}
