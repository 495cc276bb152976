import type { Copyleft, Exploitation, KnowledgeBase, Linking } from '../kb/types.js';
import { findLicense } from '../kb/lookup.js';
import { osadlCompatibility } from './osadl.js';

export type CompatibilityVerdict = 'compatible' | 'incompatible' | 'unknown' | 'check-dependency';

export interface CompatibilityContext {
  linking: Linking;
  exploitation: Exploitation;
}

export interface CompatibilityResult {
  /** Licence chosen for the component (inbound). */
  inbound: string;
  /** Licence the release is distributed under (outbound). */
  outbound: string;
  verdict: CompatibilityVerdict;
  /** Which reasoning decided: a copyleft rule of ours, or the OSADL matrix. */
  basis: 'rule' | 'osadl' | 'none';
  explanation: string;
}

const VERDICT_OF_OSADL = {
  yes: 'compatible',
  same: 'compatible',
  no: 'incompatible',
  unknown: 'unknown',
  'check-dependency': 'check-dependency',
} as const;

function copyleftOf(kb: KnowledgeBase, id: string): Copyleft | null {
  return findLicense(kb, id)?.copyleft ?? null;
}

/**
 * Whether a component under `inbound` may be part of a release under `outbound`, for the given
 * linking and exploitation. Copyleft rules decide the cases where the inbound licence's conditions
 * are not set off at all; everything else is the OSADL matrix's call, explained in its words.
 */
export function checkCompatibility(
  inbound: string,
  outbound: string,
  context: CompatibilityContext,
  kb: KnowledgeBase,
): CompatibilityResult {
  const result = (
    verdict: CompatibilityVerdict,
    basis: CompatibilityResult['basis'],
    explanation: string,
  ): CompatibilityResult => ({
    inbound,
    outbound,
    verdict,
    basis,
    explanation,
  });
  if (inbound.toLowerCase() === outbound.toLowerCase()) {
    return result('compatible', 'rule', `${inbound} is the outbound licence itself.`);
  }
  const copyleft = copyleftOf(kb, inbound);
  const { linking, exploitation } = context;
  if (exploitation === 'internal') {
    return result(
      'compatible',
      'rule',
      `Internal use distributes nothing, so no licence condition of ${inbound} reaches the ${outbound} release.`,
    );
  }
  if (linking === 'aggregation') {
    return result(
      'compatible',
      'rule',
      `Mere aggregation: ${inbound} code ships beside the ${outbound} work, not inside it, so each keeps its own licence.`,
    );
  }
  if (exploitation === 'network' && copyleft !== 'network' && copyleft !== 'weak-network') {
    return result(
      'compatible',
      'rule',
      `Offered over a network only: ${inbound} (${copyleft ?? 'copyleft unknown'}) conditions apply on distribution, which does not happen here.`,
    );
  }
  if (copyleft === 'weak' && linking === 'dynamic') {
    return result(
      'compatible',
      'rule',
      `${inbound} is a weak copyleft: dynamically linked, it stays a separate work under its own licence (its source and any changes to it must still be provided).`,
    );
  }
  const cell = osadlCompatibility(outbound, inbound);
  if (cell) {
    const how =
      linking === 'static' && copyleft === 'weak'
        ? ' Static linking with a weak copyleft: check the relinking or file-level conditions.'
        : '';
    return result(VERDICT_OF_OSADL[cell.verdict], 'osadl', `OSADL: ${cell.explanation}${how}`);
  }
  const facts = findLicense(kb, inbound);
  if (copyleft === 'none' && facts?.foss !== 'no' && !facts?.nonCommercial) {
    return result(
      'compatible',
      'rule',
      `${inbound} is permissive: its notices must be kept, but it does not constrain the ${outbound} licence.`,
    );
  }
  return result(
    'unknown',
    'none',
    `No rule or OSADL entry covers ${inbound} inside a ${outbound} release (${linking} linking, ${exploitation}); review by hand.`,
  );
}
