// G7 "SBOM for AI – Minimum Elements" (2026-05-12): AI-SBOM data in seven clusters (Metadata,
// System-level properties, Models, Dataset properties, Infrastructure, Security properties, KPIs).
// The cluster list comes from a secondary source ([S], reference note §5.4); the element wording
// below is ours, and where a cluster overlaps an AI Act duty the clause is named as well (Art. 53,
// Annex XII: regulation.md §5.2). Required = what every AI SBOM must carry to be usable for the
// AI Act documents; additional = what the clusters ask for where known.
import type { CheckDefinition, QualityProfile } from './profile.js';

const G7 = 'G7 SBOM for AI – Minimum Elements (2026) [S]';
const check = (c: CheckDefinition): CheckDefinition => c;

export const AI_G7_2026: QualityProfile = {
  id: 'ai-g7-2026',
  title: 'G7 SBOM for AI – Minimum Elements (2026)',
  source: 'G7 Cybersecurity Working Group, "SBOM for AI – Minimum Elements" (2026-05-12); clusters per ../shared/reference/regulation.md §5.4 [S]',
  checks: [
    // Metadata
    check({ id: 'g7ai.metadata.author', title: 'Author of the AI SBOM', clause: `${G7}: Metadata`, level: 'required', probe: 'document.author', coverage: 'an author or tool named', help: 'Name who produced the AI SBOM (CycloneDX metadata.authors / tools, SPDX 3 createdBy).' }),
    check({ id: 'g7ai.metadata.timestamp', title: 'Timestamp', clause: `${G7}: Metadata`, level: 'required', probe: 'document.timestamp', coverage: 'an RFC 3339 creation time', help: 'Record when the AI SBOM was produced.' }),
    check({ id: 'g7ai.metadata.ml-format', title: 'A format that can carry AI fields', clause: `${G7}: Metadata; regulation.md §5.4`, level: 'required', probe: 'ai.document.ml-format', coverage: 'CycloneDX 1.5+ or SPDX 3', help: 'Use CycloneDX 1.5 or later (modelCard, data) or SPDX 3.0.1 (AI and Dataset profiles); older formats cannot hold model cards.' }),
    // System-level properties
    check({ id: 'g7ai.system.model', title: 'The AI system names its models', clause: `${G7}: System-level properties`, level: 'required', probe: 'ai.document.model-present', coverage: 'at least one machine-learning-model component', help: 'List every model as a component of type machine-learning-model (SPDX 3: ai_AIPackage).' }),
    check({ id: 'g7ai.system.primary', title: 'Primary component', clause: `${G7}: System-level properties`, level: 'required', probe: 'document.primary-component', coverage: 'the system or model the SBOM describes', help: 'Name the AI system (or model) the SBOM is about (CycloneDX metadata.component, SPDX 3 rootElement).' }),
    check({ id: 'g7ai.system.dependencies', title: 'What the system includes', clause: `${G7}: System-level properties`, level: 'required', probe: 'document.top-level-dependencies', coverage: 'direct dependencies of the primary component', help: 'List what the system includes: models, datasets, libraries.' }),
    // Models
    check({ id: 'g7ai.model.supplier', title: 'Model supplier', clause: `${G7}: Models`, level: 'required', probe: 'ai.model.supplier', coverage: 'name a supplier', help: 'Name who provides each model (supplier, manufacturer or author).' }),
    check({ id: 'g7ai.model.version', title: 'Model version', clause: `${G7}: Models; AI Act Annex XII 1(c) [N]`, level: 'required', probe: 'ai.model.version', coverage: 'have a version', help: 'Give each model a version (the AI Office summary names versioned models).' }),
    check({ id: 'g7ai.model.license', title: 'Model licence', clause: `${G7}: Models; AI Act Annex XII 1(h) [N]`, level: 'required', probe: 'ai.model.license', coverage: 'state a licence', help: 'State the model licence (SPDX id, or a LicenseRef for RAIL, Llama, Gemma terms).' }),
    check({ id: 'g7ai.model.task', title: 'Task / intended purpose', clause: `${G7}: Models; AI Act Annex XII 1(a) [N]`, level: 'required', probe: 'ai.model.task', coverage: 'state their task', help: 'Fill modelCard.modelParameters.task (SPDX 3: ai_domain / ai_informationAboutApplication).' }),
    check({ id: 'g7ai.model.architecture', title: 'Architecture', clause: `${G7}: Models; AI Act Annex XII 1(f) [N]`, level: 'required', probe: 'ai.model.architecture', coverage: 'state an architecture or family', help: 'Fill modelArchitecture or architectureFamily (SPDX 3: ai_typeOfModel).' }),
    check({ id: 'g7ai.model.parameters', title: 'Number of parameters', clause: `${G7}: Models; AI Act Annex XII 1(f) [N]`, level: 'required', probe: 'ai.model.parameters', coverage: 'state a parameter count', help: 'State the parameter count (Vigie reads it from safetensors/GGUF headers; CycloneDX property vigie:ai:parameterCount).' }),
    check({ id: 'g7ai.model.io', title: 'Inputs and outputs', clause: `${G7}: Models; AI Act Annex XII 1(g) [N]`, level: 'required', probe: 'ai.model.io', coverage: 'state input and output formats', help: 'Fill modelParameters.inputs and outputs with their formats.' }),
    check({ id: 'g7ai.model.training-data', title: 'Training data named', clause: `${G7}: Models; AI Act Annex XII 2(c) [N]`, level: 'required', probe: 'ai.model.training-data', coverage: 'name their training data', help: 'Reference the training datasets (modelParameters.datasets, SPDX 3 trainedOn).' }),
    check({ id: 'g7ai.model.lineage-resolved', title: 'Lineage resolved in the document', clause: `${G7}: Models`, level: 'additional', probe: 'ai.model.lineage-resolved', coverage: 'have every base model and dataset as a component', help: 'Describe base models and datasets as components so their licences and facts can be checked.' }),
    check({ id: 'g7ai.model.intended-use', title: 'Intended uses', clause: `${G7}: Models; AI Act Annex XII 1(a) [N]`, level: 'additional', probe: 'ai.model.intended-use', coverage: 'state use cases', help: 'Fill considerations.useCases.' }),
    check({ id: 'g7ai.model.limitations', title: 'Known limitations', clause: `${G7}: Models`, level: 'additional', probe: 'ai.model.limitations', coverage: 'state limitations', help: 'Fill considerations.technicalLimitations (SPDX 3: ai_limitation).' }),
    // Dataset properties
    check({ id: 'g7ai.dataset.license', title: 'Dataset licence', clause: `${G7}: Dataset properties`, level: 'required', probe: 'ai.dataset.license', coverage: 'state a licence', help: 'State each dataset licence (CDLA, ODbL, CC…): lineage obligations depend on it.' }),
    check({ id: 'g7ai.dataset.provenance', title: 'Provenance', clause: `${G7}: Dataset properties; AI Act Annex XII 2(c) [N]`, level: 'required', probe: 'ai.dataset.provenance', coverage: 'say where the data comes from', help: 'Give the contents URL or the collection process (SPDX 3 dataset_dataCollectionProcess).' }),
    check({ id: 'g7ai.dataset.modality', title: 'Type of data', clause: `${G7}: Dataset properties; AI Office template 1.3 [S]`, level: 'required', probe: 'ai.dataset.modality', coverage: 'state their type or modality', help: 'State the dataset type (text, image, audio…; SPDX 3 dataset_datasetType).' }),
    check({ id: 'g7ai.dataset.sensitive-data', title: 'Sensitive personal data stated', clause: `${G7}: Dataset properties`, level: 'required', probe: 'ai.dataset.sensitive-data', coverage: 'say whether they hold sensitive personal data', help: 'State whether sensitive personal data is present (CycloneDX sensitiveData, SPDX 3 dataset_hasSensitivePersonalInformation).' }),
    check({ id: 'g7ai.dataset.size', title: 'Size', clause: `${G7}: Dataset properties; AI Office template 1.3 [S]`, level: 'additional', probe: 'ai.dataset.size', coverage: 'state a size or size band', help: 'State the size (bytes or the hub size band).' }),
    check({ id: 'g7ai.dataset.preprocessing', title: 'Preprocessing / curation', clause: `${G7}: Dataset properties; AI Act Annex XII 2(c) [N]`, level: 'additional', probe: 'ai.dataset.preprocessing', coverage: 'describe their preprocessing', help: 'Describe cleaning and curation (SPDX 3 dataset_dataPreprocessing).' }),
    check({ id: 'g7ai.dataset.governance', title: 'Governance', clause: `${G7}: Dataset properties`, level: 'optional', probe: 'ai.dataset.governance', coverage: 'name an owner, steward or custodian', help: 'Name the data owners, stewards or custodians (CycloneDX data.governance).' }),
    // Infrastructure
    check({ id: 'g7ai.infrastructure.software', title: 'Software the model runs on', clause: `${G7}: Infrastructure; AI Act Annex XII 1(d), 1(e) [N]`, level: 'required', probe: 'ai.model.dependencies', coverage: 'list their dependencies or library', help: 'List the frameworks and libraries each model needs (dependencies, or the card library).' }),
    // Security properties
    check({ id: 'g7ai.security.weights-hash', title: 'Integrity of the weights', clause: `${G7}: Security properties`, level: 'required', probe: 'ai.model.weights-hash', coverage: 'carry a SHA-256 or stronger hash of their weights', help: 'Hash every weight file (vigie sbom generate writes SHA-256 and SHA-512).' }),
    check({ id: 'g7ai.security.signature', title: 'Signed AI SBOM', clause: `${G7}: Security properties`, level: 'optional', probe: 'document.signature', coverage: 'an enveloped signature', help: 'Sign the AI SBOM (CycloneDX JSF signature).' }),
    // KPIs
    check({ id: 'g7ai.kpi.metrics', title: 'Performance metrics', clause: `${G7}: KPIs`, level: 'additional', probe: 'ai.model.metrics', coverage: 'report a metric', help: 'Report evaluation metrics (quantitativeAnalysis.performanceMetrics, SPDX 3 ai_metric).' }),
    check({ id: 'g7ai.kpi.energy', title: 'Energy consumption', clause: `${G7}: KPIs; AI Act Annex XI [N]`, level: 'optional', probe: 'ai.model.energy', coverage: 'state energy use', help: 'State training and inference energy (environmentalConsiderations, SPDX 3 ai_energyConsumption).' }),
  ],
};
