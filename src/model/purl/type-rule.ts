/**
 * What one purl type's definition says, reduced to the parts a parser can enforce. The data for every
 * type is generated from purl-spec's types/*.json (see type-rules.generated.ts); this file only
 * describes its shape.
 */
export type ComponentRequirement = 'required' | 'optional' | 'prohibited';

export interface PurlTypeRule {
  namespace: ComponentRequirement;
  /** The definition says the part is not case sensitive: the canonical form is lower case. */
  namespaceFoldsCase?: true;
  nameFoldsCase?: true;
  versionFoldsCase?: true;
  /** Character replacements applied to the name, in order ([from, to] pairs). */
  nameReplacements?: [string, string][];
  /** Anchored regular expressions the decoded part must match. */
  namePattern?: string;
  versionPattern?: string;
  /** Qualifier keys that must be present. */
  requiredQualifiers?: string[];
}
