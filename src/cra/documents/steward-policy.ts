// The cybersecurity policy of an open-source software steward (CRA Art. 24(1)-(2)).
import { STEWARD_POLICY_ELEMENTS, STEWARD_REPORTING_NOTE, authorityContactsProblem } from '../record/steward.js';
import { factOrMissing, paragraph, type Document } from './document.js';
import { productLine, type DocumentContext } from './context.js';

export function stewardPolicy(ctx: DocumentContext): Document {
  const { steward } = ctx.record;
  const contactsProblem = authorityContactsProblem(steward.authorityContacts);
  return {
    title: `Cybersecurity policy of the open-source software steward: ${productLine(ctx)}`,
    subtitle: `Regulation (EU) 2024/2847, Art. 24. Issued ${ctx.date}.`,
    sections: [
      {
        heading: 'Policy elements',
        clause: 'CRA Art. 24(1)',
        blocks: STEWARD_POLICY_ELEMENTS.map((e) =>
          factOrMissing(e.label, steward.policyElements[e.key], `steward.policyElements.${e.key}`, e.clause),
        ),
      },
      {
        heading: 'Cooperation with market surveillance authorities',
        clause: 'CRA Art. 24(2)',
        blocks: [
          factOrMissing('Contacts', steward.authorityContacts.join(', '), 'steward.authorityContacts'),
          ...(contactsProblem && steward.authorityContacts.length ? [paragraph(`Note: ${contactsProblem}`)] : []),
        ],
      },
      { heading: 'Reporting', clause: 'CRA Art. 24(3)', blocks: [paragraph(STEWARD_REPORTING_NOTE)] },
    ],
  };
}
