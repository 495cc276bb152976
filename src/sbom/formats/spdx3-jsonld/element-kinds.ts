// Which SPDX 3 classes Vigie reads as what.

/** Classes read as components. */
export const COMPONENT_CLASSES = new Set([
  'software_Package',
  'software_File',
  'ai_AIPackage',
  'dataset_DatasetPackage',
]);
/** Abstract classes that some producers write anyway; read as components, with a warning. */
export const ABSTRACT_ARTIFACT_CLASSES = new Set(['software_SoftwareArtifact', 'Artifact']);
export const AGENT_CLASSES = new Set(['Agent', 'Person', 'Organization', 'SoftwareAgent']);
export const RELATIONSHIP_CLASSES = new Set(['Relationship', 'LifecycleScopedRelationship']);
export const COLLECTION_CLASSES = new Set(['software_Sbom', 'Bom', 'Bundle']);

/** Relationship types read as dependency edges. */
export const EDGE_TYPES = new Set([
  'dependsOn',
  'hasStaticLink',
  'hasDynamicLink',
  'hasOptionalDependency',
  'hasProvidedDependency',
]);

/** Concrete 3.0.1 classes that Vigie knows but does not keep (vulnerabilities, builds, snippets, …). */
export const KNOWN_CLASSES = new Set([
  'ai_EnergyConsumption',
  'ai_EnergyConsumptionDescription',
  'AnnotationType',
  'CreationInfo',
  'DictionaryEntry',
  'ExternalIdentifier',
  'ExternalMap',
  'ExternalRef',
  'Hash',
  'IndividualElement',
  'NamespaceMap',
  'PackageVerificationCode',
  'PositiveIntegerRange',
  'SpdxDocument',
  'Tool',
  'expandedlicensing_ListedLicenseException',
  'extension_CdxPropertyEntry',
  'simplelicensing_LicenseExpression',
  'simplelicensing_SimpleLicensingText',
  'software_ContentIdentifier',
  'build_Build',
  'Agent',
  'Annotation',
  'Bundle',
  'Bom',
  'LifecycleScopedRelationship',
  'Relationship',
  'Organization',
  'Person',
  'SoftwareAgent',
  'expandedlicensing_ConjunctiveLicenseSet',
  'expandedlicensing_CustomLicenseAddition',
  'expandedlicensing_DisjunctiveLicenseSet',
  'expandedlicensing_IndividualLicensingInfo',
  'expandedlicensing_ListedLicense',
  'expandedlicensing_OrLaterOperator',
  'expandedlicensing_WithAdditionOperator',
  'extension_CdxPropertiesExtension',
  'security_CvssV2VulnAssessmentRelationship',
  'security_CvssV3VulnAssessmentRelationship',
  'security_CvssV4VulnAssessmentRelationship',
  'security_EpssVulnAssessmentRelationship',
  'security_ExploitCatalogVulnAssessmentRelationship',
  'security_SsvcVulnAssessmentRelationship',
  'security_Vulnerability',
  'expandedlicensing_CustomLicense',
  'security_VexAffectedVulnAssessmentRelationship',
  'security_VexFixedVulnAssessmentRelationship',
  'security_VexNotAffectedVulnAssessmentRelationship',
  'security_VexUnderInvestigationVulnAssessmentRelationship',
  'software_File',
  'software_Package',
  'software_Sbom',
  'software_Snippet',
  'ai_AIPackage',
  'dataset_DatasetPackage',
  'expandedlicensing_NoAssertionLicense',
  'expandedlicensing_NoneLicense',
]);

/** Individuals the vocabulary names without an element in the graph. */
export const WELL_KNOWN_ELEMENTS = new Set(['NoAssertionElement', 'NoneElement', 'SpdxOrganization']);
