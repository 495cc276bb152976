// The model's licence roles → CycloneDX `licenses`, within what the target version can hold.
import {
  NO_ASSERTION,
  type LicenseEntry,
  type LicenseRoles,
  type LicenseStatement,
  type Property,
} from '../../../model/index.js';
import type { CdxAcknowledgement, CdxLicense, CdxLicenseChoice } from './bom-shape.js';
import { lossy, type EncodeContext } from './encode-context.js';
import { VIGIE_PROPERTY } from './vigie-properties.js';

function licenseObject(entry: LicenseEntry, ack: CdxAcknowledgement | undefined): CdxLicenseChoice {
  const license: CdxLicense = {};
  if (entry.id !== undefined) license.id = entry.id;
  else license.name = entry.name ?? entry.url ?? '';
  if (ack) license.acknowledgement = ack;
  if (entry.text !== undefined) license.text = { content: entry.text, contentType: 'text/plain' };
  if (entry.url !== undefined) license.url = entry.url;
  if (entry.ref !== undefined) license['bom-ref'] = entry.ref;
  return { license };
}

function expressionObject(expression: string, ack: CdxAcknowledgement | undefined, ref?: string): CdxLicenseChoice {
  const choice: CdxLicenseChoice = { expression };
  if (ack) choice.acknowledgement = ack;
  if (ref !== undefined) choice['bom-ref'] = ref;
  return choice;
}

function entriesOf(s: LicenseStatement): LicenseEntry[] {
  if (s.entries.length > 0) return s.entries;
  // Sources that carry one string only (npm, SPDX fields) leave entries empty.
  return [s.expression !== undefined ? { expression: s.expression } : { name: s.raw }];
}

const hasExpression = (s: LicenseStatement) => entriesOf(s).some((e) => e.expression !== undefined);

/** Every entry as its own item: what CycloneDX 1.7 allows, and 1.6 when no expression is involved. */
function itemsOf(s: LicenseStatement, ack: CdxAcknowledgement | undefined): CdxLicenseChoice[] {
  return entriesOf(s).map((e) =>
    e.expression !== undefined ? expressionObject(e.expression, ack, e.ref) : licenseObject(e, ack),
  );
}

/** One statement as the single expression CycloneDX 1.6 accepts in place of licence objects. */
function singleExpression(
  s: LicenseStatement,
  ack: CdxAcknowledgement | undefined,
  ctx: EncodeContext,
  label: string,
): CdxLicenseChoice[] {
  const entries = entriesOf(s);
  if (entries.length === 1 && entries[0]!.expression !== undefined) return itemsOf(s, ack);
  if (s.expression !== undefined) return [expressionObject(s.expression, ack)];
  lossy(
    ctx,
    `licence "${s.raw}" mixes an expression with non-SPDX names, which CycloneDX 1.6 cannot hold; written as one licence name`,
    label,
    'licenses',
  );
  return [licenseObject({ name: s.raw }, ack)];
}

/**
 * SPDX's NOASSERTION says nothing about the licence, as an absent CycloneDX licence does. Written, it
 * was a licence named "NOASSERTION" to every other reader, and beside a declared expression it cost
 * a lossy-encode warning and a property for nothing.
 */
function asserted(s: LicenseStatement | undefined): LicenseStatement | undefined {
  return s === undefined || s.raw.trim() === NO_ASSERTION ? undefined : s;
}

/**
 * Declared and concluded both go into `licenses`, told apart by acknowledgement. CycloneDX 1.6 takes
 * either licence objects or exactly one expression, so when an expression is involved only one role
 * fits (declared first, the role most readers look at); the other is kept in a Vigie property, which
 * Vigie reads back but other tools will not see.
 */
export function encodeLicenses(
  roles: LicenseRoles,
  ctx: EncodeContext,
  label: string,
  properties: Property[],
): CdxLicenseChoice[] | undefined {
  const declared = asserted(roles.declared);
  const concluded = asserted(roles.concluded);
  const effective = roles.effective;
  // Acknowledgement is written only when the other role is present, to keep plain documents plain.
  const both = declared !== undefined && concluded !== undefined;
  const declaredAck: CdxAcknowledgement | undefined = both ? 'declared' : undefined;
  let items: CdxLicenseChoice[] = [];
  const expressionInvolved = (declared && hasExpression(declared)) || (concluded && hasExpression(concluded));
  if (ctx.version !== '1.6' || !expressionInvolved) {
    if (declared) items = itemsOf(declared, declaredAck);
    if (concluded) items = items.concat(itemsOf(concluded, 'concluded'));
  } else if (declared) {
    items = hasExpression(declared)
      ? singleExpression(declared, declaredAck, ctx, label)
      : itemsOf(declared, declaredAck);
    if (concluded) {
      properties.push({ name: VIGIE_PROPERTY.concludedLicense, value: concluded.expression ?? concluded.raw });
      lossy(
        ctx,
        `CycloneDX 1.6 cannot list the concluded licence "${concluded.raw}" beside the declared one when an expression is involved; kept in property ${VIGIE_PROPERTY.concludedLicense}`,
        label,
        'licenses',
      );
    }
  } else if (concluded) {
    items = singleExpression(concluded, 'concluded', ctx, label);
  }
  if (effective)
    properties.push({ name: VIGIE_PROPERTY.effectiveLicense, value: effective.expression ?? effective.raw });
  return items.length > 0 ? items : undefined;
}
