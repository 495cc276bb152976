// Just enough typing for the BSI CSAF validator, used as a test oracle (the package ships JSDoc only).
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  const tests: Record<string, (doc: unknown) => unknown>;
  export = tests;
}
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  export const csaf_2_0_strict: (doc: unknown) => unknown;
}
declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  export default function validateStrict(
    tests: ((doc: unknown) => unknown)[],
    doc: unknown,
  ): Promise<{
    isValid: boolean;
    tests: { name: string; isValid: boolean; errors: { message: string; instancePath: string }[] }[];
  }>;
}
