// Where Vigie's built-in licence policy ships: what `vigie check` uses when no --policy is given.
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

export const BUILTIN_POLICY = 'data/policies/default.yaml';

export function builtinPolicyPath(): string {
  return join(packageRoot(), BUILTIN_POLICY);
}
