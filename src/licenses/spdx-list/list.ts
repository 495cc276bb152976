// The SPDX License List as lookup tables. Ids are matched case-insensitively (the SPDX spec says ids
// are case-insensitive) and always handed back in the list's canonical spelling.
import { EXCEPTION_ROWS, LICENSE_ROWS, LIST_RELEASE_DATE, LIST_VERSION } from './list.generated.js';

export { LIST_VERSION as SPDX_LIST_VERSION, LIST_RELEASE_DATE as SPDX_LIST_RELEASE_DATE };

const OSI = 1;
const FSF = 2;
const DEPRECATED = 4;

export interface SpdxLicense {
  id: string;
  name: string;
  osiApproved: boolean;
  fsfLibre: boolean;
  deprecated: boolean;
}

export interface SpdxException {
  id: string;
  name: string;
  deprecated: boolean;
}

let licensesByKey: Map<string, SpdxLicense> | undefined;
let exceptionsByKey: Map<string, SpdxException> | undefined;

function licenseTable(): Map<string, SpdxLicense> {
  if (!licensesByKey) {
    licensesByKey = new Map();
    for (const [id, name, flags] of LICENSE_ROWS) {
      licensesByKey.set(id.toLowerCase(), {
        id,
        name,
        osiApproved: (flags & OSI) !== 0,
        fsfLibre: (flags & FSF) !== 0,
        deprecated: (flags & DEPRECATED) !== 0,
      });
    }
  }
  return licensesByKey;
}

function exceptionTable(): Map<string, SpdxException> {
  if (!exceptionsByKey) {
    exceptionsByKey = new Map();
    for (const [id, name, flags] of EXCEPTION_ROWS) {
      exceptionsByKey.set(id.toLowerCase(), { id, name, deprecated: (flags & DEPRECATED) !== 0 });
    }
  }
  return exceptionsByKey;
}

/** The list entry for a licence id, whatever its case; undefined when the list has no such licence. */
export function lookupLicense(id: string): SpdxLicense | undefined {
  return licenseTable().get(id.toLowerCase());
}

/** The list entry for an exception id, whatever its case. */
export function lookupException(id: string): SpdxException | undefined {
  return exceptionTable().get(id.toLowerCase());
}

/** True when the id is a deprecated licence or exception id of the list. */
export function isDeprecated(id: string): boolean {
  return (lookupLicense(id) ?? lookupException(id))?.deprecated ?? false;
}

export function allLicenses(): SpdxLicense[] {
  return [...licenseTable().values()];
}

export function allExceptions(): SpdxException[] {
  return [...exceptionTable().values()];
}
