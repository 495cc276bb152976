export { escapeHtml, escapeXml, csvField } from './escape.js';
export {
  buildNotice,
  renderNoticeText,
  renderNoticeMarkdown,
  renderNoticeHtml,
  noticeTextLines,
  noticeMarkdownLines,
  noticeHtmlChunks,
  type NoticeData,
  type NoticeEntry,
  type LicenseTextLookup,
} from './notice.js';
export { renderReleaseBomCsv } from './release-bom-csv.js';
export { renderObligationsJson, renderObligationsMarkdown, obligationsMarkdownLines } from './obligations-report.js';
export { junitChunks, renderJunit } from './junit.js';
export { renderSarif, sarifChunks, type SarifOptions } from './sarif.js';
export { renderValidationText } from './validation-text.js';
export { releaseToSbom, releaseToSbomInSteps, encodeRelease, encodeReleaseDocument } from './release-sbom.js';
export { renderVulnerabilitySarif, type VulnerabilitySarifOptions } from './vulnerability-sarif.js';
export { renderVulnerabilityTable } from './vulnerability-table.js';
