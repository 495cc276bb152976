export { normalizeLicense, type Curations } from './normalize.js';
export { licenseKey } from './key.js';
export { licenseFromUrl } from './urls.js';
export type { Confidence, NormalizedLicense } from './result.js';
export { weakest, confidenceRank } from './result.js';
