import { issue } from '../../../model/index.js';
import type { SbomFormat } from '../../format.js';
import { describedFormat } from '../descriptions.js';
import { decodeSpdx2Document, encodeSpdx2Document, SPDX2_ENCODES } from '../spdx2-common/index.js';
import { SPDX_TAGVALUE_ID } from '../spdx2-common/identify.js';
import { readTagValue, type TagValueParsed } from './read-document.js';
import { writeTagValue } from './write-document.js';

const ID = SPDX_TAGVALUE_ID;

export { readTagValue, type TagValueParsed } from './read-document.js';
export { writeTagValue } from './write-document.js';

export const spdxTagValue: SbomFormat = {
  ...describedFormat('spdx-tagvalue'),
  decode(input) {
    const reading = readTagValue(input.text);
    const result = decodeSpdx2Document(reading.document, ID, (id) => reading.lines.get(id));
    // The document in SPDX JSON's shape: `sbom validate` checks it against the JSON schema, so that a
    // field missing in tag-value fails as it does in JSON (tagValueSchemaViolations).
    return {
      sbom: result.sbom,
      issues: [...reading.issues, ...result.issues],
      parsed: { document: reading.document, lines: reading.lines } satisfies TagValueParsed,
    };
  },
  encode(sbom, specVersion, options) {
    if (!(SPDX2_ENCODES as readonly string[]).includes(specVersion)) {
      throw new Error(`SPDX tag-value ${specVersion} cannot be written: Vigie writes SPDX ${SPDX2_ENCODES.join(', ')}`);
    }
    const { document, issues } = encodeSpdx2Document(sbom, options);
    const { text, unwritable } = writeTagValue(document);
    if (unwritable) {
      issues.push(
        issue(
          'warning',
          'lossy-encode',
          `SPDX tag-value cannot hold text containing "</text>": ${unwritable} value(s) dropped`,
        ),
      );
    }
    return { text, issues };
  },
};
