/**
 * Model and data licences of the AI world that the SPDX list (e4c1f27) does not hold: the RAIL
 * family, the Llama community licences and the Gemma terms. Ids are ScanCode's LicenseRefs where
 * ScanCode has one (the public namespace other tools already use), else Vigie's own
 * (`LicenseRef-vigie-…`). Facts and obligations are our own summary of each licence, not its text;
 * read the licence before relying on a line. Use restrictions (fields of use, user thresholds, the
 * duty to pass them on) are obligations of the action "Use only for permitted purposes" and
 * "Pass the use restrictions on to recipients".
 */
export const AI_LICENSE_NAMES: Record<string, [name: string, url: string]> = {
  'LicenseRef-vigie-openrail': [
    'Open RAIL licence (generic Open Responsible AI Licence)',
    'https://www.licenses.ai/blog/2022/8/26/bigscience-open-rail-m-license',
  ],
  'LicenseRef-scancode-bigscience-open-rail-m': [
    'BigScience OpenRAIL-M',
    'https://www.licenses.ai/blog/2022/8/26/bigscience-open-rail-m-license',
  ],
  'LicenseRef-vigie-openrail-plus-plus-m': [
    'CreativeML OpenRAIL++-M',
    'https://github.com/Stability-AI/generative-models/blob/main/model_licenses/LICENSE-SDXL1.0',
  ],
  'LicenseRef-vigie-creativeml-openrail-m': [
    'CreativeML OpenRAIL-M',
    'https://huggingface.co/spaces/CompVis/stable-diffusion-license',
  ],
  'LicenseRef-scancode-bigscience-rail-1.0': [
    'BigScience BLOOM RAIL 1.0',
    'https://huggingface.co/spaces/bigscience/license',
  ],
  'LicenseRef-scancode-bigcode-open-rail-m-v1': [
    'BigCode OpenRAIL-M v1',
    'https://www.bigcode-project.org/docs/pages/model-license/',
  ],
  'LicenseRef-scancode-llama-2-license-2023': [
    'Llama 2 Community License Agreement',
    'https://ai.meta.com/llama/license/',
  ],
  'LicenseRef-vigie-llama-3-community': [
    'Meta Llama 3 Community License Agreement',
    'https://www.llama.com/llama3/license/',
  ],
  'LicenseRef-scancode-llama-3.1-license-2024': [
    'Llama 3.1 Community License Agreement',
    'https://www.llama.com/llama3_1/license/',
  ],
  'LicenseRef-scancode-llama-3.2-license-2024': [
    'Llama 3.2 Community License Agreement',
    'https://www.llama.com/llama3_2/license/',
  ],
  'LicenseRef-scancode-llama-3.3-license-2024': [
    'Llama 3.3 Community License Agreement',
    'https://www.llama.com/llama3_3/license/',
  ],
  'LicenseRef-scancode-llama-4-license-2025': [
    'Llama 4 Community License Agreement',
    'https://www.llama.com/llama4/license/',
  ],
  'LicenseRef-scancode-gemma-tou-2024-04-01': ['Gemma Terms of Use (2024-04-01)', 'https://ai.google.dev/gemma/terms'],
  'LicenseRef-scancode-gemma-tou-2025-03-24': ['Gemma Terms of Use (2025-03-24)', 'https://ai.google.dev/gemma/terms'],
};

/** Why each family is not FOSS, kept as the licence comment. */
export const AI_LICENSE_COMMENTS: Record<string, string> = {
  rail: 'Responsible AI licence: use restrictions (Attachment A) bind every user and must be passed on in any licence for the model or its derivatives; not FOSS.',
  llama:
    'Community licence: an Acceptable Use Policy binds every use; products above 700 million monthly active users need a separate licence from Meta; distribution needs the licence copy, a Notice line and a "Built with Llama" mention; not FOSS.',
  'llama-2':
    'Llama 2: as the later Llama licences, and Llama outputs may not be used to improve other large language models; not FOSS.',
  gemma:
    'Gemma terms: the Prohibited Use Policy binds every use and must be passed on to recipients; modified files must say so; not FOSS.',
};
