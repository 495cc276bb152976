/**
 * Use restrictions of model and data licences as data: the machine-checkable part of the
 * obligations of the actions "Use only for permitted purposes" and "Obtain a separate licence above
 * the user threshold" (license-profiles.ts). Each restriction says which fact of the release's use
 * declaration (model/use-declaration.ts) it is judged on. Our own summary of each licence's clauses
 * (RAIL Attachment A, the Llama acceptable use policy and §2 "Additional Commercial Terms", the NC
 * clause of Creative Commons); restrictions no lawful product can declare (illegal use, harm to
 * minors, disinformation) stay obligations to pass on and are not listed. [V] check each line
 * against the licence text before relying on it.
 */
import type { FieldOfUse } from '../../model/use-declaration.js';
import type { LicenseFacts } from './types.js';

export type UseRestriction =
  /** The licence forbids these fields of use. */
  | { kind: 'field-of-use'; fields: FieldOfUse[]; clause: string }
  /** Above this many monthly active users a separate licence is needed. */
  | { kind: 'user-threshold'; monthlyActiveUsers: number; clause: string }
  /** No use for commercial advantage. */
  | { kind: 'non-commercial'; clause: string }
  /** Outputs may not be used to train or improve other models. */
  | { kind: 'no-training-other-models'; clause: string }
  /** Rights not granted to licensees in the EU (for Llama 3.2: its multimodal models only). */
  | { kind: 'not-in-eu'; multimodalOnly: boolean; clause: string };

export type UseRestrictionKind = UseRestriction['kind'];

const RAIL_FIELDS: UseRestriction = {
  kind: 'field-of-use',
  fields: ['automated-decisions', 'medical-advice', 'law-enforcement'],
  clause:
    'Attachment A (use-based restrictions): no fully automated decision-making that adversely impacts legal rights, no medical advice or interpretation of medical results, no predictions for law enforcement, justice, immigration or asylum',
};
const LLAMA_THRESHOLD: UseRestriction = {
  kind: 'user-threshold',
  monthlyActiveUsers: 700_000_000,
  clause:
    "§2 Additional Commercial Terms: above 700 million monthly active users (on the model version's release date) a licence must be requested from Meta",
};
const LLAMA_FIELDS: UseRestriction = {
  kind: 'field-of-use',
  fields: ['military', 'critical-infrastructure'],
  clause:
    'Acceptable Use Policy: no military, warfare, nuclear or espionage use, no operation of critical infrastructure, transport technologies or heavy machinery',
};

const BY_LICENSE: Readonly<Record<string, readonly UseRestriction[]>> = {
  'licenseref-vigie-openrail': [RAIL_FIELDS],
  'licenseref-scancode-bigscience-open-rail-m': [RAIL_FIELDS],
  'licenseref-vigie-openrail-plus-plus-m': [RAIL_FIELDS],
  'licenseref-vigie-creativeml-openrail-m': [RAIL_FIELDS],
  'licenseref-scancode-bigscience-rail-1.0': [RAIL_FIELDS],
  'licenseref-scancode-bigcode-open-rail-m-v1': [RAIL_FIELDS],
  'licenseref-scancode-llama-2-license-2023': [
    LLAMA_THRESHOLD,
    LLAMA_FIELDS,
    {
      kind: 'no-training-other-models',
      clause: '§1(b)(v): Llama 2 or its outputs may not be used to improve any other large language model',
    },
  ],
  'licenseref-vigie-llama-3-community': [LLAMA_THRESHOLD, LLAMA_FIELDS],
  'licenseref-scancode-llama-3.1-license-2024': [LLAMA_THRESHOLD, LLAMA_FIELDS],
  'licenseref-scancode-llama-3.2-license-2024': [
    LLAMA_THRESHOLD,
    LLAMA_FIELDS,
    {
      kind: 'not-in-eu',
      multimodalOnly: true,
      clause:
        'Acceptable Use Policy: the rights for the multimodal Llama 3.2 models are not granted to individuals domiciled, or companies with their principal place of business, in the EU',
    },
  ],
  'licenseref-scancode-llama-3.3-license-2024': [LLAMA_THRESHOLD, LLAMA_FIELDS],
  'licenseref-scancode-llama-4-license-2025': [
    LLAMA_THRESHOLD,
    LLAMA_FIELDS,
    {
      kind: 'not-in-eu',
      multimodalOnly: false,
      clause:
        'Acceptable Use Policy: the rights for the (multimodal) Llama 4 models are not granted to individuals domiciled, or companies with their principal place of business, in the EU',
    },
  ],
};

const NON_COMMERCIAL: UseRestriction = {
  kind: 'non-commercial',
  clause:
    'NonCommercial: no use primarily intended for or directed towards commercial advantage or monetary compensation',
};

/**
 * The use restrictions of one licence: from the table, plus non-commercial for every licence the
 * knowledge base marks so (the CC NC family, and any imported licence with that fact).
 */
export function useRestrictionsOf(
  license: string,
  facts: Pick<LicenseFacts, 'nonCommercial'> | undefined,
): UseRestriction[] {
  const own = BY_LICENSE[license.toLowerCase()] ?? [];
  return facts?.nonCommercial ? [...own, NON_COMMERCIAL] : [...own];
}
