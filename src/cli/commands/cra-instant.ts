import { parseInstant } from '../../cra/reporting/index.js';
import { UsageError } from '../exit-codes.js';

/** An ISO instant with offset from a CLI flag, or a usage error naming the flag. */
export function instantOption(flag: string, value: string): number {
  const parsed = parseInstant(value);
  if (!parsed.ok) throw new UsageError(`${flag}: ${parsed.message}`);
  return parsed.ms;
}
