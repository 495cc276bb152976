/**
 * The quality results an import keeps of the document it read (issue 12 items 1 and 3): every SBOM
 * quality profile; CRA Annex I Part II (1) is computed per release from the cra-annex-i one. Evaluated on the decoded
 * document before the store writes; the failing refs are bounded so a poor 100k-component SBOM does
 * not store a list as long as itself (covered/total keep the counts).
 */
import type { Sbom } from '../model/index.js';
import type { RefGraph } from '../sbom/graph.js';
import {
  QUALITY_PROFILES,
  evaluateProfiles,
  evaluateProfilesInSlices,
  type ProfileResult,
} from '../cra/profiles/index.js';
import { NPM_LOCKFILE_FORMAT_ID } from '../sbom/generators/npm/generate-npm-sbom.js';
import { LOCKFILE_WALK_FORMAT_ID } from '../sbom/generators/core/merge-inventories.js';
import { eventLoopTurn } from '../io/event-loop-turn.js';

/** Failing component refs kept per check. */
export const STORED_FAILING_REFS = 100;

/**
 * Profiles whose result every import keeps: all of `vigie sbom quality`'s profiles (issue 12 item 1,
 * "the same view in the UI per release, with a score over time"); cra-annex-i also feeds CRA Annex I
 * Part II (1).
 */
export const IMPORT_QUALITY_PROFILES = QUALITY_PROFILES;

/**
 * An inventory Vigie generated from lockfiles is the SBOM Vigie draws up for the release (CycloneDX,
 * as `vigie sbom generate` writes it): its format is judged as that document's, its content as is.
 */
function asDrawnUp(sbom: Sbom): Sbom {
  if (sbom.source.id !== NPM_LOCKFILE_FORMAT_ID && sbom.source.id !== LOCKFILE_WALK_FORMAT_ID) return sbom;
  return { ...sbom, source: { ...sbom.source, id: 'cyclonedx-json', specVersion: '1.6' } };
}

/** `graph`: the document's refGraph, when the import made it already for its plan. */
export function importQualityResults(sbom: Sbom, graph?: RefGraph): ProfileResult[] {
  // One view of the document and one verdict per probe and component, shared by every profile
  // (evaluateProfiles); only the first failing refs of each check are kept.
  return evaluateProfiles(IMPORT_QUALITY_PROFILES, asDrawnUp(sbom), { failingLimit: STORED_FAILING_REFS, graph });
}

/** Main-thread time a slice of the profiles may take before the event loop gets a turn. */
const SLICE_MS = 4;

/**
 * importQualityResults in slices between which the event loop runs: started while an import's
 * writes wait on a database server (PostgreSQL), the profiles are worked out in the time the main
 * thread would otherwise spend waiting, and each reply from the server is taken up within a slice
 * of it. The results are importQualityResults'.
 */
export async function importQualityResultsInSlices(sbom: Sbom, graph?: RefGraph): Promise<ProfileResult[]> {
  const slices = evaluateProfilesInSlices(IMPORT_QUALITY_PROFILES, asDrawnUp(sbom), {
    failingLimit: STORED_FAILING_REFS,
    graph,
  });
  let since = performance.now();
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
    if (performance.now() - since >= SLICE_MS) {
      await eventLoopTurn();
      since = performance.now();
    }
  }
}
