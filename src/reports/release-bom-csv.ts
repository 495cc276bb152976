import type { ReleaseSnapshot } from '../compliance/snapshot.js';
import type { ReleaseValidation } from '../compliance/validate-release.js';
import { csvField } from './escape.js';

const HEADER = ['component', 'version', 'purl', 'project', 'scope', 'exploitation', 'linking', 'modified', 'declared_license', 'concluded_license', 'effective_license', 'blocked_at_step', 'copyright'];

/** The release's bill of materials, one usage per row (RFC 4180: CRLF line ends, quoted fields). */
export function renderReleaseBomCsv(snapshot: ReleaseSnapshot, validation: ReleaseValidation): string {
  const resolved = new Map(validation.usages.map((u) => [u.usageId, u]));
  const rows = [HEADER.join(',')];
  const items = [...snapshot.usages].sort((a, b) => a.component.name.localeCompare(b.component.name) || a.version.number.localeCompare(b.version.number) || a.usage.id - b.usage.id);
  for (const { usage, version, component } of items) {
    const r = resolved.get(usage.id);
    const name = component.namespace ? `${component.namespace}/${component.name}` : component.name;
    rows.push(
      [name, version.number, version.purl ?? component.purl, usage.project, usage.scope, r?.exploitation ?? usage.exploitation, usage.linking, usage.modified, version.declaredLicense, r?.expression ?? version.concludedLicense, r?.effective, r?.blockedAt ?? (usage.status === 'ignored' ? 'ignored' : ''), version.copyright]
        .map(csvField)
        .join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}
