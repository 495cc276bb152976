import type { ReleaseValidation } from '../compliance/validate-release.js';
import { STEP_RULES } from '../compliance/finding.js';
import { escapeXml } from './escape.js';

/** A JUnit XML verdict: one test case per validation step, failures listing that step's blockers. */
export function renderJunit(validation: ReleaseValidation, suiteName: string): string {
  return [...junitChunks(validation, suiteName)].join('');
}

/**
 * The same text as renderJunit, in pieces (a failing step's blockers one at a time), so a download of a
 * release with many blockers is written as it is produced instead of built whole first.
 */
export function* junitChunks(validation: ReleaseValidation, suiteName: string): Generator<string> {
  const x = escapeXml;
  const failures = validation.steps.filter((s) => !s.passed).length;
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="vigie" tests="6" failures="${failures}" errors="0">`,
    `  <testsuite name="${x(suiteName)}" tests="6" failures="${failures}" errors="0" skipped="0">`,
    `    <properties><property name="validationStep" value="${validation.validationStep}"/>${validation.settings ? `<property name="acceptNormaliser" value="${x(validation.settings.acceptNormaliser)}"/>` : ''}</properties>`,
    '',
  ].join('\n');
  for (const s of validation.steps) {
    const name = `step ${s.step}: ${s.name}`;
    const open = `    <testcase classname="${x(`vigie.validation.${STEP_RULES[s.step].split('/')[1]}`)}" name="${x(name)}" time="0">`;
    if (s.passed) {
      yield `${open}</testcase>\n`;
      continue;
    }
    const summary = s.blockers.length
      ? `${s.blockers.length} blocker(s)`
      : `${s.pending} usage(s) blocked by an earlier step`;
    yield `${open}\n      <failure message="${x(summary)}" type="${x(STEP_RULES[s.step])}">`;
    // The failure's text: one line group per blocker, then the pending note, joined by newlines.
    let first = true;
    for (const b of s.blockers) {
      const line = `[${b.rule}] ${b.message}\n  fix: ${b.fix.action} — ${b.fix.hint}${b.fix.suggestions.length ? ` (suggestions: ${b.fix.suggestions.slice(0, 5).join(' | ')})` : ''}`;
      yield x(`${first ? '' : '\n'}${line}`);
      first = false;
    }
    if (s.pending)
      yield x(`${first ? '' : '\n'}${s.pending} usage(s) could not be checked: an earlier step blocks them.`);
    yield `</failure>\n    </testcase>\n`;
  }
  yield '  </testsuite>\n</testsuites>\n';
}
