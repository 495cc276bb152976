// Test helper: the BSI CSAF validator as an oracle (never imported by production code).
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js';
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js';

/** The CSAF 2.0 strict schema test plus every mandatory test (6.1.1–6.1.33) of the BSI validator. */
export const CSAF_TESTS = [csaf_2_0_strict, ...Object.values(mandatory)];

/** One line per failed check: `<test name> <instance path>: <message>`; empty when the document passes. */
export async function csafErrors(doc: unknown): Promise<string[]> {
  const result = await validateStrict(CSAF_TESTS, doc);
  return result.tests.flatMap((t) => t.errors.map((e) => `${t.name} ${e.instancePath}: ${e.message}`));
}
