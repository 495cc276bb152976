/** The formats a release's documents are offered in: the CLI's choices and the API's query values. */
export const NOTICE_FORMATS = ['text', 'md', 'html', 'json'] as const;
export const OBLIGATIONS_FORMATS = ['json', 'md'] as const;
export const RELEASE_EXPORT_FORMATS = ['cyclonedx-1.6', 'spdx-2.3'] as const;

export type NoticeFormat = (typeof NOTICE_FORMATS)[number];
export type ObligationsFormat = (typeof OBLIGATIONS_FORMATS)[number];
export type ReleaseExportFormat = (typeof RELEASE_EXPORT_FORMATS)[number];
