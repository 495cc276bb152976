/** The AI Act documents Vigie writes for a model, and their formats (one list for CLI, API and UI). */
export const AI_DOCUMENTS = ['training-summary', 'annex-xii'] as const;
export const AI_DOCUMENT_FORMATS = ['md', 'json'] as const;
/** The public summary of training content (Art. 53(1)(d)) or the Annex XII information. */
export type AiDocument = (typeof AI_DOCUMENTS)[number];
export type AiDocumentFormat = (typeof AI_DOCUMENT_FORMATS)[number];
