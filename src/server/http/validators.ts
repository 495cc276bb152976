import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Fastify's own defaults, minus the silent removal of unknown fields (they are refused instead). */
const COMMON: Options = {
  useDefaults: true,
  removeAdditional: false,
  addUsedSchema: false,
  allErrors: false,
  strict: false,
};

function ajvWith(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...COMMON, coerceTypes });
  addFormats(ajv);
  return ajv;
}

/**
 * Path parameters, query strings and headers only ever arrive as text: they are coerced to the
 * schema's type (`?limit=10` → 10, one `?x=` → [x]). JSON bodies carry their own types and are
 * taken as sent: `{"name": 123}` is a 400, not the string "123".
 */
export function installValidators(app: FastifyInstance): void {
  const forText = ajvWith('array');
  const forJson = ajvWith(false);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? forJson : forText).compile(schema));
}
