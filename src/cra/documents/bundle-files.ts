/** File names inside the CRA document bundle (one place, so that the index and the bundle agree). */
export const BUNDLE_FILES = {
  index: 'index',
  annexII: 'annex-ii-user-information.md',
  annexV: 'annex-v-eu-declaration-of-conformity.md',
  annexVI: 'annex-vi-simplified-declaration.txt',
  annexI: 'annex-i-essential-requirements.md',
  cvdPolicy: 'cvd-policy.md',
  stewardPolicy: 'steward-cybersecurity-policy.md',
  securityTxt: 'security.txt',
  manifest: 'manifest.json',
} as const;
