// Annex II: information and instructions to the user (CRA Art. 13(18); reference note §1.6).
import { factOrMissing, paragraph, type Document } from './document.js';
import { info, productLine, REGULATION, supportEnd, type DocumentContext } from './context.js';

export function annexII(ctx: DocumentContext): Document {
  const { record } = ctx;
  const contacts = record.cvd.contacts.join(', ');
  return {
    title: `Security information for users: ${productLine(ctx)}`,
    subtitle: `${REGULATION}, Annex II. Issued ${ctx.date}.`,
    sections: [
      {
        heading: '1. Manufacturer',
        clause: 'CRA Annex II (1)',
        blocks: [
          info(ctx, 'manufacturerName'),
          info(ctx, 'manufacturerAddress'),
          info(ctx, 'manufacturerEmail'),
          ...(record.information.manufacturerWebsite ? [info(ctx, 'manufacturerWebsite')] : []),
        ],
      },
      {
        heading: '2. Reporting vulnerabilities',
        clause: 'CRA Annex II (2), Art. 13(17)',
        blocks: [
          factOrMissing('Single point of contact for vulnerability reports', contacts, 'cvd.contacts'),
          factOrMissing('Coordinated vulnerability disclosure policy', record.cvd.policyUrl, 'cvd.policyUrl'),
        ],
      },
      {
        heading: '3. Product identification',
        clause: 'CRA Annex II (3)',
        blocks: [factOrMissing('Product', productLine(ctx), 'product'), info(ctx, 'productType')],
      },
      { heading: '4. Intended purpose', clause: 'CRA Annex II (4)', blocks: [info(ctx, 'intendedPurpose')] },
      {
        heading: '5. Foreseeable misuse and risks',
        clause: 'CRA Annex II (5)',
        blocks: [info(ctx, 'foreseeableMisuse')],
      },
      { heading: '6. EU declaration of conformity', clause: 'CRA Annex II (6)', blocks: [info(ctx, 'docUrl')] },
      {
        heading: '7. Technical security support',
        clause: 'CRA Annex II (7), Art. 13(19)',
        blocks: [
          info(ctx, 'supportType'),
          factOrMissing('End of the support period (month/year)', supportEnd(ctx), 'support.endMonth'),
        ],
      },
      {
        heading: '8. Instructions',
        clause: 'CRA Annex II (8)',
        blocks: [
          info(ctx, 'instructionsCommissioning'),
          info(ctx, 'instructionsChanges'),
          info(ctx, 'instructionsUpdates'),
          info(ctx, 'instructionsDecommissioning'),
          info(ctx, 'instructionsAutoUpdateOff'),
          ...(record.information.instructionsIntegrators ? [info(ctx, 'instructionsIntegrators')] : []),
        ],
      },
      {
        heading: '9. Software bill of materials',
        clause: 'CRA Annex II (9)',
        blocks: [
          record.information.sbomUrl
            ? info(ctx, 'sbomUrl')
            : paragraph(
                'The manufacturer does not make the SBOM available to users (Annex II (9) applies only when it does).',
              ),
        ],
      },
    ],
  };
}
