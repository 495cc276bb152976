import type { ReleaseSnapshot } from '../compliance/snapshot.js';
import type { ReleaseValidation } from '../compliance/validate-release.js';
import { csvField } from './escape.js';

/**
 * The licence of a usage in its four stages (issue 8 item 6): as found in the SBOM (declared and
 * concluded, verbatim), as the normaliser reads it (with its confidence), as a recorded curation
 * states it, and the effective licence after choices. `accept_normaliser` repeats the setting the
 * run applied, so a reader of the file knows whether a normaliser answer could pass unrecorded.
 */
const HEADER = [
  'component',
  'version',
  'purl',
  'project',
  'scope',
  'exploitation',
  'linking',
  'modified',
  'declared_as_found',
  'concluded_as_found',
  'normalised',
  'normaliser_confidence',
  'curated',
  'effective',
  'license_origin',
  'accept_normaliser',
  'blocked_at_step',
  'copyright',
];

/** The release's bill of materials, one usage per row (RFC 4180: CRLF line ends, quoted fields). */
export function renderReleaseBomCsv(snapshot: ReleaseSnapshot, validation: ReleaseValidation): string {
  const resolved = new Map(validation.usages.map((u) => [u.usageId, u]));
  // Runs stored before the setting existed were validated as "high" used to be hard-wired.
  const setting = validation.settings?.acceptNormaliser ?? '';
  const rows = [HEADER.join(',')];
  const items = [...snapshot.usages].sort(
    (a, b) =>
      a.component.name.localeCompare(b.component.name) ||
      a.version.number.localeCompare(b.version.number) ||
      a.usage.id - b.usage.id,
  );
  for (const { usage, version, component } of items) {
    const r = resolved.get(usage.id);
    const name = component.namespace ? `${component.namespace}/${component.name}` : component.name;
    rows.push(
      [
        name,
        version.number,
        version.purl ?? component.purl,
        usage.project,
        usage.scope,
        r?.exploitation ?? usage.exploitation,
        usage.linking,
        usage.modified,
        version.declaredLicense,
        version.concludedLicense,
        r?.normalised?.expression,
        r?.normalised?.confidence,
        r?.curated,
        r?.effective,
        r?.expressionOrigin,
        setting,
        r?.blockedAt ?? (usage.status === 'ignored' ? 'ignored' : ''),
        version.copyright,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}
