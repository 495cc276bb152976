// The probe table: every test a profile check can name.
import { COMPONENT_PROBES, type ComponentProbe } from './component.js';
import { DOCUMENT_PROBES, type DocumentProbe, type DocumentVerdict } from './document.js';
import { AI_COMPONENT_PROBES, AI_DOCUMENT_PROBES } from './ai.js';

export const PROBES: Readonly<Record<ProbeId, DocumentProbe | ComponentProbe>> = {
  ...DOCUMENT_PROBES,
  ...COMPONENT_PROBES,
  ...AI_DOCUMENT_PROBES,
  ...AI_COMPONENT_PROBES,
};
export type ProbeId =
  | keyof typeof DOCUMENT_PROBES
  | keyof typeof COMPONENT_PROBES
  | keyof typeof AI_DOCUMENT_PROBES
  | keyof typeof AI_COMPONENT_PROBES;
export type { ComponentProbe, DocumentProbe, DocumentVerdict };
export { BSI_PROPERTY } from './component.js';
