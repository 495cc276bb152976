import type { ComplianceAction, Exploitation, Linking, Modification, Obligation } from '../kb/types.js';

export interface UsageContext {
  exploitation: Exploitation;
  modification: Modification;
  /** Recorded for explanations; like Hermine, linking does not change which obligations apply. */
  linking?: Linking;
}

/** Which obligation exploitation triggers a usage's exploitation sets off. */
const TRIGGERED_BY: Record<Exploitation, readonly Exploitation[]> = {
  // Distributing in both forms includes distributing source only and binaries only.
  distribution: ['distribution', 'distribution-source', 'distribution-binary'],
  'distribution-source': ['distribution', 'distribution-source'],
  'distribution-binary': ['distribution', 'distribution-binary'],
  network: ['network'],
  internal: ['internal'],
};

export function exploitationTriggers(obligation: Obligation, exploitation: Exploitation): boolean {
  // DON'T obligations bind whatever the exploitation; an untagged obligation binds always.
  if (obligation.passivity === 'dont' || obligation.exploitation === null) return true;
  return TRIGGERED_BY[exploitation].includes(obligation.exploitation);
}

export function modificationTriggers(obligation: Obligation, modification: Modification): boolean {
  return (
    obligation.modification === null || obligation.modification === 'either' || obligation.modification === modification
  );
}

export interface TriggeredObligations {
  obligations: Obligation[];
  /** Compliance actions the triggered obligations map to, once each, in first-triggered order. */
  actions: ComplianceAction[];
  /** Triggered obligations with no compliance action (licence-specific clauses). */
  specific: Obligation[];
  /** Action names referenced but absent from the action list given. */
  unknownActions: string[];
}

/**
 * The obligations of the given licences that a usage context triggers, and the compliance actions
 * they lead to (Hermine's rule: exploitation and modification triggers must both match).
 */
export function triggerObligations(
  context: UsageContext,
  obligations: readonly Obligation[],
  actions: readonly ComplianceAction[] = [],
): TriggeredObligations {
  const triggered = obligations.filter(
    (o) => exploitationTriggers(o, context.exploitation) && modificationTriggers(o, context.modification),
  );
  const byName = new Map(actions.map((a) => [a.name, a]));
  const seen = new Set<string>();
  const out: ComplianceAction[] = [];
  const unknown = new Set<string>();
  for (const o of triggered) {
    if (o.action === null || seen.has(o.action)) continue;
    seen.add(o.action);
    const action = byName.get(o.action);
    if (action) out.push(action);
    else unknown.add(o.action);
  }
  return {
    obligations: triggered,
    actions: out,
    specific: triggered.filter((o) => o.action === null),
    unknownActions: [...unknown],
  };
}
