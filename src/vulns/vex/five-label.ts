/**
 * How one analysis is written in the five-label formats (OpenVEX, CSAF): the status, the label,
 * and what does not fit — reported as lossy and carried in the fidelity tag.
 */
import type { VexAnalysis, VexJustification } from './analysis.js';
import type { FidelityTag } from './fidelity.js';
import { justificationIsLossy, justificationToVex, stateIsLossy } from './vocabulary.js';

export interface FiveLabelForm {
  label?: VexJustification;
  /** What the target loses, in words, one entry per field (empty: nothing). */
  losses: string[];
  tag: FidelityTag;
}

export function fiveLabelForm(a: VexAnalysis, target: string, keepsResponses: boolean): FiveLabelForm {
  const losses: string[] = [];
  const tag: FidelityTag = {};
  if (stateIsLossy(a.state)) {
    losses.push(`state ${a.state} has no ${target} equivalent`);
    tag.state = a.state;
  }
  const label = a.vexJustification ?? (a.justification ? justificationToVex(a.justification) : undefined);
  if (
    a.justification &&
    (justificationIsLossy(a.justification) ||
      (a.vexJustification && justificationToVex(a.justification) !== a.vexJustification))
  ) {
    losses.push(`justification ${a.justification} is written as ${label ?? 'nothing'}`);
    tag.justification = a.justification;
  }
  if (!keepsResponses && a.responses.length > 0) {
    losses.push(`responses ${a.responses.join(', ')} have no ${target} field`);
    tag.responses = a.responses;
  }
  return { ...(label ? { label } : {}), losses, tag };
}

/** Statements that say the same thing about one vulnerability, so a format can list their products together. */
export function analysisKey(a: VexAnalysis): string {
  return JSON.stringify([
    a.state,
    a.justification ?? '',
    a.vexJustification ?? '',
    [...a.responses].sort(),
    a.detail ?? '',
    a.actionStatement ?? '',
  ]);
}
