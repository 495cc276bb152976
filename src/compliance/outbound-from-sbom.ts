/**
 * The outbound licences a release most likely ships under when nobody said: the SPDX licence ids
 * its SBOM's primary component declares (an npm project's package.json `license`). Used by
 * `vigie check` with the built-in policy, which names no outbound licence, and always said aloud.
 * Nothing when the statement is missing, not SPDX, or names a licence the list does not know.
 */
import type { Sbom } from '../model/index.js';
import { licenseLeaves, parseExpression } from '../licenses/expression/index.js';

export function declaredOutboundLicenses(sbom: Sbom): string[] {
  const licenses = sbom.metadata.component?.licenses;
  const statement = licenses?.declared?.expression ?? licenses?.concluded?.expression;
  if (!statement) return [];
  const parsed = parseExpression(statement);
  if (!parsed.expression || parsed.diagnostics.some((d) => d.code === 'unknown-license')) return [];
  return [...new Set(licenseLeaves(parsed.expression).map((leaf) => leaf.id))];
}
