export { ratingOf, scoreCvss, type CvssResult, type CvssScore, type CvssVersion, type SeverityRating } from './cvss.js';
export { parseEpss, type EpssFile, type EpssScore } from './epss.js';
export { parseKev, type KevCatalogue, type KevEntry } from './kev.js';
