import {
  ANALYSIS_RESPONSES,
  CDX_JUSTIFICATIONS,
  VEX_JUSTIFICATIONS,
  type AnalysisResponse,
  type AnalysisState,
  type CdxJustification,
  type VexAnalysis,
  type VexJustification,
  type VexStatement,
} from '../vex/index.js';
import type { VulnerabilityFinding } from './finding.js';

/** The analysis of a finding in the VEX model; its justification in whichever vocabulary it came. */
function analysisOf(f: VulnerabilityFinding): VexAnalysis {
  const analysis: VexAnalysis = { state: (f.analysis?.state ?? 'in_triage') as AnalysisState, responses: [] };
  const responses = (f.analysis?.responses ?? []).filter((r): r is AnalysisResponse =>
    (ANALYSIS_RESPONSES as readonly string[]).includes(r),
  );
  if (responses.length > 0) analysis.responses = responses;
  if (f.analysis?.detail) analysis.detail = f.analysis.detail;
  if (f.analysis?.actionStatement) analysis.actionStatement = f.analysis.actionStatement;
  const j = f.analysis?.justification;
  if (j && (CDX_JUSTIFICATIONS as readonly string[]).includes(j)) analysis.justification = j as CdxJustification;
  else if (j && (VEX_JUSTIFICATIONS as readonly string[]).includes(j))
    analysis.vexJustification = j as VexJustification;
  return analysis;
}

/**
 * A scan's findings as VEX statements about the SBOM's components: the recorded analysis when a
 * finding has one, otherwise `in_triage` (a match nobody has assessed yet is under investigation,
 * not "affected").
 */
export function findingsAsVex(findings: readonly VulnerabilityFinding[], timestamp: string): VexStatement[] {
  return findings.map((f) => ({
    vulnerability: {
      id: f.vulnerability.id,
      aliases: f.vulnerability.aliases,
      ...(f.vulnerability.summary ? { description: f.vulnerability.summary } : {}),
    },
    product: {
      ...(f.component.purl ? { purl: f.component.purl } : {}),
      ref: f.component.ref,
      name: f.component.name,
      ...(f.component.version ? { version: f.component.version } : {}),
    },
    analysis: analysisOf(f),
    timestamp,
  }));
}
