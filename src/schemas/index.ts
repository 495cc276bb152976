export type { SchemaViolation } from './violation.js';
export { hasJsonSchema, validateJsonSchema, validateTagValueAsJson, validateWithSchema } from './json-schema.js';
export { hasXmlSchema, validateXmlSchema } from './xml-schema.js';
