/** Small guards shared by the services: names present, expressions parse, records exist. */
import { parseExpression, printExpression } from '../licenses/expression/index.js';
import { illFormedProblem, textProblem, type TextKind } from '../model/input-limits.js';
import { ServiceError } from './service-error.js';

/** A non-empty name (or free text) that both stores can hold: no NUL, within model/input-limits.ts. */
export function requireName(value: string | undefined | null, what: string, kind: TextKind = 'name'): string {
  // One spelling per name: "Café" typed precomposed or with a combining accent is one product (NFC).
  const name = value?.trim().normalize('NFC');
  if (!name) throw new ServiceError('invalid-input', `${what} must not be empty`);
  return storable(name, what, kind);
}

/** Optional text held to the same rules; null and undefined pass through. */
export function optionalText<T extends string | null | undefined>(value: T, what: string, kind: TextKind = 'text'): T {
  if (typeof value === 'string') storable(value, what, kind);
  return value;
}

function storable(value: string, what: string, kind: TextKind): string {
  const problem = textProblem(value, kind) ?? illFormedProblem(value);
  if (problem) throw new ServiceError('invalid-input', `${what} ${problem}`);
  return value;
}

/** The expression in its printed SPDX form; ServiceError('invalid-input') naming the field otherwise. */
export function requireExpression(value: string, field: string): string {
  const parsed = parseExpression(value);
  if (!parsed.expression) {
    throw new ServiceError(
      'invalid-input',
      `${field}: "${value}" is not an SPDX expression: ${parsed.syntaxError?.message}`,
    );
  }
  return printExpression(parsed.expression);
}

export function requireExpressions(values: string[] | undefined, field: string): string[] {
  return (values ?? []).map((v) => requireExpression(v, field));
}
