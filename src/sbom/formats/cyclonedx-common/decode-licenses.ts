// CycloneDX `licenses` → the declared and concluded roles of the model.
import {
  issue,
  licenseFromEntries,
  type Issue,
  type LicenseEntry,
  type LicenseRoles,
  type LicenseStatement,
} from '../../../model/index.js';
import type { CdxAttachment, CdxLicenseChoice } from './bom-shape.js';
import { checkExpressionSyntax } from '../spdx2-common/license-syntax.js';

function attachmentText(text: CdxAttachment | undefined): string | undefined {
  if (!text || typeof text.content !== 'string') return undefined;
  if (text.encoding === 'base64') return Buffer.from(text.content, 'base64').toString('utf8');
  return text.content;
}

function entryOf(choice: CdxLicenseChoice): LicenseEntry | undefined {
  if (typeof choice.expression === 'string') {
    const entry: LicenseEntry = { expression: choice.expression };
    if (choice['bom-ref']) entry.ref = choice['bom-ref'];
    return entry;
  }
  const l = choice.license;
  if (!l) return undefined;
  const entry: LicenseEntry = {};
  if (typeof l.id === 'string') entry.id = l.id;
  else if (typeof l.name === 'string') entry.name = l.name;
  if (typeof l.url === 'string') entry.url = l.url;
  const text = attachmentText(l.text);
  if (text !== undefined) entry.text = text;
  if (l['bom-ref']) entry.ref = l['bom-ref'];
  return entry.id === undefined && entry.name === undefined && entry.url === undefined ? undefined : entry;
}

/**
 * ORT's CycloneDX reporter lists a package's concluded, declared and detected (scanner) licences in
 * one `licenses` array and tells them apart by an `ort:origin` property on each, not by
 * `acknowledgement`. Read as declared, the scanner's findings became part of the declared licence
 * ("MIT AND BSD-3-Clause" for a package declaring MIT) and the concluded licence was lost.
 */
const ORT_ORIGIN: Record<string, 'declared' | 'concluded' | 'detected'> = {
  'declared license': 'declared',
  'concluded license': 'concluded',
  'detected license': 'detected',
};

function roleOf(choice: CdxLicenseChoice): 'declared' | 'concluded' | 'detected' {
  const ack = choice.expression !== undefined ? choice.acknowledgement : choice.license?.acknowledgement;
  if (ack !== undefined) return ack === 'concluded' ? 'concluded' : 'declared';
  const origin = choice.license?.properties?.find((p) => p?.name === 'ort:origin')?.value;
  return (typeof origin === 'string' && ORT_ORIGIN[origin.trim().toLowerCase()]) || 'declared';
}

/**
 * cyclonedx-py (PEP 639) lists each licence *file* a Python package ships as a licence named
 * "declared license file: LICENSE" holding the file's text, beside the package's licence id or
 * expression. A file is the text of the licence, not a second licence: ANDed in, every such package
 * read "MIT AND declared license file: LICENSE", no expression, and needed a curation. Beside an id
 * or expression the files stay in the entries (a CycloneDX document written back keeps them) but out
 * of the statement; alone, they are all the document says and remain the statement.
 */
const LICENSE_FILE = /^declared license file:/i;

function statementOf(entries: LicenseEntry[]): LicenseStatement | undefined {
  const isFile = (e: LicenseEntry) =>
    e.id === undefined && e.expression === undefined && LICENSE_FILE.test(e.name ?? '');
  const licences = entries.filter((e) => !isFile(e));
  if (licences.length === 0 || licences.length === entries.length || !licences.some((e) => e.id ?? e.expression))
    return licenseFromEntries(entries);
  const statement = licenseFromEntries(licences);
  return statement && { ...statement, entries };
}

/**
 * Splits the entries by acknowledgement (absent means declared, as the specification says). Entries
 * a scanner detected (ORT's `ort:origin`) are neither: they go to `detected` when given, like
 * CycloneDX evidence licences.
 */
export function decodeLicenses(
  choices: CdxLicenseChoice[] | undefined,
  where: { component?: string; field: string },
  issues: Issue[],
  detected?: LicenseEntry[],
): LicenseRoles {
  const roles: LicenseRoles = {};
  if (!Array.isArray(choices) || choices.length === 0) return roles;
  const declared: LicenseEntry[] = [];
  const concluded: LicenseEntry[] = [];
  for (let i = 0; i < choices.length; i++) {
    const choice = choices[i]!;
    const entry = entryOf(choice);
    if (!entry) {
      issues.push(
        issue('warning', 'empty-license', 'licence entry has neither id, name, expression nor url', {
          component: where.component,
          field: `${where.field}[${i}]`,
        }),
      );
      continue;
    }
    // The SPDX readers say the same of a malformed expression; the schema cannot see it (any string passes).
    if (entry.expression !== undefined && !checkExpressionSyntax(entry.expression).valid) {
      issues.push(
        issue(
          'warning',
          'invalid-license-expression',
          `"${entry.expression}" is not a well-formed SPDX licence expression; kept as written`,
          { component: where.component, field: `${where.field}[${i}].expression` },
        ),
      );
    }
    const role = roleOf(choice);
    if (role === 'detected' && detected) detected.push(entry);
    else (role === 'concluded' ? concluded : declared).push(entry);
  }
  const d = statementOf(declared);
  const c = statementOf(concluded);
  if (d) roles.declared = d;
  if (c) roles.concluded = c;
  return roles;
}
