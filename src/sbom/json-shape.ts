/**
 * Type checks of a parsed document against the shape its decoder reads, before decoding: a value
 * of the wrong JSON type is an error at its path (`packages[3].versionInfo: expected a string,
 * found a number`) and is left out, never coerced — a string where a list belongs must not become
 * one package per character, nor a list inside `components` a component. Unknown keys pass.
 *
 * The input is never changed (schema validation reads the same value later): an object or list
 * holding a bad value is copied without it, and everything that is right is shared.
 */
import { issue, type Issue } from '../model/index.js';

export type Shape =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'any'
  | { list: Shape }
  | { fields: Record<string, Shape> }
  /** The first alternative whose JSON type matches the value is checked (e.g. a legacy list or an object). */
  | { either: Shape[] };

/** A list of the given items. */
export const listOf = (item: Shape): Shape => ({ list: item });
/** An object whose named fields have the given shapes; other keys are not checked. */
export const objectWith = (fields: Record<string, Shape>): { fields: Record<string, Shape> } => ({ fields });

export interface ShapeCheck<T> {
  value: T;
  issues: Issue[];
}

/** Checks `value` against `shape`; the result holds only well-typed values. */
export function checkShape<T>(value: T, shape: Shape, root = ''): ShapeCheck<T> {
  const issues: Issue[] = [];
  const checked = check(value, shape, root, issues);
  return { value: (checked === DROP ? undefined : checked) as T, issues };
}

const DROP = Symbol('drop');
const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}

function expected(shape: Shape): string {
  if (typeof shape === 'string') return shape === 'integer' ? 'an integer' : `a ${shape}`;
  if ('list' in shape) return 'a list';
  if ('fields' in shape) return 'an object';
  return shape.either.map(expected).join(' or ');
}

function matchesType(value: unknown, shape: Shape): boolean {
  if (shape === 'any') return true;
  if (shape === 'string') return typeof value === 'string';
  if (shape === 'number') return typeof value === 'number';
  if (shape === 'integer') return Number.isInteger(value);
  if (shape === 'boolean') return typeof value === 'boolean';
  if ('list' in shape) return Array.isArray(value);
  if ('fields' in shape) return typeof value === 'object' && value !== null && !Array.isArray(value);
  return shape.either.some((s) => matchesType(value, s));
}

function check(value: unknown, shape: Shape, path: string, issues: Issue[]): unknown {
  if (typeof shape === 'object' && 'either' in shape) {
    const alternative = shape.either.find((s) => matchesType(value, s));
    if (alternative) return check(value, alternative, path, issues);
  } else if (matchesType(value, shape)) {
    if (typeof shape === 'string') return value;
    return 'list' in shape
      ? checkList(value as unknown[], shape.list, path, issues)
      : checkFields(value as Record<string, unknown>, shape.fields, path, issues);
  }
  const where = path || '(root)';
  // null where a value belongs says "no value": read as absent, but said.
  if (value === null)
    issues.push(
      issue('warning', 'null-value', `${where}: null where ${expected(shape)} belongs; read as absent`, {
        field: where,
      }),
    );
  else
    issues.push(
      issue('error', 'invalid-type', `${where}: expected ${expected(shape)}, found ${jsonType(value)}; left out`, {
        field: where,
      }),
    );
  return DROP;
}

function checkList(list: unknown[], item: Shape, path: string, issues: Issue[]): unknown[] {
  if (item === 'any') return list;
  let out: unknown[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const before = list[i];
    const after = check(before, item, `${path}[${i}]`, issues);
    if (after === before && out === undefined) continue;
    out ??= list.slice(0, i);
    if (after !== DROP) out.push(after);
  }
  return out ?? list;
}

function checkFields(
  object: Record<string, unknown>,
  fields: Record<string, Shape>,
  path: string,
  issues: Issue[],
): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  // Walks the object's own keys (fewer than the shape's, usually): a hundred thousand components
  // are checked in a fraction of their decoding time.
  for (const key of Object.keys(object)) {
    if (!hasOwn(fields, key)) continue;
    const before = object[key];
    const after = check(before, fields[key]!, path ? `${path}.${key}` : key, issues);
    if (after === before) continue;
    out ??= { ...object };
    if (after === DROP) delete out[key];
    else out[key] = after;
  }
  return out ?? object;
}
