export { importHermineFiles, importHermineShared, type HermineImport } from './import.js';
export {
  exportHermineFiles,
  exportHermineShared,
  genericFileName,
  licenseFileName,
  type HermineFileSet,
} from './export.js';
export {
  diffKnowledgeBases,
  takeReference,
  type KbDifference,
  type ObligationSummary,
  COMPARED_LICENSE_FIELDS,
  COMPARED_ACTION_FIELDS,
} from './diff.js';
export type { HermineFiles, HermineShared, HermineRecord } from './records.js';
export { EXPLOITATION, MODIFICATION_TRIGGER, PASSIVITY, COPYLEFT, FOSS, METACATEGORY } from './vocabulary.js';
