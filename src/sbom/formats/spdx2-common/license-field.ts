import { NO_ASSERTION, NONE, type LicenseEntry, type LicenseStatement } from '../../../model/index.js';
import type { Spdx2ExtractedLicense } from './document.js';
import { checkExpressionSyntax } from './license-syntax.js';

/**
 * Marks an extracted licence that Vigie's encoder wrote to carry a licence string that is not an
 * SPDX expression: its text is the original string, which decoding restores as the raw statement.
 */
export const RAW_LICENSE_MARKER = 'vigie:license:raw';

export interface DecodedLicenseField {
  statement?: LicenseStatement;
  /** Set when the field is not a well-formed SPDX expression. */
  invalid?: boolean;
  /** LicenseRef-… ids the expression uses that the document's hasExtractedLicensingInfos does not define. */
  undefinedRefs?: string[];
}

/** Reads one SPDX 2 licence field (licenseConcluded, licenseDeclared, …). */
export function decodeLicenseField(
  value: string | undefined,
  extracted: ReadonlyMap<string, Spdx2ExtractedLicense>,
): DecodedLicenseField {
  const raw = value?.trim();
  if (!raw) return {};
  if (raw === NO_ASSERTION || raw === NONE) return { statement: { raw, entries: [] } };
  const syntax = checkExpressionSyntax(raw);
  if (!syntax.valid) return { statement: { raw, entries: [{ name: raw }] }, invalid: true };
  if (syntax.licenseRefs.length === 1 && raw.replace(/^\(+|\)+$/g, '').trim() === syntax.licenseRefs[0]) {
    const info = extracted.get(syntax.licenseRefs[0]!);
    if (info?.comment === RAW_LICENSE_MARKER && info.extractedText !== undefined) {
      return { statement: { raw: info.extractedText, entries: [{ name: info.extractedText }] } };
    }
  }
  const entries: LicenseEntry[] = [{ expression: raw }];
  const undefinedRefs: string[] = [];
  for (const id of syntax.licenseRefs) {
    const info = extracted.get(id);
    if (!info) {
      undefinedRefs.push(id);
      continue;
    }
    entries.push({
      name: info.name && info.name !== NO_ASSERTION ? info.name : id,
      ref: id,
      ...(info.extractedText !== undefined ? { text: info.extractedText } : {}),
      ...(info.seeAlsos?.[0] ? { url: info.seeAlsos[0] } : {}),
    });
  }
  return { statement: { raw, expression: raw, entries }, ...(undefinedRefs.length > 0 ? { undefinedRefs } : {}) };
}

/** Collects the hasExtractedLicensingInfos an encoded document needs, in order of first use. */
export class ExtractedLicenseCollector {
  private readonly infos = new Map<string, Spdx2ExtractedLicense>();
  private readonly idByRaw = new Map<string, string>();
  /** Statements whose raw string differed from the expression written (SPDX holds only one). */
  rawDropped = 0;

  /** The SPDX 2 field value for a statement; NOASSERTION when there is none. */
  encode(statement: LicenseStatement | undefined): string {
    if (!statement) return NO_ASSERTION;
    const expression = statement.expression?.trim();
    if (expression && checkExpressionSyntax(expression).valid) {
      this.defineRefs(expression, statement.entries);
      if (statement.raw.trim() !== expression && statement.raw.trim() !== `(${expression})`) this.rawDropped++;
      return expression;
    }
    const raw = statement.raw.trim();
    if (raw === NO_ASSERTION || raw === NONE) return raw;
    if (!raw) return NO_ASSERTION;
    return this.refForRaw(raw);
  }

  list(): Spdx2ExtractedLicense[] {
    return [...this.infos.values()];
  }

  private defineRefs(expression: string, entries: LicenseEntry[]): void {
    for (const id of checkExpressionSyntax(expression).licenseRefs) {
      if (this.infos.has(id)) continue;
      const entry = entries.find((e) => e.ref === id || e.id === id);
      const name = entry?.name ?? (entry?.id && entry.id !== id ? entry.id : undefined);
      this.infos.set(id, {
        licenseId: id,
        // SPDX requires a text; when the source gave none, say so rather than invent one.
        extractedText: entry?.text ?? NO_ASSERTION,
        ...(name ? { name } : {}),
        ...(entry?.url ? { seeAlsos: [entry.url] } : {}),
      });
    }
  }

  private refForRaw(raw: string): string {
    const known = this.idByRaw.get(raw);
    if (known) return known;
    const base = `LicenseRef-${
      raw
        .replace(/[^A-Za-z0-9.]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 64) || 'unnamed'
    }`;
    let id = base;
    for (let n = 2; this.infos.has(id); n++) id = `${base}-${n}`;
    this.idByRaw.set(raw, id);
    this.infos.set(id, { licenseId: id, extractedText: raw, name: raw, comment: RAW_LICENSE_MARKER });
    return id;
  }
}
