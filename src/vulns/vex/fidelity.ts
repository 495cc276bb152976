/**
 * What a target format cannot hold is reported as lossy (an Issue) and, so that a trip through
 * that format and back into Vigie keeps the exact analysis, also written as a short tag inside a
 * free-text field the format does have (OpenVEX `status_notes`, CSAF impact/remediation details,
 * CycloneDX `detail`): `[vigie-vex state=false_positive justification=requires_configuration]`.
 * Other tools show the tag as text; decoders read it back and remove it.
 */
import { issue, type Issue } from '../../model/issue.js';
import {
  ANALYSIS_RESPONSES,
  ANALYSIS_STATES,
  CDX_JUSTIFICATIONS,
  VEX_JUSTIFICATIONS,
  type AnalysisResponse,
  type VexAnalysis,
} from './analysis.js';

const TAG = /\s*\[vigie-vex ([^\]]*)\]/;

export interface FidelityTag {
  state?: VexAnalysis['state'];
  justification?: VexAnalysis['justification'];
  vexJustification?: VexAnalysis['vexJustification'];
  responses?: AnalysisResponse[];
}

export function formatTag(tag: FidelityTag): string {
  const parts: string[] = [];
  if (tag.state) parts.push(`state=${tag.state}`);
  if (tag.justification) parts.push(`justification=${tag.justification}`);
  if (tag.vexJustification) parts.push(`vex-justification=${tag.vexJustification}`);
  if (tag.responses && tag.responses.length > 0) parts.push(`responses=${tag.responses.join(',')}`);
  return parts.length === 0 ? '' : `[vigie-vex ${parts.join(' ')}]`;
}

/** Appends the tag to a text (or returns the tag alone); undefined when there is nothing to say. */
export function withTag(text: string | undefined, tag: FidelityTag): string | undefined {
  const t = formatTag(tag);
  if (t === '') return text;
  return text ? `${text} ${t}` : t;
}

/** Splits a free text into its human part and the tag it carries (unknown values are ignored). */
export function readTag(text: string | undefined): { text: string | undefined; tag: FidelityTag } {
  if (text === undefined) return { text, tag: {} };
  const m = TAG.exec(text);
  if (!m) return { text, tag: {} };
  const rest = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim();
  const tag: FidelityTag = {};
  for (const pair of m[1]!.trim().split(/\s+/)) {
    const [key, value = ''] = pair.split('=', 2) as [string, string?];
    if (key === 'state' && isOneOf(ANALYSIS_STATES, value)) tag.state = value;
    else if (key === 'justification' && isOneOf(CDX_JUSTIFICATIONS, value)) tag.justification = value;
    else if (key === 'vex-justification' && isOneOf(VEX_JUSTIFICATIONS, value)) tag.vexJustification = value;
    else if (key === 'responses')
      tag.responses = value.split(',').filter((r) => isOneOf(ANALYSIS_RESPONSES, r)) as AnalysisResponse[];
  }
  return { text: rest === '' ? undefined : rest, tag };
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export function lossy(message: string, where: { component?: string; field?: string } = {}): Issue {
  return issue('warning', 'lossy-encode', message, where);
}

/** A statement the target format would reject (a per-status required field is missing): left out. */
export function missingRequired(message: string, where: { component?: string; field?: string } = {}): Issue {
  return issue('error', 'vex-missing-required', message, where);
}
