// The SPDX 3 properties Vigie reads as text: a value of another JSON type is an error at its path and
// is not read (graph.ts `str` never turns a number into text), never coerced (issue 13 item 2).
import { issue, type Issue } from '../../../model/index.js';
import { isNode, type Node } from './graph.js';

const STRING_FIELDS = new Set([
  'spdxId',
  '@id',
  'name',
  'summary',
  'description',
  'comment',
  'created',
  'specVersion',
  'from',
  'relationshipType',
  'completeness',
  'scope',
  'statement',
  'externalSpdxId',
  'identifier',
  'externalIdentifierType',
  'externalRefType',
  'algorithm',
  'hashValue',
  'key',
  'value',
  'software_packageVersion',
  'software_packageUrl',
  'software_homePage',
  'software_downloadLocation',
  'software_copyrightText',
  'software_primaryPurpose',
  'software_contentIdentifierValue',
  'simplelicensing_licenseText',
  'simplelicensing_licenseExpression',
  'expandedlicensing_additionText',
  'extension_cdxPropName',
  'extension_cdxPropValue',
]);

/** Profile fields (AI, dataset) are read by their own shapes (profile-fields.ts), numbers included. */
const OWN_SHAPES = /^(ai|dataset)_/;
const MAX_DEPTH = 6;

export function reportNonStringFields(graph: readonly Node[], issues: Issue[]): void {
  const visit = (node: Node, path: string, depth: number) => {
    for (const [key, value] of Object.entries(node)) {
      if (OWN_SHAPES.test(key)) continue;
      const at = `${path}.${key}`;
      if (STRING_FIELDS.has(key) && typeof value !== 'string' && value !== undefined) {
        if (value === null)
          issues.push(
            issue('warning', 'null-value', `${at}: null where a string belongs; read as absent`, { field: at }),
          );
        else
          issues.push(
            issue('error', 'invalid-type', `${at}: expected a string, found ${describe(value)}; left out`, {
              field: at,
            }),
          );
        continue;
      }
      if (depth >= MAX_DEPTH) continue;
      if (isNode(value)) visit(value, at, depth + 1);
      else if (Array.isArray(value)) value.forEach((item, i) => isNode(item) && visit(item, `${at}[${i}]`, depth + 1));
    }
  };
  graph.forEach((node, i) => visit(node, `@graph[${i}]`, 0));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
