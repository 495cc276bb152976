import type { ReleaseValidation } from '../compliance/validate-release.js';
import { STEP_NAMES, STEP_RULES, type Blocker, type StepNumber } from '../compliance/finding.js';

export interface SarifOptions {
  /** The SBOM (or lockfile) the results point at, relative to the repository root when possible. */
  artifactUri: string;
  toolVersion?: string;
}

const STEP_HELP: Record<StepNumber, string> = {
  1: 'Every usage must have a valid SPDX licence expression; record a curation for strings that are not.',
  2: 'Licences joined by AND without any OR must be confirmed (kept as AND, or rewritten as the OR they meant).',
  3: 'Every (project, scope) of the release needs exactly one exploitation.',
  4: 'Every expression offering a choice (OR, or-later) needs a recorded licence choice.',
  5: 'Every applicable licence must be always allowed by the policy, or covered by a derogation or authorised context.',
  6: 'Every applicable licence must be compatible with the release outbound licences for its linking and exploitation.',
};

/** A SARIF 2.1.0 log: one result per blocker, one rule per validation step. */
export function renderSarif(validation: ReleaseValidation, options: SarifOptions): string {
  return [...sarifChunks(validation, options)].join('');
}

/** Where the results go in the log's text: the skeleton is cut there and each result written in place. */
const RESULTS_MARK = '\u0000vigie-results\u0000';
/** Results stringified at once (one native JSON.stringify per batch, not per result). */
const RESULTS_PER_CHUNK = 256;
/** What JSON.stringify writes around a batch nested as `{ r: [{ r: batch }] }`: the batch's items sit at the depth of the log's results. */
const NESTED_OPEN = '{\n  "r": [\n    {\n      "r": [\n';
const NESTED_CLOSE = '\n      ]\n    }\n  ]\n}';

/**
 * The same text as renderSarif, in pieces: the log around the results, then one result at a time, so a
 * download of a release with many blockers is written as it is produced instead of built whole first.
 */
export function* sarifChunks(validation: ReleaseValidation, options: SarifOptions): Generator<string> {
  const steps = [1, 2, 3, 4, 5, 6] as const;
  const rules = steps.map((s) => ({
    id: STEP_RULES[s],
    name: STEP_NAMES[s].replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: `Release validation step ${s}: ${STEP_NAMES[s]}` },
    fullDescription: { text: STEP_HELP[s] },
    help: { text: STEP_HELP[s] },
    defaultConfiguration: { level: 'error' },
  }));
  // Each step's blockers are asked for when its results are written: a stored run rebuilds them a
  // step at a time (run-report.ts), not all of a large release's at once before the first byte.
  const none = validation.blockerCount === 0;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vigie',
            informationUri: 'https://github.com/vigie-compliance/vigie',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules,
          },
        },
        artifacts: [{ location: { uri: options.artifactUri }, roles: ['analysisTarget'] }],
        results: none ? [] : RESULTS_MARK,
        properties: {
          validationStep: validation.validationStep,
          ...(validation.settings ? { acceptNormaliser: validation.settings.acceptNormaliser } : {}),
        },
      },
    ],
  };
  const skeleton = JSON.stringify(log, null, 2) + '\n';
  if (none) {
    yield skeleton;
    return;
  }
  const [before, after] = skeleton.split(JSON.stringify(RESULTS_MARK)) as [string, string];
  yield `${before}[\n`;
  let first = true;
  for (const step of validation.steps) {
    const blockers = step.blockers;
    for (let start = 0; start < blockers.length; start += RESULTS_PER_CHUNK) {
      const batch = blockers.slice(start, start + RESULTS_PER_CHUNK).map((b) => resultOf(b, options.artifactUri));
      // Nested as deep as the log's results, so JSON.stringify indents them as it would in place.
      const text = JSON.stringify({ r: [{ r: batch }] }, null, 2);
      const items = text.slice(NESTED_OPEN.length, text.length - NESTED_CLOSE.length);
      yield `${first ? '' : ',\n'}${items}`;
      first = false;
    }
  }
  yield `\n      ]${after}`;
}

function resultOf(b: Blocker, uri: string) {
  const logical =
    b.purl ??
    b.componentKey ??
    (b.component === null ? `${b.project || '(root)'}/${b.scope || '(none)'}` : b.component);
  return {
    ruleId: STEP_RULES[b.step],
    ruleIndex: b.step - 1,
    level: 'error',
    message: { text: `${b.message} Fix: ${b.fix.hint}` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri, index: 0 }, region: { startLine: 1 } },
        logicalLocations: [{ name: b.component ?? logical, fullyQualifiedName: logical, kind: 'module' }],
      },
    ],
    partialFingerprints: { vigieBlocker: [b.rule, logical, b.license ?? '', b.project, b.scope].join('|') },
    properties: {
      kind: b.kind,
      license: b.license,
      project: b.project,
      scope: b.scope,
      usageIds: b.usageIds,
      fixAction: b.fix.action,
      suggestions: b.fix.suggestions,
      decisions: b.decisions,
    },
  };
}
