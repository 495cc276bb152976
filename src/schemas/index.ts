export type { SchemaViolation } from './violation.js';
export { hasJsonSchema, validateJsonSchema, validateWithSchema } from './json-schema.js';
export { hasXmlSchema, validateXmlSchema } from './xml-schema.js';
