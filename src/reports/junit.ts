import type { ReleaseValidation } from '../compliance/validate-release.js';
import { STEP_RULES } from '../compliance/finding.js';
import { escapeXml } from './escape.js';

/** A JUnit XML verdict: one test case per validation step, failures listing that step's blockers. */
export function renderJunit(validation: ReleaseValidation, suiteName: string): string {
  const x = escapeXml;
  const failures = validation.steps.filter((s) => !s.passed).length;
  const cases = validation.steps.map((s) => {
    const name = `step ${s.step}: ${s.name}`;
    const open = `    <testcase classname="${x(`vigie.validation.${STEP_RULES[s.step].split('/')[1]}`)}" name="${x(name)}" time="0">`;
    if (s.passed) return `${open}</testcase>`;
    const summary = s.blockers.length
      ? `${s.blockers.length} blocker(s)`
      : `${s.pending} usage(s) blocked by an earlier step`;
    const body = [
      ...s.blockers.map(
        (b) =>
          `[${b.rule}] ${b.message}\n  fix: ${b.fix.action} — ${b.fix.hint}${b.fix.suggestions.length ? ` (suggestions: ${b.fix.suggestions.slice(0, 5).join(' | ')})` : ''}`,
      ),
      ...(s.pending ? [`${s.pending} usage(s) could not be checked: an earlier step blocks them.`] : []),
    ].join('\n');
    return `${open}\n      <failure message="${x(summary)}" type="${x(STEP_RULES[s.step])}">${x(body)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="vigie" tests="6" failures="${failures}" errors="0">`,
    `  <testsuite name="${x(suiteName)}" tests="6" failures="${failures}" errors="0" skipped="0">`,
    `    <properties><property name="validationStep" value="${validation.validationStep}"/>${validation.settings ? `<property name="acceptNormaliser" value="${x(validation.settings.acceptNormaliser)}"/>` : ''}</properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
