import { yaml } from '../../../text/libraries.js';
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
 * Parses with the YAML 1.2 core schema: dates such as `created: 2010-01-29T18:30:22Z` stay strings
 * (a YAML 1.1 loader would turn them into Date objects), numbers keep their text, and anchors/aliases
 * are capped.
 */
function parseYamlDocument(text: string, what: string): Spdx2Document {
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
    return decodeParsedSpdx2Document(parseYamlDocument(input.text, input.name ?? 'SPDX YAML document'), ID);
  },
  encode(sbom, specVersion, options) {
    if (!(SPDX2_ENCODES as readonly string[]).includes(specVersion)) {
      throw new Error(`SPDX YAML ${specVersion} cannot be written: Vigie writes SPDX ${SPDX2_ENCODES.join(', ')}`);
    }
    const { document, issues } = encodeSpdx2Document(sbom, options);
    return { text: yaml().stringify(document, { version: '1.2', lineWidth: 0 }), issues };
  },
};
