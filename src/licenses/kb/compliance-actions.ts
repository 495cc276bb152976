import type { ComplianceAction } from './types.js';

/**
 * Vigie's own compliance actions, written for this project. Obligations in our knowledge base point
 * at these by name. The names are deliberately different from Hermine's generics: an imported
 * Hermine data set brings its own actions along.
 */
function action(
  name: string,
  category: ComplianceAction['category'],
  passivity: ComplianceAction['passivity'],
  core: boolean,
  description: string,
): ComplianceAction {
  return { name, description, category, passivity, team: null, core };
}

export const COMPLIANCE_ACTIONS: readonly ComplianceAction[] = [
  action('Keep notices in source files', 'mentions', 'do', true,
    'Leave every copyright line, licence header and attribution file of the component in place in the source you hand over.'),
  action('Ship licence texts and copyright notices', 'mentions', 'do', true,
    'Put the full licence text and the copyright holders of the component in the documentation, an "about" screen or a third-party notices file delivered with the product.'),
  action('Reproduce the NOTICE file', 'mentions', 'do', false,
    'When the component comes with a NOTICE (or similar attribution) file, copy its attributions into the notices delivered with the product.'),
  action('Credit the author of the work', 'mentions', 'do', false,
    'Name the creator and any party the licensor asked to be credited, give the title if supplied, and link to the licence wherever the material is shown or shared.'),
  action('State changes made', 'mentions', 'do', false,
    'Say in the changed files (or next to the changed material) that they were modified, by whom and when, so nobody mistakes the changed version for the original.'),
  action('Mention the component in advertising', 'mentions', 'do', false,
    'Advertising material that mentions features of the component must carry the acknowledgement sentence the licence prescribes.'),
  action('Provide the source code of the component', 'providing-source-code', 'do', false,
    'Deliver the complete source of the component as used (including your changes), or a written offer valid for the period the licence requires, alongside the binaries.'),
  action('Provide the source code of the whole derived work', 'providing-source-code', 'do', false,
    'Deliver the complete corresponding source of every part combined with the component into one program, with the build scripts needed to rebuild it.'),
  action('Offer the source code to network users', 'providing-source-code', 'do', false,
    'Users interacting with the (modified) software over a network must be offered its complete corresponding source, e.g. by a download link in the interface.'),
  action('License derived work under the same terms', 'license-agreement', 'do', false,
    'Release the work you derive from the component (the scope depends on the licence: changed files, the library, the whole program or the adapted material) under the same licence.'),
  action('Keep changed files under the original licence', 'license-agreement', 'do', false,
    'Files of the component that you change stay under the component licence; your own separate files may use any licence.'),
  action('Allow relinking with a modified library', 'technical-constraints', 'do', false,
    'Ship the product so a user can replace the library with a modified version (dynamic linking, or object files for relinking) and do not forbid the reverse engineering needed to debug it.'),
  action('Provide installation information', 'technical-constraints', 'do', false,
    'For a consumer device, give the keys, methods or instructions needed to install and run a modified version of the software on it.'),
  action('Add no further restrictions', 'license-agreement', 'dont', true,
    'Do not put terms on recipients (contracts, EULAs, technical measures) that take away the rights the licence grants them.'),
  action('Do not use names for endorsement', 'ip-management', 'dont', true,
    'Do not use the names of the authors, contributors or their organisation to promote the product without their written permission.'),
  action('Respect trademarks', 'ip-management', 'dont', true,
    'The licence grants no trademark rights: do not use the licensor marks except to describe where the component comes from.'),
  action('Do not start patent litigation', 'ip-management', 'dont', false,
    'Suing contributors over patents infringed by the component ends the patent licence (and sometimes the whole licence) you received.'),
  action('No commercial use', 'license-agreement', 'dont', false,
    'Do not use or share the material primarily for commercial advantage or monetary compensation.'),
  action('Do not share adapted material', 'license-agreement', 'dont', false,
    'You may use the material, but you may not distribute a modified or adapted version of it.'),
  action('Apply no technical protection measures', 'technical-constraints', 'dont', false,
    'Do not add DRM or other technical measures that stop recipients from exercising the rights the licence gives them.'),
  action('Rename modified versions', 'ip-management', 'do', false,
    'A modified version must be distributed under a name different from the original (reserved names, or the standard version name).'),
  action('Do not sell the work on its own', 'license-agreement', 'dont', false,
    'The work may be bundled and sold with other software, but not sold by itself.'),
  action('Keep the database open', 'technical-constraints', 'do', false,
    'When a database is published with technical restrictions, a copy without those restrictions must also be made available.'),
  action('Use only for permitted purposes', 'license-agreement', 'dont', false,
    'Respect the usage restrictions of the licence (e.g. no use for evil, no offering as a managed service): such licences are not FOSS.'),
];
