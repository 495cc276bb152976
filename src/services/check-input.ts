/** Small guards shared by the services: names present, expressions parse, records exist. */
import { parseExpression, printExpression } from '../licenses/expression/index.js';
import { ServiceError } from './service-error.js';

export function requireName(value: string | undefined | null, what: string): string {
  const name = value?.trim();
  if (!name) throw new ServiceError('invalid-input', `${what} must not be empty`);
  return name;
}

/** The expression in its printed SPDX form; ServiceError('invalid-input') naming the field otherwise. */
export function requireExpression(value: string, field: string): string {
  const parsed = parseExpression(value);
  if (!parsed.expression) {
    throw new ServiceError('invalid-input', `${field}: "${value}" is not an SPDX expression: ${parsed.syntaxError?.message}`);
  }
  return printExpression(parsed.expression);
}

export function requireExpressions(values: string[] | undefined, field: string): string[] {
  return (values ?? []).map((v) => requireExpression(v, field));
}
