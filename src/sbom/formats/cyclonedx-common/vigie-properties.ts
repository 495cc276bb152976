/**
 * Model fields CycloneDX has no place for travel as properties in Vigie's own namespace, so that a
 * document Vigie wrote reads back the same. The decoder consumes them instead of listing them.
 */
export const VIGIE_PROPERTY = {
  effectiveLicense: 'vigie:license:effective',
  /** A declared/concluded statement that CycloneDX 1.6 `licenses` could not hold beside the other. */
  declaredLicense: 'vigie:license:declared',
  concludedLicense: 'vigie:license:concluded',
  dependencyScope: 'vigie:dependencyScope',
  language: 'vigie:language',
  /** Identifiers beyond the one SWID tag a component can carry. */
  otherIdentifier: 'vigie:otherIdentifier',
} as const;

export const VIGIE_PREFIX = 'vigie:';
