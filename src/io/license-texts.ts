// Licence and exception texts ship as plain files under data/licenses/texts (see its NOTICE.md);
// this adapter is the only place that reads them, so the licence layer stays free of I/O.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';
import { lookupException, lookupLicense } from '../licenses/spdx-list/index.js';

function textsRoot(): string {
  return join(packageRoot(), 'data', 'licenses', 'texts');
}

let root: string | undefined;

function readText(kind: 'licenses' | 'exceptions', canonicalId: string): string | undefined {
  root ??= textsRoot();
  const path = join(root, kind, canonicalId);
  // The id comes from the list itself, so it cannot walk out of the folder.
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The text of a licence of the SPDX list (any case), or of an exception; undefined when we have none. */
export function licenseText(id: string): string | undefined {
  const license = lookupLicense(id);
  if (license) return readText('licenses', license.id);
  return exceptionText(id);
}

/** The text of a licence exception of the SPDX list (any case). */
export function exceptionText(id: string): string | undefined {
  const exception = lookupException(id);
  return exception ? readText('exceptions', exception.id) : undefined;
}
