export {
  triggerObligations,
  exploitationTriggers,
  modificationTriggers,
  type UsageContext,
  type TriggeredObligations,
} from './trigger.js';
export { propagatedObligations, forbidsAdaptation, type PropagatedObligation } from './lineage.js';
