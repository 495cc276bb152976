// Licence identifiers of the model and dataset hubs (the `license:` field of a Hugging Face card)
// → an SPDX id, or the ScanCode LicenseRef for the model licences SPDX does not list (RAIL, Llama,
// Gemma) and, where neither has one, a Vigie LicenseRef (`LicenseRef-vigie-…`). The raw tag is always kept as the declared licence; this table only proposes the
// expression. `other` (with `license_name` / `license_link`) is left for a curation.
const HUB_LICENSES: Readonly<Record<string, string>> = {
  'apache-2.0': 'Apache-2.0',
  mit: 'MIT',
  'bsd-2-clause': 'BSD-2-Clause',
  'bsd-3-clause': 'BSD-3-Clause',
  'gpl-3.0': 'GPL-3.0-only',
  'lgpl-3.0': 'LGPL-3.0-only',
  'agpl-3.0': 'AGPL-3.0-only',
  'mpl-2.0': 'MPL-2.0',
  'cc0-1.0': 'CC0-1.0',
  'cc-by-4.0': 'CC-BY-4.0',
  'cc-by-sa-4.0': 'CC-BY-SA-4.0',
  'cc-by-nc-4.0': 'CC-BY-NC-4.0',
  'cc-by-nc-sa-4.0': 'CC-BY-NC-SA-4.0',
  'cc-by-nc-nd-4.0': 'CC-BY-NC-ND-4.0',
  'cc-by-nd-4.0': 'CC-BY-ND-4.0',
  'cdla-permissive-1.0': 'CDLA-Permissive-1.0',
  'cdla-permissive-2.0': 'CDLA-Permissive-2.0',
  'cdla-sharing-1.0': 'CDLA-Sharing-1.0',
  odbl: 'ODbL-1.0',
  'odc-by': 'ODC-By-1.0',
  pddl: 'PDDL-1.0',
  'c-uda': 'C-UDA-1.0',
  'artistic-2.0': 'Artistic-2.0',
  unlicense: 'Unlicense',
  openrail: 'LicenseRef-vigie-openrail',
  'openrail++': 'LicenseRef-vigie-openrail-plus-plus-m',
  'bigscience-openrail-m': 'LicenseRef-scancode-bigscience-open-rail-m',
  'creativeml-openrail-m': 'LicenseRef-vigie-creativeml-openrail-m',
  'bigscience-bloom-rail-1.0': 'LicenseRef-scancode-bigscience-rail-1.0',
  'bigcode-openrail-m': 'LicenseRef-scancode-bigcode-open-rail-m-v1',
  llama2: 'LicenseRef-scancode-llama-2-license-2023',
  llama3: 'LicenseRef-vigie-llama-3-community',
  'llama3.1': 'LicenseRef-scancode-llama-3.1-license-2024',
  'llama3.2': 'LicenseRef-scancode-llama-3.2-license-2024',
  'llama3.3': 'LicenseRef-scancode-llama-3.3-license-2024',
  llama4: 'LicenseRef-scancode-llama-4-license-2025',
  gemma: 'LicenseRef-scancode-gemma-tou-2024-04-01',
};

/** The SPDX expression a hub licence tag stands for, when the table knows it. */
export function hubLicenseExpression(tag: string): string | undefined {
  return HUB_LICENSES[tag.trim().toLowerCase()];
}
