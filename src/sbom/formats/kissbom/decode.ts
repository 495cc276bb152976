import {
  NO_ASSERTION,
  NONE,
  emptySbom,
  issue,
  type Component,
  type Issue,
  type LicenseStatement,
} from '../../../model/index.js';
import { canonicalPurl, isPurlError, parsePurl } from '../../../model/purl/index.js';
import { UnreadableDocumentError, type DecodeInput, type DecodeResult } from '../../format.js';
import { isRecord, parseStructuredText, text } from '../ort/structured-text.js';
import { parseCsv } from './csv.js';
import { KISSBOM_COLUMNS, KISSBOM_CSV, KISSBOM_JSON, KISSBOM_YAML, NOTES_PROPERTY, looksLikeCsv } from './layout.js';
import { USAGE_COLUMNS, declaredUsageOf, sameUsage } from './usage-columns.js';

export { looksLikeCsv } from './layout.js';

interface Row {
  values: Record<string, string>;
  field: string;
  line?: number;
}

export function decodeKissbom(input: DecodeInput): DecodeResult {
  const serialisation =
    input.json !== undefined || /^\s*[[{]/.test(input.text)
      ? KISSBOM_JSON
      : looksLikeCsv(input.text)
        ? KISSBOM_CSV
        : KISSBOM_YAML;
  const issues: Issue[] = [];
  const rows =
    serialisation === KISSBOM_CSV
      ? csvRows(input.text)
      : listRows(input.json ?? parseStructuredText(input.text, 'KISSBOM', { numbersAsText: true }), issues);
  const sbom = emptySbom({ id: 'kissbom', specVersion: serialisation });
  const byRef = new Map<string, Component>();
  for (const row of rows) {
    const component = componentOf(row, issues);
    if (!component) continue;
    const first = byRef.get(component.ref);
    if (!first) {
      byRef.set(component.ref, component);
      sbom.components.push(component);
    } else if (!addUsages(first, component)) {
      issues.push(
        issue(
          'warning',
          'duplicate-ref',
          `"${component.ref}" is listed twice; the first entry is kept`,
          where(row, component.ref),
        ),
      );
    }
  }
  return { sbom, issues };
}

/**
 * A package listed again for another usage (Hermine's rows: one per subproject and scope) adds that
 * usage to the first entry; a row repeating a usage already listed adds nothing. False when the
 * later row declares no usage: then it is a plain duplicate.
 */
function addUsages(first: Component, again: Component): boolean {
  if (!again.usages) return false;
  first.usages ??= [{}];
  for (const u of again.usages) if (!first.usages.some((known) => sameUsage(known, u))) first.usages.push(u);
  return true;
}

/** Every KISSBOM attribute is text: another JSON type is an error at its path, never coerced. */
function listRows(root: unknown, issues: Issue[]): Row[] {
  // Hermine's variant is the bare list; the spec's reference converter wraps it as {packages: [...]}.
  const list = Array.isArray(root) ? root : isRecord(root) && Array.isArray(root.packages) ? root.packages : undefined;
  if (!list) {
    throw new UnreadableDocumentError(
      'not a KISSBOM: the document is not a list of packages and has no top-level "packages" list',
    );
  }
  const prefix = Array.isArray(root) ? '' : 'packages';
  const rows: Row[] = [];
  list.forEach((entry, i) => {
    const field = `${prefix}[${i}]`;
    if (!isRecord(entry)) {
      issues.push(
        issue('error', 'invalid-type', `${field}: expected an object, found ${typeName(entry)}; left out`, { field }),
      );
      return;
    }
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(entry)) {
      if (typeof value !== 'string' && value !== null) {
        issues.push(
          issue('error', 'invalid-type', `${field}.${key}: expected a string, found ${typeName(value)}; left out`, {
            field: `${field}.${key}`,
          }),
        );
        continue;
      }
      const v = text(value);
      if (v !== undefined) values[key.toLowerCase()] = v;
    }
    rows.push({ values, field });
  });
  return rows;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function csvRows(source: string): Row[] {
  const [header, ...records] = parseCsv(source);
  const names = (header?.fields ?? []).map((n) => n.trim().toLowerCase());
  if (!names.includes('purl'))
    throw new UnreadableDocumentError('not a KISSBOM CSV: the header row has no "purl" column', 1);
  return records.map((record, r) => {
    const values: Record<string, string> = {};
    names.forEach((name, c) => {
      const v = record.fields[c]?.trim();
      if (name && v) values[name] = v;
    });
    return { values, field: `row ${r + 2}`, line: record.line };
  });
}

function componentOf(row: Row, issues: Issue[]): Component | undefined {
  const raw = row.values.purl;
  if (!raw) {
    issues.push(
      issue(
        'warning',
        'missing-purl',
        'a KISSBOM entry without purl was skipped (the purl is the one required attribute)',
        where(row),
      ),
    );
    return undefined;
  }
  const component: Component = {
    ref: raw,
    type: 'library',
    name: raw,
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
  };
  const parsed = parsePurl(raw);
  if (isPurlError(parsed)) {
    issues.push(
      issue('warning', 'invalid-purl', `"${raw}" is not a valid purl: ${parsed.error}`, where(row, raw, 'purl')),
    );
    component.properties.push({ name: 'kissbom:purl', value: raw });
  } else {
    component.purl = canonicalPurl(raw);
    component.name = parsed.name;
    if (parsed.namespace) component.group = parsed.namespace;
    if (parsed.version) component.version = parsed.version;
  }
  const licence = row.values.license ?? row.values.licence;
  if (licence) component.licenses.declared = licenseOf(licence);
  if (row.values.copyright) component.copyright = row.values.copyright;
  if (row.values.description) component.description = row.values.description;
  if (row.values.notes) component.properties.push({ name: NOTES_PROPERTY, value: row.values.notes });
  const usage = declaredUsageOf({ values: row.values, at: (column) => where(row, raw, column) }, issues);
  if (usage) component.usages = [usage];
  for (const [key, value] of Object.entries(row.values)) {
    if (!READ_COLUMNS.has(key)) component.properties.push({ name: `kissbom:${key}`, value });
  }
  return component;
}

/** Attributes read into the model; any other one travels as a `kissbom:<name>` property. */
const READ_COLUMNS = new Set<string>([...KISSBOM_COLUMNS, ...USAGE_COLUMNS, 'licence', 'description']);

/**
 * The spec asks for an SPDX expression, but hand-made lists hold whatever people type: only a
 * string shaped like an expression is offered as one; validation proper happens in the licence step.
 */
function licenseOf(value: string): LicenseStatement {
  // "No assertion" (Hermine writes it for packages it has no licence for) and "none" are no expression.
  if (value === NO_ASSERTION || value === NONE) return { raw: value, entries: [] };
  const tokens = value.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  const shaped =
    tokens.every((t, i) => (i % 2 === 1 ? /^(AND|OR|WITH)$/.test(t) : /^[A-Za-z0-9][A-Za-z0-9.+:-]*$/.test(t))) &&
    tokens.length % 2 === 1;
  return shaped
    ? { raw: value, expression: value, entries: [{ expression: value }] }
    : { raw: value, entries: [{ name: value }] };
}

function where(row: Row, component?: string, column?: string): { component?: string; field: string; line?: number } {
  const at: { component?: string; field: string; line?: number } = {
    field: column ? `${row.field}.${column}` : row.field,
  };
  if (component) at.component = component;
  if (row.line) at.line = row.line;
  return at;
}
