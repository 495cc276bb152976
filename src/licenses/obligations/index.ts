export { triggerObligations, exploitationTriggers, modificationTriggers, type UsageContext, type TriggeredObligations } from './trigger.js';
