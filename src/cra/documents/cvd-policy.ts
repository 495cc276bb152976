// A coordinated vulnerability disclosure policy (CRA Annex I Part II (5)-(6), Art. 13(17); for
// stewards Art. 24(1)): a template filled from the record, naming what is missing.
import { factOrMissing, paragraph, type Document } from './document.js';
import { info, productLine, type DocumentContext } from './context.js';

export function cvdPolicy(ctx: DocumentContext): Document {
  const { record } = ctx;
  const steward = ctx.assessment.scope?.role === 'open-source-steward';
  const who = record.information.manufacturerName?.trim() || ctx.productName;
  return {
    title: `Coordinated vulnerability disclosure policy: ${productLine(ctx)}`,
    subtitle: `CRA Annex I Part II (5) and (6)${steward ? ', Art. 24(1)' : ''}. Issued ${ctx.date}.`,
    sections: [
      {
        heading: 'Who we are',
        blocks: [
          steward
            ? factOrMissing(
                'Open-source software steward',
                record.information.manufacturerName,
                'information.manufacturerName',
              )
            : info(ctx, 'manufacturerName'),
        ],
      },
      {
        heading: 'How to report a vulnerability',
        clause: 'CRA Art. 13(17), Annex I Part II (6)',
        blocks: [
          factOrMissing('Contact', record.cvd.contacts.join(', '), 'cvd.contacts'),
          ...(record.cvd.preferredLanguages.length
            ? [factOrMissing('Languages', record.cvd.preferredLanguages.join(', '), 'cvd.preferredLanguages')]
            : []),
          paragraph(
            'Please describe the affected product and version, the vulnerability and its impact, and how to reproduce it. Reports by people are welcome, not only by automated tools.',
          ),
        ],
      },
      {
        heading: 'What we do with a report',
        clause: 'CRA Annex I Part II (2), (4)',
        blocks: [
          paragraph(
            `${who} acknowledges each report, assesses it, keeps the reporter informed, and fixes confirmed vulnerabilities without undue delay, where feasible in a security update separate from feature updates.`,
          ),
          paragraph(
            'Once a fix is available, the vulnerability is disclosed publicly with a description, the affected products, its impact and severity, and how to remediate it. Disclosure may be delayed, in duly justified cases, until users have been able to apply the fix.',
          ),
        ],
      },
      {
        heading: 'Actively exploited vulnerabilities and severe incidents',
        clause: steward ? 'CRA Art. 24(3), Art. 14' : 'CRA Art. 14',
        blocks: [
          paragraph(
            steward
              ? 'As an open-source software steward we notify actively exploited vulnerabilities to the extent we are involved in the development of the product, and severe incidents affecting the systems we provide for its development (Art. 24(3)).'
              : 'Actively exploited vulnerabilities and severe incidents are notified to the coordinating CSIRT and ENISA through the single reporting platform (early warning within 24 hours, notification within 72 hours), and users are informed of them and of the measures they can take (Art. 14(8)).',
          ),
          ...(record.cvd.csafUrl
            ? [factOrMissing('Machine-readable advisories (CSAF)', record.cvd.csafUrl, 'cvd.csafUrl')]
            : []),
        ],
      },
      {
        heading: 'Where this policy is published',
        blocks: [factOrMissing('Policy URL', record.cvd.policyUrl, 'cvd.policyUrl', 'CRA Annex I Part II (5)')],
      },
    ],
  };
}
