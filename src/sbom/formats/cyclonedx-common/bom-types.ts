// The JSON types of the CycloneDX fields the decoder reads (json-shape.ts checks them before decoding).
import { listOf, objectWith, type Shape } from '../../json-shape.js';

const strings = listOf('string');
const hash = objectWith({ alg: 'string', content: 'string' });
const contact = objectWith({ name: 'string', email: 'string', phone: 'string' });
const organization = objectWith({ name: 'string', url: strings, contact: listOf(contact) });
const property = objectWith({ name: 'string', value: 'string' });
const externalReference = objectWith({ type: 'string', url: 'string', comment: 'string', hashes: listOf(hash) });
const license = objectWith({
  id: 'string',
  name: 'string',
  url: 'string',
  acknowledgement: 'string',
  'bom-ref': 'string',
  text: objectWith({ content: 'string', contentType: 'string', encoding: 'string' }),
  properties: listOf(property),
});
const licenseChoice = objectWith({ license, expression: 'string', acknowledgement: 'string', 'bom-ref': 'string' });

const component = objectWith({
  type: 'string',
  'bom-ref': 'string',
  supplier: organization,
  manufacturer: organization,
  authors: listOf(contact),
  author: 'string',
  publisher: 'string',
  group: 'string',
  name: 'string',
  version: 'string',
  description: 'string',
  scope: 'string',
  hashes: listOf(hash),
  licenses: listOf(licenseChoice),
  copyright: 'string',
  cpe: 'string',
  purl: 'string',
  omniborId: strings,
  swhid: strings,
  swid: objectWith({ tagId: 'string', name: 'string' }),
  externalReferences: listOf(externalReference),
  properties: listOf(property),
  evidence: objectWith({ occurrences: listOf(objectWith({ location: 'string' })), licenses: listOf(licenseChoice) }),
  modelCard: objectWith({}),
  data: listOf(objectWith({})),
});
component.fields.components = listOf(component);

const service = objectWith({
  'bom-ref': 'string',
  name: 'string',
  version: 'string',
  group: 'string',
  provider: organization,
});
service.fields.services = listOf(service);

const legacyTool = objectWith({ vendor: 'string', name: 'string', version: 'string' });

export const CDX_BOM_TYPES: Shape = objectWith({
  bomFormat: 'string',
  specVersion: 'string',
  serialNumber: 'string',
  version: 'integer',
  metadata: objectWith({
    timestamp: 'string',
    lifecycles: listOf(objectWith({ phase: 'string', name: 'string' })),
    tools: { either: [listOf(legacyTool), objectWith({ components: listOf(component), services: listOf(service) })] },
    authors: listOf(contact),
    component,
    manufacturer: organization,
    manufacture: organization,
    supplier: organization,
    licenses: listOf(licenseChoice),
    properties: listOf(property),
  }),
  components: listOf(component),
  services: listOf(service),
  dependencies: listOf(objectWith({ ref: 'string', dependsOn: strings })),
  compositions: listOf(objectWith({ aggregate: 'string', assemblies: strings, dependencies: strings })),
  vulnerabilities: listOf('any'),
});
