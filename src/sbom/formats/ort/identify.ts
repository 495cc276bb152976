import type { Identification } from '../../format.js';
import { ANALYZER_RESULT, EVALUATED_MODEL } from './layouts.js';

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

/** identifyOrt for the format table: a document it cannot look at is simply not claimed. */
export function identifyOrtSafely(head: string): Identification | undefined {
  try {
    return identifyOrt(head);
  } catch {
    return undefined;
  }
}

function identifyJson(head: string): string | undefined {
  if (/^\s*\{\s*"(path_excludes|scope_excludes)"\s*:/.test(head) && /"scope_excludes"\s*:/.test(head))
    return EVALUATED_MODEL;
  if (
    /^\s*\{\s*"repository"\s*:\s*\{\s*"vcs"\s*:/.test(head) ||
    /^\s*\{\s*"analyzer"\s*:\s*\{\s*"start_time"\s*:/.test(head)
  ) {
    return ANALYZER_RESULT;
  }
  if (new RegExp(String.raw`^\s*\{\s*"projects?"\s*:\s*\[?\s*\{\s*"id"\s*:\s*"${ORT_ID}`).test(head))
    return ANALYZER_RESULT;
  return identifyReorderedJson(head);
}

/**
 * The same layouts with their keys in another order (key order carries no meaning in JSON; `jq -S`
 * sorts them): keys only ORT writes, wherever they are. Slower and looser than the fixed-order
 * look above, so it runs only when that found nothing (issue 13 item 2).
 */
function identifyReorderedJson(head: string): string | undefined {
  if (!/^\s*\{/.test(head)) return undefined;
  if (
    /"path_excludes"\s*:/.test(head) &&
    /"scope_excludes"\s*:/.test(head) &&
    /"(dependency_trees|packages)"\s*:/.test(head)
  )
    return EVALUATED_MODEL;
  if (/"repository"\s*:\s*\{/.test(head) && /"vcs_processed"\s*:\s*\{/.test(head) && /"analyzer"\s*:/.test(head))
    return ANALYZER_RESULT;
  if (
    /"projects?"\s*:\s*[[{]/.test(head) &&
    /"packages"\s*:\s*\[/.test(head) &&
    new RegExp(String.raw`"id"\s*:\s*"${ORT_ID}`).test(head)
  ) {
    return ANALYZER_RESULT;
  }
  return undefined;
}

function identifyYaml(head: string): string | undefined {
  if (/^path_excludes:/m.test(head) && /^scope_excludes:/m.test(head)) return EVALUATED_MODEL;
  if (/^dependency_trees:/m.test(head) && /^packages:/m.test(head)) return EVALUATED_MODEL;
  if (/^repository:[ \t]*$/m.test(head) && /^ {2}vcs(_processed)?:[ \t]*$/m.test(head)) return ANALYZER_RESULT;
  if (/^analyzer:[ \t]*$/m.test(head) && /^ {2}(start_time|result):/m.test(head)) return ANALYZER_RESULT;
  if (/^project:[ \t]*$/m.test(head) && new RegExp(String.raw`^  id: "?${ORT_ID}`, 'm').test(head))
    return ANALYZER_RESULT;
  if (/^projects:[ \t]*$/m.test(head) && new RegExp(String.raw`^- id: "?${ORT_ID}`, 'm').test(head))
    return ANALYZER_RESULT;
  return undefined;
}
