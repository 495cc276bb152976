/**
 * What a validated release produces: obligations grouped by compliance action, the NOTICE, the BOM
 * as CSV, JUnit and SARIF verdicts, and the release exported as CycloneDX 1.6 / SPDX 2.3.
 * Rendering itself belongs to src/reports and src/compliance; these load the data and call them.
 */
import type { Store } from '../store/index.js';

export type NoticeFormat = 'text' | 'md' | 'html';
export type ObligationsFormat = 'json' | 'md';
export type ReleaseExportFormat = 'cyclonedx-1.6' | 'spdx-2.3';

export interface RenderedOutput {
  /** The rendered document. */
  content: string;
  mediaType: string;
  /** A file name to offer for download. */
  fileName: string;
}

const TODO = (): never => {
  throw new Error('services: implementation in progress');
};

/** Obligations grouped by compliance action with the usages that trigger them (the engine's shape). */
export async function releaseObligations(store: Store, releaseId: number): Promise<unknown> { void store; void releaseId; return TODO(); }
export async function renderObligations(store: Store, releaseId: number, format: ObligationsFormat): Promise<RenderedOutput> { void store; void releaseId; void format; return TODO(); }
export async function renderNotice(store: Store, releaseId: number, format: NoticeFormat): Promise<RenderedOutput> { void store; void releaseId; void format; return TODO(); }
export async function renderBomCsv(store: Store, releaseId: number): Promise<RenderedOutput> { void store; void releaseId; return TODO(); }
export async function renderJUnit(store: Store, releaseId: number): Promise<RenderedOutput> { void store; void releaseId; return TODO(); }
export async function renderSarif(store: Store, releaseId: number): Promise<RenderedOutput> { void store; void releaseId; return TODO(); }
export async function exportRelease(store: Store, releaseId: number, format: ReleaseExportFormat): Promise<RenderedOutput> { void store; void releaseId; void format; return TODO(); }
