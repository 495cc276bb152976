// Lineage compliance (issue 10 item 5): the obligations a model inherits along its lineage edges
// (base model → fine-tune, dataset → model), each explained by its edge. The edges are the
// release's stored lineage (snapshot.lineage); the licences at the far end are the ones validation
// established for that version's usages, so curations, choices and derogations recorded for the
// base model or dataset are reused exactly as for code.
import type { LineageKind } from '../model/ai.js';
import type { Exploitation } from '../model/usage-context.js';
import type { Obligation } from '../licenses/kb/types.js';
import { exploitationTriggers, modificationTriggers, propagatedObligations } from '../licenses/obligations/index.js';
import { usageLabel, type ReleaseSnapshot, type ReleaseUsage } from './snapshot.js';

/** What one usage's resolved licences and exploitation are, as validation concluded. */
export interface ResolvedFacts {
  usageId: number;
  licenses: string[] | null;
  exploitation: Exploitation | null;
}

export interface InheritedObligation {
  /** The model usage the obligation binds. */
  target: ReleaseUsage;
  exploitation: Exploitation;
  obligation: Obligation;
  /** The edge, e.g. `fine-tuned-from meta-llama/Llama-3.1-8B@3.1 (LicenseRef-…)`. */
  via: string;
  kind: LineageKind;
  /** The base model or dataset at the far end. */
  source: ReleaseUsage;
  license: string;
  reason: string;
}

function obligationIndex(obligations: readonly Obligation[]): Map<string, Obligation[]> {
  const map = new Map<string, Obligation[]>();
  for (const o of obligations) {
    const k = o.license.toLowerCase();
    map.set(k, [...(map.get(k) ?? []), o]);
  }
  return map;
}

/**
 * Every obligation inherited along the release's lineage, triggered in the model usage's context:
 * its exploitation, and "modified" (a model built from something is an adaptation of it). A
 * primary-component model (parent null) is the product itself: the far end's own usages are the
 * context then.
 */
export function inheritedObligations(
  snapshot: ReleaseSnapshot,
  resolved: readonly ResolvedFacts[],
): InheritedObligation[] {
  const links = snapshot.lineage ?? [];
  if (links.length === 0) return [];
  const facts = new Map(resolved.map((r) => [r.usageId, r]));
  const byVersion = new Map<number, ReleaseUsage[]>();
  for (const u of snapshot.usages) {
    if (u.usage.status === 'ignored') continue;
    byVersion.set(u.version.id, [...(byVersion.get(u.version.id) ?? []), u]);
  }
  const obligations = obligationIndex(snapshot.knowledgeBase.obligations);
  const out: InheritedObligation[] = [];
  for (const link of links) {
    const sources = byVersion.get(link.childVersionId) ?? [];
    const source = sources.find((s) => facts.get(s.usage.id)?.licenses);
    if (!source) continue;
    const licenses = facts.get(source.usage.id)!.licenses!;
    const targets = link.parentVersionId === null ? sources : (byVersion.get(link.parentVersionId) ?? []);
    for (const target of targets) {
      const exploitation = facts.get(target.usage.id)?.exploitation;
      if (!exploitation) continue;
      for (const license of licenses) {
        for (const p of propagatedObligations(link.kind, obligations.get(license.toLowerCase()) ?? [])) {
          if (!exploitationTriggers(p.obligation, exploitation) || !modificationTriggers(p.obligation, 'modified'))
            continue;
          out.push({
            target,
            exploitation,
            obligation: p.obligation,
            via: `${link.kind} ${usageLabel(source)} (${license})`,
            kind: link.kind,
            source,
            license,
            reason: p.reason,
          });
        }
      }
    }
  }
  return out;
}
