// The two ORT layouts Vigie reads, used as the format's "spec versions". Kept apart from the
// decoders so that identification (identify.ts, the format catalog) loads no decoding code.

/** An OrtResult, or the bare per-package-manager analyzer result. */
export const ANALYZER_RESULT = 'analyzer-result';
/** ORT's EvaluatedModel report. */
export const EVALUATED_MODEL = 'evaluated-model';
