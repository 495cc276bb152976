export {
  checkCompatibility,
  type CompatibilityContext,
  type CompatibilityResult,
  type CompatibilityVerdict,
} from './compatibility.js';
export { osadlCompatibility, osadlLicenses, type OsadlCell, type OsadlVerdict } from './osadl.js';
