// Annex VII: the index of the technical documentation (CRA Art. 31; reference note §1.9), pointing
// at the other files of the bundle. For a steward, the index of the Art. 24 documents instead.
import { SUPPORT_FACTORS } from '../product/support-period.js';
import { factOrMissing, paragraph, type Block, type Document } from './document.js';
import { info, productLine, REGULATION, type DocumentContext } from './context.js';
import { BUNDLE_FILES } from './bundle-files.js';

const FACTOR_LABELS: Record<string, string> = {
  expectedUseTime: 'Time the product is expected to be in use',
  userExpectations: 'Reasonable user expectations',
  natureAndPurpose: 'Nature of the product and its intended purpose',
  similarProducts: 'Support periods of similar products',
  operatingEnvironment: 'Availability of the operating environment',
  coreComponentSupport: 'Support periods of integrated core components',
  adcoGuidance: 'Guidance of the administrative cooperation group (ADCO)',
};

function supportBlocks(ctx: DocumentContext): Block[] {
  const s = ctx.record.support;
  if (!s) return [factOrMissing('Support period', null, 'support')];
  const blocks: Block[] = [
    factOrMissing('Placed on the market', s.start, 'support.start'),
    factOrMissing('End of support (last month)', s.endMonth, 'support.endMonth'),
    ...SUPPORT_FACTORS.filter((f) => s.factors[f]?.trim()).map((f) =>
      factOrMissing(FACTOR_LABELS[f] ?? f, s.factors[f], `support.factors.${f}`, 'CRA Art. 13(8)'),
    ),
  ];
  if (s.shortExpectedUse)
    blocks.push(
      factOrMissing(
        'Expected use shorter than five years',
        s.shortExpectedUse,
        'support.shortExpectedUse',
        'CRA Art. 13(8)',
      ),
    );
  for (const c of s.coreComponents ?? [])
    blocks.push({
      kind: 'fact',
      label: `Core component ${c.name}`,
      value: `supported until ${c.endOfSupport}`,
      clause: 'CRA Art. 13(8)',
    });
  for (const f of ctx.assessment.support)
    blocks.push(paragraph(`${f.severity === 'error' ? 'Error' : 'Warning'}: ${f.message} (${f.clause})`));
  if (ctx.assessment.retention)
    blocks.push({
      kind: 'fact',
      label: 'Keep this documentation until',
      value: ctx.assessment.retention.documentation,
      clause: 'CRA Art. 13(13)',
    });
  return blocks;
}

const file = (label: string, path: string): Block => ({ kind: 'fact', label, value: `see ${path}` });

export function technicalFileIndex(ctx: DocumentContext): Document {
  const c = ctx.assessment.classification;
  return {
    title: `Technical documentation: ${productLine(ctx)}`,
    subtitle: `${REGULATION}, Art. 31 and Annex VII. Issued ${ctx.date}.`,
    sections: [
      {
        heading: 'Classification and conformity assessment',
        clause: 'CRA Art. 7, Art. 32',
        blocks: [
          factOrMissing('Class', c ? c.explanation : null, 'category'),
          factOrMissing('Conformity assessment route', ctx.record.route, 'route'),
        ],
      },
      {
        heading: '1. General description',
        clause: 'CRA Annex VII (1)',
        blocks: [
          info(ctx, 'intendedPurpose', 'CRA Annex VII (1)(a)'),
          factOrMissing('Software versions affecting compliance', ctx.release, 'release', 'CRA Annex VII (1)(b)'),
          paragraph(
            '(c) Photographs or illustrations of external features, marking and internal layout: for hardware products only, kept beside this bundle.',
          ),
          file('(d) User information and instructions (Annex II)', BUNDLE_FILES.annexII),
        ],
      },
      {
        heading: '2. Design, development, production and vulnerability handling',
        clause: 'CRA Annex VII (2)',
        blocks: [
          info(ctx, 'designDescription'),
          ctx.sbomFile
            ? file('Software bill of materials', ctx.sbomFile)
            : factOrMissing(
                'Software bill of materials',
                null,
                'release (give a release with an SBOM)',
                'CRA Annex VII (2)(b), Annex I Part II (1)',
              ),
          file('Coordinated vulnerability disclosure policy', BUNDLE_FILES.cvdPolicy),
          file('Contact for vulnerability reports (RFC 9116)', BUNDLE_FILES.securityTxt),
          ...(ctx.record.cvd.csafUrl
            ? [
                file(
                  'Security advisories of fixed vulnerabilities (CSAF 2.0 provider directory, Annex I Part II (4))',
                  'csaf/provider-metadata.json',
                ),
              ]
            : []),
          info(ctx, 'updateDistribution'),
          info(ctx, 'productionProcesses'),
        ],
      },
      {
        heading: '3. Cybersecurity risk assessment',
        clause: 'CRA Annex VII (3), Art. 13(2)-(4)',
        blocks: [
          info(ctx, 'riskAssessment'),
          file('How each essential requirement of Annex I is addressed', BUNDLE_FILES.annexI),
        ],
      },
      { heading: '4. Support period', clause: 'CRA Annex VII (4), Art. 13(8)', blocks: supportBlocks(ctx) },
      {
        heading: '5. Standards and specifications applied',
        clause: 'CRA Annex VII (5)',
        blocks: [info(ctx, 'standardsApplied')],
      },
      { heading: '6. Test reports', clause: 'CRA Annex VII (6)', blocks: [info(ctx, 'testReports')] },
      {
        heading: '7. EU declaration of conformity',
        clause: 'CRA Annex VII (7)',
        blocks: [
          file('Copy of the EU declaration of conformity', BUNDLE_FILES.annexV),
          file('Simplified declaration (Annex VI)', BUNDLE_FILES.annexVI),
        ],
      },
      {
        heading: '8. SBOM for market surveillance authorities',
        clause: 'CRA Annex VII (8)',
        blocks: [
          paragraph('Provided on reasoned request of a market surveillance authority; see the SBOM listed under 2.'),
        ],
      },
      {
        heading: 'Integrity',
        blocks: [paragraph(`${BUNDLE_FILES.manifest} lists every file of this bundle with its SHA-256 hash.`)],
      },
    ],
  };
}

/** The index for roles without Annex VII documentation: what applies instead. */
export function roleIndex(ctx: DocumentContext): Document {
  const scope = ctx.assessment.scope;
  const steward = scope?.role === 'open-source-steward';
  return {
    title: `CRA documents: ${productLine(ctx)}`,
    subtitle: `${REGULATION}. Issued ${ctx.date}.`,
    sections: [
      {
        heading: 'Role',
        clause: steward ? 'CRA Art. 3(14), Art. 24' : undefined,
        blocks: [
          factOrMissing('Operator role', scope ? `${scope.role}: ${scope.reasons.join('; ')}` : null, 'roleAnswers'),
        ],
      },
      ...(steward
        ? [
            {
              heading: 'Documents',
              blocks: [
                file('Cybersecurity policy (Art. 24(1))', BUNDLE_FILES.stewardPolicy),
                file('Coordinated vulnerability disclosure policy', BUNDLE_FILES.cvdPolicy),
                file('Contact for vulnerability reports (RFC 9116)', BUNDLE_FILES.securityTxt),
              ],
            },
          ]
        : [
            {
              heading: 'Documents',
              blocks: [
                paragraph(
                  scope?.inScope === false
                    ? 'Out of the scope of the regulation: no CRA documents are due.'
                    : `Duties: ${scope?.duties.join('; ') || 'none'}. This role verifies the manufacturer's documents rather than issuing them.`,
                ),
              ],
            },
          ]),
    ],
  };
}
