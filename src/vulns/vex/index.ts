export * from './analysis.js';
export { parseBomLink, bomLinkTo, type BomLink } from './bom-link.js';
export { VEX_CODECS, readVex, writeVex, type ReadVexResult, type WriteVexOptions } from './formats.js';
export { encodeCycloneDxVex, type CycloneDxVexOptions } from './cyclonedx-encode.js';
export { decodeCycloneDxVex } from './cyclonedx-decode.js';
export { encodeOpenVex, decodeOpenVex, OPENVEX_CONTEXT, type OpenVexOptions } from './openvex.js';
export { encodeCsafVex, BOM_LINK_NAMESPACE, type CsafVexOptions, type CsafRevision } from './csaf-encode.js';
export { decodeCsafVex } from './csaf-decode.js';
export { STATE_TABLE, JUSTIFICATION_TABLE, RESPONSE_TABLE } from './vocabulary.js';
