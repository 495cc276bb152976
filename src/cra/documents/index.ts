export {
  buildDocumentBundle,
  securityTxtExpiry,
  type BundleFile,
  type BundleManifest,
  type DocumentBundle,
  type ManifestEntry,
} from './bundle.js';
export { BUNDLE_FILES } from './bundle-files.js';
export {
  generateSecurityTxt,
  validateSecurityTxt,
  type SecurityTxtInput,
  type SecurityTxtProblem,
  type SecurityTxtVerdict,
} from './security-txt.js';
export { escapeHtml, escapeMarkdown, escapeMarkdownBlock } from './text-escape.js';
export { renderHtml, renderMarkdown, missingFields, type Document, type Block, type Section } from './document.js';
export type { DocumentContext } from './context.js';
export { csafAdvisory, csafFileName, type CsafAdvisoryResult } from './csaf-advisory.js';
export {
  CSAF_ROOT,
  CSAF_WHITE,
  csafDirectoryPath,
  csafProviderFiles,
  providerMetadata,
  type CsafProviderFiles,
  type CsafProviderInput,
} from './csaf-provider.js';
