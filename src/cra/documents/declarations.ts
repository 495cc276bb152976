// Annex V: the EU declaration of conformity (Art. 28), and Annex VI: the simplified declaration
// (reference note §1.8). The notified body is required when the route is not internal control.
import { factOrMissing, paragraph, type Document } from './document.js';
import { info, productLine, REGULATION, type DocumentContext } from './context.js';

const ROUTE_NAMES: Record<string, string> = {
  'module-a': 'internal control (Module A, Annex VIII Part I)',
  'module-b-c':
    'EU-type examination (Module B) followed by conformity to type based on internal production control (Module C)',
  'module-h': 'conformity based on full quality assurance (Module H)',
  'eu-certification': 'European cybersecurity certification scheme (Art. 32(1)(d))',
};

export function annexV(ctx: DocumentContext): Document {
  const { record } = ctx;
  const route = record.route;
  const other = record.information.otherLegislation?.trim();
  return {
    title: `EU declaration of conformity: ${productLine(ctx)}`,
    subtitle: `${REGULATION}, Art. 28 and Annex V. Issued ${ctx.date}.`,
    sections: [
      {
        heading: '1. Product with digital elements',
        clause: 'CRA Annex V (1)',
        blocks: [factOrMissing('Product', productLine(ctx), 'product'), info(ctx, 'productType')],
      },
      {
        heading: '2. Manufacturer',
        clause: 'CRA Annex V (2)',
        blocks: [info(ctx, 'manufacturerName'), info(ctx, 'manufacturerAddress')],
      },
      {
        heading: '3. Responsibility',
        clause: 'CRA Annex V (3)',
        blocks: [
          paragraph('This declaration of conformity is issued under the sole responsibility of the manufacturer.'),
        ],
      },
      {
        heading: '4. Object of the declaration',
        clause: 'CRA Annex V (4)',
        blocks: [factOrMissing('Version', ctx.release, 'release')],
      },
      {
        heading: '5. Conformity',
        clause: 'CRA Annex V (5), Art. 28(3)',
        blocks: [
          paragraph(
            `The object of the declaration described above is in conformity with ${REGULATION}${other ? ` and with: ${other}` : ''}.`,
          ),
        ],
      },
      {
        heading: '6. Standards and specifications',
        clause: 'CRA Annex V (6)',
        blocks: [info(ctx, 'standardsApplied')],
      },
      {
        heading: '7. Conformity assessment',
        clause: 'CRA Annex V (7), Art. 32',
        blocks: [
          factOrMissing('Procedure', route ? ROUTE_NAMES[route] : null, 'route'),
          ...(route && route !== 'module-a'
            ? [info(ctx, 'notifiedBody', 'CRA Annex V (7): required for this route')]
            : []),
        ],
      },
      {
        heading: '8. Signature',
        clause: 'CRA Annex V (8)',
        blocks: [info(ctx, 'signatory'), info(ctx, 'signaturePlace'), info(ctx, 'signatureDate')],
      },
    ],
  };
}

/** Annex VI: one sentence; missing inputs are named in it. */
export function annexVI(ctx: DocumentContext): { text: string; missing: string[] } {
  const missing: string[] = [];
  const value = (key: string) => {
    const v = ctx.record.information[key]?.trim();
    if (!v) missing.push(`information.${key}`);
    return v ?? `MISSING (record field information.${key})`;
  };
  const text = `Hereby, ${value('manufacturerName')} declares that the product with digital elements type ${value('productType')} (${productLine(ctx)}) is in compliance with Regulation (EU) 2024/2847.\nThe full text of the EU declaration of conformity is available at the following internet address: ${value('docUrl')}\n`;
  return { text, missing };
}
