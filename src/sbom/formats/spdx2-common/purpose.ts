import type { ComponentType } from '../../../model/index.js';

/**
 * primaryPackagePurpose → nearest CycloneDX component type. SPDX's SOURCE, ARCHIVE, INSTALL and
 * OTHER have no CycloneDX twin: a source or unknown package is treated as a library (the default
 * for packages), an archive as a file and an installer as an application. The exact purpose is kept
 * in the `spdx:primaryPackagePurpose` property so that re-encoding restores it.
 */
const PURPOSE_TO_TYPE: Record<string, ComponentType> = {
  APPLICATION: 'application',
  FRAMEWORK: 'framework',
  LIBRARY: 'library',
  CONTAINER: 'container',
  'OPERATING-SYSTEM': 'operating-system',
  DEVICE: 'device',
  FIRMWARE: 'firmware',
  FILE: 'file',
  SOURCE: 'library',
  ARCHIVE: 'file',
  INSTALL: 'application',
  OTHER: 'library',
};

/** The JSON schema spells OPERATING_SYSTEM while the spec text and tag-value say OPERATING-SYSTEM. */
export function normalisePurpose(purpose: string): string {
  return purpose.trim().toUpperCase().replace(/_/g, '-');
}

export function typeFromPurpose(purpose: string | undefined): ComponentType | undefined {
  return purpose === undefined ? undefined : PURPOSE_TO_TYPE[normalisePurpose(purpose)];
}

const TYPE_TO_PURPOSE: Partial<Record<ComponentType, string>> = {
  application: 'APPLICATION',
  framework: 'FRAMEWORK',
  library: 'LIBRARY',
  container: 'CONTAINER',
  'operating-system': 'OPERATING-SYSTEM',
  device: 'DEVICE',
  'device-driver': 'DEVICE',
  firmware: 'FIRMWARE',
  file: 'FILE',
};

/** Purpose for a component type; undefined when SPDX 2.3 has only OTHER for it (a lossy case). */
export function purposeFromType(type: ComponentType): string | undefined {
  return TYPE_TO_PURPOSE[type];
}

export function isPurpose(value: string): boolean {
  return normalisePurpose(value) in PURPOSE_TO_TYPE;
}
