import type { ComplianceAction, KnowledgeBase, Obligation } from '../licenses/kb/types.js';
import { exploitationTriggers, modificationTriggers } from '../licenses/obligations/index.js';
import type { Exploitation, Modification } from '../model/usage-context.js';
import { componentKey, usageLabel, type ReleaseSnapshot, type ReleaseUsage } from './snapshot.js';
import type { ReleaseValidation } from './validate-release.js';
import { inheritedObligations } from './lineage.js';

export interface TriggeringUsage {
  usageId: number;
  component: string;
  componentKey: string;
  version: string;
  project: string;
  scope: string;
  exploitation: string;
  modification: Modification;
  /** Licences of this usage that trigger the action, and through which obligations. */
  licenses: string[];
  obligations: string[];
  /** Set when the usage inherits these obligations along an AI lineage edge (compliance/lineage.ts): the edge. */
  via?: string;
  /** Why the obligations travel along that edge. */
  reason?: string;
}

export interface ObligationGroup {
  /** Compliance action name, or `licence-specific: <licence>` for obligations with no action. */
  name: string;
  action: ComplianceAction | null;
  core: boolean;
  category: string | null;
  /** The licence clauses that lead here, once each. */
  obligations: { license: string; name: string; clause: string | null }[];
  usages: TriggeringUsage[];
}

export interface ReleaseObligations {
  releaseId: number;
  /** The actions some usage triggers through a licence clause: core actions first, then by number of usages. */
  groups: ObligationGroup[];
  /**
   * Core actions (included by default in every plan, as in Hermine) that no usage triggers: listed
   * apart, since no licence clause of this release calls for them (issue 8 item 10).
   */
  coreActions: ComplianceAction[];
  /** Usages left out: licence or exploitation still unknown. */
  unresolved: { usageId: number; component: string; reason: string }[];
  assumptions: string[];
  /** Action names referenced by obligations but missing from the knowledge base. */
  unknownActions: string[];
}

/**
 * The compliance plan of a release: triggered obligations grouped by compliance action, with the
 * usages that trigger each. Works on the effective licences validation could establish, whether or
 * not every step passed.
 */
