/**
 * The SBOM quality view of a release (issue 12 item 1: "the same view in the UI per release, with a
 * score over time"): per profile, the checks of the release's current documents as `vigie sbom
 * quality --json` prints them, read from what each import stored (never by decoding a document
 * again), and per import a score per profile so the UI can draw how quality moved.
 */
import type { ProfileResult } from '../cra/profiles/index.js';
import type { ImportRecord, Store } from '../store/index.js';
import { getRelease } from './portfolio.js';

export interface ProfileScore {
  profile: string;
  pass: boolean;
  /** Required checks passing over required checks (BSI's "MUST"; NTIA/CISA minimum elements). */
  requiredPassing: number;
  required: number;
  /** requiredPassing / required, 1 when the profile has no required check. */
  score: number;
  /** Items covered over items checked, summed over the profile's checks. */
  covered: number;
  total: number;
}

export interface QualityDocument {
  importId: number;
  fileName: string | null;
  at: string;
  profiles: ProfileResult[];
}

export interface QualityHistoryPoint {
  importId: number;
  fileName: string | null;
  at: string;
  scores: ProfileScore[];
}

export interface ReleaseQuality {
  releaseId: number;
  /** The documents behind the release's inventory: the imports since the last one that replaced it. */
  documents: QualityDocument[];
  /** Every succeeded import that stored a result, oldest first. */
  history: QualityHistoryPoint[];
}

export function profileScore(result: ProfileResult): ProfileScore {
  const required = result.checks.filter((c) => c.level === 'required');
  const requiredPassing = required.filter((c) => c.pass).length;
  return {
    profile: result.profile,
    pass: result.pass,
    requiredPassing,
    required: required.length,
    score: required.length === 0 ? 1 : requiredPassing / required.length,
    covered: result.checks.reduce((n, c) => n + c.covered, 0),
    total: result.checks.reduce((n, c) => n + c.total, 0),
  };
}

const when = (i: ImportRecord): string => i.finishedAt ?? i.startedAt;

export async function releaseQuality(store: Store, releaseId: number): Promise<ReleaseQuality> {
  await getRelease(store, releaseId);
  const imports = (await store.listImports(releaseId))
    .filter((i) => i.status === 'succeeded')
    .sort((a, b) => a.id - b.id);
  const stored = new Map<number, ProfileResult[]>();
  for (const q of await store.listImportQuality(imports.map((i) => i.id)))
    stored.set(q.importId, [...(stored.get(q.importId) ?? []), q.result]);
  const lastReplace = imports.map((i) => i.mode).lastIndexOf('replace');
  const current = lastReplace < 0 ? imports : imports.slice(lastReplace);
  return {
    releaseId,
    documents: current.map((i) => ({
      importId: i.id,
      fileName: i.fileName,
      at: when(i),
      profiles: stored.get(i.id) ?? [],
    })),
    history: imports
      .filter((i) => stored.has(i.id))
      .map((i) => ({
        importId: i.id,
        fileName: i.fileName,
        at: when(i),
        scores: stored.get(i.id)!.map(profileScore),
      })),
  };
}
