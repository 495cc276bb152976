/**
 * The VEX format table: how each format is recognised, read and written. `readVex` detects the
 * format of a document (CycloneDX VEX, OpenVEX, CSAF) and decodes it; `writeVex` encodes.
 */
import { issue, type Issue } from '../../model/issue.js';
import { UnreadableDocumentError } from '../../sbom/format.js';
import { parseJsonDocument } from '../../sbom/json-text.js';
import { UnsupportedDocumentError } from '../../sbom/read.js';
import { productLabel, type VexDocument, type VexFormat, type VexStatement } from './analysis.js';
import { decodeCsafVex } from './csaf-decode.js';
import { encodeCsafVex, type CsafVexOptions } from './csaf-encode.js';
import { decodeCycloneDxVex } from './cyclonedx-decode.js';
import { encodeCycloneDxVex, type CycloneDxVexOptions } from './cyclonedx-encode.js';
import { decodeOpenVex, encodeOpenVex, type OpenVexOptions } from './openvex.js';
import { asRecord } from './statements.js';

interface VexCodec {
  id: VexFormat;
  name: string;
  /** undefined: not this format; otherwise whether this version is read, and why not. */
  identify(doc: Record<string, unknown>): { supported: boolean; version: string; reason?: string } | undefined;
  decode(doc: Record<string, unknown>): { document: VexDocument; issues: Issue[] };
}

export const VEX_CODECS: readonly VexCodec[] = [
  {
    id: 'cyclonedx-vex',
    name: 'CycloneDX VEX',
    identify: (doc) => {
      if (doc.bomFormat !== 'CycloneDX') return undefined;
      const version = String(doc.specVersion);
      const supported = ['1.4', '1.5', '1.6', '1.7'].includes(version);
      return {
        supported,
        version,
        ...(supported ? {} : { reason: 'vulnerabilities with analysis exist from CycloneDX 1.4' }),
      };
    },
    decode: decodeCycloneDxVex,
  },
  {
    id: 'openvex',
    name: 'OpenVEX',
    identify: (doc) => {
      const context = doc['@context'];
      if (typeof context !== 'string' || !context.startsWith('https://openvex.dev/ns')) return undefined;
      const version = /\/v?([\d.]+)$/.exec(context)?.[1] ?? '0.0.1';
      // 0.0.x differs only in spelling details the decoder accepts (bare vulnerability names).
      return { supported: true, version };
    },
    decode: decodeOpenVex,
  },
  {
    id: 'csaf',
    name: 'CSAF',
    identify: (doc) => {
      const meta = asRecord(doc.document);
      if (!meta || meta.csaf_version === undefined) return undefined;
      const version = String(meta.csaf_version);
      return {
        supported: version === '2.0',
        version,
        ...(version === '2.0' ? {} : { reason: 'only CSAF 2.0 is read' }),
      };
    },
    decode: decodeCsafVex,
  },
];

export interface ReadVexResult {
  document: VexDocument;
  issues: Issue[];
  version: string;
}

/** Detects and decodes a VEX document held as text; throws UnreadableDocumentError / UnsupportedDocumentError. */
export function readVex(text: string, name = 'VEX document'): ReadVexResult {
  const value = parseJsonDocument(text, name);
  const doc = asRecord(value);
  if (!doc) throw new UnreadableDocumentError(`${name} is not a JSON object`);
  for (const codec of VEX_CODECS) {
    const id = codec.identify(doc);
    if (!id) continue;
    if (!id.supported)
      throw new UnsupportedDocumentError(
        `${name}: ${codec.name} ${id.version} is not supported: ${id.reason ?? ''}`.trim(),
      );
    return { ...codec.decode(doc), version: id.version };
  }
  throw new UnsupportedDocumentError(`${name} is not a VEX format I know (CycloneDX VEX, OpenVEX or CSAF VEX)`);
}

export type WriteVexOptions =
  | ({ format: 'cyclonedx-vex' } & CycloneDxVexOptions)
  | ({ format: 'openvex' } & OpenVexOptions)
  | ({ format: 'csaf' } & CsafVexOptions);

/** Encodes statements; the issues say what was left out (missing required fields, conflicts) or written lossily. */
export function writeVex(
  statements: readonly VexStatement[],
  options: WriteVexOptions,
): { document: Record<string, unknown>; issues: Issue[] } {
  switch (options.format) {
    case 'cyclonedx-vex':
      return encodeCycloneDxVex(statements, options);
    case 'openvex':
    case 'csaf': {
      const { kept, issues } = withoutVersionLimits(statements, options.format);
      const written = options.format === 'openvex' ? encodeOpenVex(kept, options) : encodeCsafVex(kept, options);
      return { document: written.document, issues: [...issues, ...written.issues] };
    }
  }
}

/**
 * OpenVEX and CSAF name products, not version ranges of them: a statement limited to one version
 * of a purl is written for that purl at that version; one limited to a range is left out and said
 * (written for the bare purl it would claim every version).
 */
function withoutVersionLimits(
  statements: readonly VexStatement[],
  format: string,
): { kept: VexStatement[]; issues: Issue[] } {
  const kept: VexStatement[] = [];
  const issues: Issue[] = [];
  for (const s of statements) {
    const only = s.product.only;
    if (!only) kept.push(s);
    else if ('version' in only && s.product.purl && !s.product.purl.includes('@')) {
      const { only: _only, ...product } = s.product;
      const purl = s.product.purl.replace(/([?#]|$)/, `@${encodeURIComponent(only.version)}$1`);
      kept.push({ ...s, product: { ...product, purl, version: only.version } });
    } else
      issues.push(
        issue(
          'error',
          'vex-lossy',
          `${s.vulnerability.id}: ${productLabel(s.product)} cannot be named in ${format}; left out`,
          {
            component: productLabel(s.product),
          },
        ),
      );
  }
  return { kept, issues };
}