export function releaseObligations(snapshot: ReleaseSnapshot, validation: ReleaseValidation): ReleaseObligations {
  const kb = snapshot.knowledgeBase;
  const byLicense = obligationsByLicense(kb);
  const actions = new Map(kb.actions.map((a) => [a.name, a]));
  const items = new Map<number, ReleaseUsage>(snapshot.usages.map((u) => [u.usage.id, u]));
  const groups = new Map<string, ObligationGroup>();
  const unresolved: ReleaseObligations['unresolved'] = [];
  const unknownActions = new Set<string>();
  let assumedUnmodified = 0;
  const plans = new Map<string, { group: ObligationGroup; licenses: string[]; obligations: string[] }[]>();

  /** The groups a set of licences triggers in one context, with the licences and clauses involved. */
  const plan = (licenses: readonly string[], exploitation: Exploitation, modification: Modification) => {
    const out: { group: ObligationGroup; licenses: string[]; obligations: string[] }[] = [];
    for (const license of licenses) {
      for (const o of obligationsOf(byLicense, license)) {
        if (!exploitationTriggers(o, exploitation) || !modificationTriggers(o, modification)) continue;
        const action = o.action === null ? null : (actions.get(o.action) ?? null);
        if (o.action !== null && !action) unknownActions.add(o.action);
        const name = o.action ?? `licence-specific: ${o.license}`;
        let group = groups.get(name);
        if (!group) {
          group = {
            name,
            action,
            core: action?.core ?? false,
            category: action?.category ?? null,
            obligations: [],
            usages: [],
          };
          groups.set(name, group);
        }
        if (!group.obligations.some((x) => x.license === o.license && x.name === o.name)) {
          group.obligations.push({ license: o.license, name: o.name, clause: o.clause });
        }
        let entry = out.find((e) => e.group === group);
        if (!entry) out.push((entry = { group, licenses: [], obligations: [] }));
        if (!entry.licenses.includes(license)) entry.licenses.push(license);
        if (!entry.obligations.includes(o.name)) entry.obligations.push(o.name);
      }
    }
    return out;
  };

  for (const r of validation.usages) {
    const item = items.get(r.usageId)!;
    if (!r.licenses || !r.exploitation) {
      unresolved.push({
        usageId: r.usageId,
        component: usageLabel(item),
        reason: !r.licenses ? 'effective licence not established yet' : 'exploitation not set',
      });
      continue;
    }
    const modified = item.usage.modified;
    if (modified === null) assumedUnmodified++;
    const modification: Modification = modified ? 'modified' : 'unmodified';
    // Usages sharing licences and context trigger the same things: work it out once per context.
    const contextKey = `${r.licenses.join('\u0000')}\u0001${r.exploitation}\u0001${modification}`;
    let triggered = plans.get(contextKey);
    if (!triggered) {
      triggered = plan(r.licenses, r.exploitation, modification);
      plans.set(contextKey, triggered);
    }
    const label = usageLabel(item);
    const key = componentKey(item.component);
    for (const t of triggered) {
      t.group.usages.push({
        usageId: r.usageId,
        component: label,
        componentKey: key,
        version: item.version.number,
        project: item.usage.project,
        scope: item.usage.scope,
        exploitation: r.exploitation,
        modification,
        licenses: t.licenses,
        obligations: t.obligations,
      });
    }
  }
  // AI lineage: a model inherits obligations of its base model and, where their licences reach it, its datasets.
  for (const inh of inheritedObligations(snapshot, validation.usages)) {
    const o = inh.obligation;
    const action = o.action === null ? null : (actions.get(o.action) ?? null);
    if (o.action !== null && !action) unknownActions.add(o.action);
    const name = o.action ?? `licence-specific: ${o.license}`;
    let group = groups.get(name);
    if (!group) {
      group = {
        name,
        action,
        core: action?.core ?? false,
        category: action?.category ?? null,
        obligations: [],
        usages: [],
      };
      groups.set(name, group);
    }
    if (!group.obligations.some((x) => x.license === o.license && x.name === o.name))
      group.obligations.push({ license: o.license, name: o.name, clause: o.clause });
    const label = usageLabel(inh.target);
    let entry = group.usages.find((u) => u.usageId === inh.target.usage.id && u.via === inh.via);
    if (!entry) {
      entry = {
        usageId: inh.target.usage.id,
        component: label,
        componentKey: componentKey(inh.target.component),
        version: inh.target.version.number,
        project: inh.target.usage.project,
        scope: inh.target.usage.scope,
        exploitation: inh.exploitation,
        modification: 'modified',
        licenses: [],
        obligations: [],
        via: inh.via,
        reason: inh.reason,
      };
      group.usages.push(entry);
    }
    if (!entry.licenses.includes(inh.license)) entry.licenses.push(inh.license);
    if (!entry.obligations.includes(o.name)) entry.obligations.push(o.name);
  }
  // A group is made when a clause matches a context, but only a usage makes it an obligation.
  const sorted = [...groups.values()]
    .filter((g) => g.usages.length > 0)
    .sort(
      (a, b) => Number(b.core) - Number(a.core) || b.usages.length - a.usages.length || a.name.localeCompare(b.name),
    );
  const assumptions = assumedUnmodified
    ? [`${assumedUnmodified} usage(s) do not say whether the component was modified: treated as unmodified.`]
    : [];
  const coreActions = kb.actions
    .filter((a) => a.core && !sorted.some((g) => g.name === a.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    releaseId: snapshot.release.id,
    groups: sorted,
    coreActions,
    unresolved,
    assumptions,
    unknownActions: [...unknownActions].sort(),
  };
}

function obligationsByLicense(kb: KnowledgeBase): Map<string, Obligation[]> {
  const map = new Map<string, Obligation[]>();
  for (const o of kb.obligations) {
    const k = o.license.toLowerCase();
    const list = map.get(k);
    if (list) list.push(o);
    else map.set(k, [o]);
  }
  return map;
}

/** A `X WITH Y` leaf carries the obligations of X (and of Y when the KB lists the exception). */
function obligationsOf(map: Map<string, Obligation[]>, license: string): Obligation[] {
  const lower = license.toLowerCase();
  const own = map.get(lower);
  if (own) return own;
  const at = lower.indexOf(' with ');
  if (at < 0) return [];
  return [...(map.get(lower.slice(0, at)) ?? []), ...(map.get(lower.slice(at + 6)) ?? [])];
}
