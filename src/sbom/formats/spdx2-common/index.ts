export { decodeSpdx2Document } from './decode-document.js';
export { decodeParsedSpdx2Document } from './document-types.js';
export { encodeSpdx2Document, encodeSpdx2DocumentInSteps, type Spdx2Encoding } from './encode-document.js';
export type * from './document.js';
export { DOCUMENT_ID } from './document.js';
export { identifySpdx2Version, spdxVersionNumber, SPDX2_DECODES, SPDX2_ENCODES } from './spec-version.js';
export { SPDX_PROPERTY, EFFECTIVE_LICENSE_ANNOTATION } from './properties.js';
export { RAW_LICENSE_MARKER } from './license-field.js';
