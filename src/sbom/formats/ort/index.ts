import { UnreadableDocumentError, type DecodeInput, type DecodeResult, type SbomFormat } from '../../format.js';
import { describedFormat } from '../descriptions.js';
import { decodeAnalyzerResult } from './analyzer-result.js';
import { decodeEvaluatedModel } from './evaluated-model.js';
import { isRecord, parseStructuredText } from './structured-text.js';

/**
 * OSS Review Toolkit result files, JSON or YAML: the OrtResult (and the bare per-package-manager
 * analyzer results ORT's tests expect) as `analyzer-result`, the EvaluatedModel report as
 * `evaluated-model`. Read only: Vigie exports to ORT as curations, not as results.
 */
export const ortResult: SbomFormat = {
  ...describedFormat('ort'),
  decode: decodeOrt,
};

export function decodeOrt(input: DecodeInput): DecodeResult {
  const where = input.name ? ` (${input.name})` : '';
  const root = input.json ?? parseStructuredText(input.text, 'ORT');
  if (!isRecord(root))
    throw new UnreadableDocumentError(`not an ORT result${where}: the document root is not a mapping`);
  if ('dependency_trees' in root || 'path_excludes' in root || 'rule_violation_resolutions' in root)
    return decodeEvaluatedModel(root);
  if ('analyzer' in root || 'project' in root || 'projects' in root || 'repository' in root)
    return decodeAnalyzerResult(root);
  throw new UnreadableDocumentError(
    `not an ORT result${where}: none of "analyzer", "project", "projects" (analyzer result) or "dependency_trees" (evaluated model) at the top level`,
  );
}
