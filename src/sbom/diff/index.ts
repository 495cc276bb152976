export {
  diffSboms,
  type SbomDiff,
  type DiffComponent,
  type VersionChange,
  type LicenseChange,
  type EdgeChange,
} from './diff.js';
export { renderDiffText } from './render-text.js';
export { componentIdentity } from './identity.js';
