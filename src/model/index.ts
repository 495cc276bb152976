export * from './issue.js';
export * from './license-statement.js';
export * from './component.js';
export * from './sbom.js';
