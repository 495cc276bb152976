import type { Identification } from '../../format.js';
import { ANALYZER_RESULT } from './analyzer-result.js';
import { EVALUATED_MODEL } from './evaluated-model.js';

const ORT_ID = String.raw`[A-Za-z0-9.+-]+:[^:\n"]*:[^:\n"]*:`;

/**
 * Cheap look at top-level keys. ORT writes keys in a fixed order, so the first key or two tell the
 * layouts apart without parsing: an OrtResult opens with `repository` (then `analyzer`), the
 * EvaluatedModel with `path_excludes`/`scope_excludes`, a per-manager result with `project(s)`
 * whose first `id` is an ORT identifier.
 */
export function identifyOrt(head: string): Identification | undefined {
  const spec = /^\s*[[{]/.test(head) ? identifyJson(head) : identifyYaml(head);
  return spec ? { format: 'ort', specVersion: spec, supported: true } : undefined;
}

function identifyJson(head: string): string | undefined {
  if (/^\s*\{\s*"(path_excludes|scope_excludes)"\s*:/.test(head) && /"scope_excludes"\s*:/.test(head)) return EVALUATED_MODEL;
  if (/^\s*\{\s*"repository"\s*:\s*\{\s*"vcs"\s*:/.test(head) || /^\s*\{\s*"analyzer"\s*:\s*\{\s*"start_time"\s*:/.test(head)) {
    return ANALYZER_RESULT;
  }
  if (new RegExp(String.raw`^\s*\{\s*"projects?"\s*:\s*\[?\s*\{\s*"id"\s*:\s*"${ORT_ID}`).test(head)) return ANALYZER_RESULT;
  return undefined;
}

function identifyYaml(head: string): string | undefined {
  if (/^path_excludes:/m.test(head) && /^scope_excludes:/m.test(head)) return EVALUATED_MODEL;
  if (/^dependency_trees:/m.test(head) && /^packages:/m.test(head)) return EVALUATED_MODEL;
  if (/^repository:[ \t]*$/m.test(head) && /^  vcs(_processed)?:[ \t]*$/m.test(head)) return ANALYZER_RESULT;
  if (/^analyzer:[ \t]*$/m.test(head) && /^  (start_time|result):/m.test(head)) return ANALYZER_RESULT;
  if (/^project:[ \t]*$/m.test(head) && new RegExp(String.raw`^  id: "?${ORT_ID}`, 'm').test(head)) return ANALYZER_RESULT;
  if (/^projects:[ \t]*$/m.test(head) && new RegExp(String.raw`^- id: "?${ORT_ID}`, 'm').test(head)) return ANALYZER_RESULT;
  return undefined;
}
