// Support period (CRA Art. 13(8)) and retention dates (Art. 13(9), 13(13)). Dates are calendar
// dates `YYYY-MM-DD`; the end of support is a month `YYYY-MM` (Art. 13(19): at least month and year).

/** The factors Art. 13(8) lists for setting the support period; each documented as free text. */
export const SUPPORT_FACTORS = [
  'expectedUseTime',
  'userExpectations',
  'natureAndPurpose',
  'similarProducts',
  'operatingEnvironment',
  'coreComponentSupport',
  'adcoGuidance',
] as const;
export type SupportFactor = (typeof SUPPORT_FACTORS)[number];

export interface SupportPeriodInput {
  /** Start: placing on the market, `YYYY-MM-DD`. */
  start: string;
  /** Last month of support, `YYYY-MM`. */
  endMonth: string;
  factors: Partial<Record<SupportFactor, string>>;
  /** Why the product is expected to be used for less than five years (Art. 13(8) second subpara.). */
  shortExpectedUse?: string;
  /** Integrated core components with their own end of support, `YYYY-MM`. */
  coreComponents?: Array<{ name: string; endOfSupport: string }>;
}

export interface SupportFinding {
  severity: 'error' | 'warning';
  code:
    'invalid-date' | 'end-before-start' | 'shorter-than-five-years' | 'core-component-ends-first' | 'factors-missing';
  message: string;
  clause: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** Epoch ms of a `YYYY-MM-DD` date (UTC midnight), or null when not a real date. */
export function parseDay(text: string): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().startsWith(text) ? ms : null;
}

/** Epoch ms of the last day of a `YYYY-MM` month, or null. */
export function lastDayOfMonth(text: string): number | null {
  const m = MONTH.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return Date.UTC(Number(m[1]), Number(m[2]), 0);
}

function addYears(ms: number, years: number): number {
  const d = new Date(ms);
  const target = Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), 1);
  const last = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth() + 1, 0)).getUTCDate();
  return target + (Math.min(d.getUTCDate(), last) - 1) * 86_400_000;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function checkSupportPeriod(input: SupportPeriodInput): SupportFinding[] {
  const out: SupportFinding[] = [];
  const start = parseDay(input.start);
  const end = lastDayOfMonth(input.endMonth);
  if (start === null)
    out.push({
      severity: 'error',
      code: 'invalid-date',
      message: `start "${input.start}" is not a date (YYYY-MM-DD)`,
      clause: 'CRA Art. 13(8)',
    });
  if (end === null)
    out.push({
      severity: 'error',
      code: 'invalid-date',
      message: `end "${input.endMonth}" is not a month (YYYY-MM)`,
      clause: 'CRA Art. 13(19)',
    });
  if (start === null || end === null) return out;
  if (end < start) {
    out.push({
      severity: 'error',
      code: 'end-before-start',
      message: `support ends (${input.endMonth}) before the product is placed on the market (${input.start})`,
      clause: 'CRA Art. 13(8)',
    });
    return out;
  }
  const fiveYears = addYears(start, 5);
  if (end < fiveYears && !input.shortExpectedUse?.trim()) {
    out.push({
      severity: 'warning',
      code: 'shorter-than-five-years',
      message: `support ends ${input.endMonth}, less than five years after ${input.start} (${day(fiveYears)}), and no shorter expected use is recorded`,
      clause: 'CRA Art. 13(8)',
    });
  }
  for (const core of input.coreComponents ?? []) {
    const coreEnd = lastDayOfMonth(core.endOfSupport);
    if (coreEnd === null) {
      out.push({
        severity: 'error',
        code: 'invalid-date',
        message: `end of support of ${core.name} "${core.endOfSupport}" is not a month (YYYY-MM)`,
        clause: 'CRA Art. 13(8)',
      });
    } else if (coreEnd < end) {
      out.push({
        severity: 'warning',
        code: 'core-component-ends-first',
        message: `${core.name} is supported until ${core.endOfSupport}, before the product's end of support ${input.endMonth}`,
        clause: 'CRA Art. 13(8)',
      });
    }
  }
  const documented = SUPPORT_FACTORS.filter((f) => input.factors[f]?.trim());
  if (documented.length === 0) {
    out.push({
      severity: 'warning',
      code: 'factors-missing',
      message:
        'no Art. 13(8) factor is documented (expected use time, user expectations, nature and purpose, similar products, operating environment, core components, ADCO guidance)',
      clause: 'CRA Art. 13(8), Annex VII(4)',
    });
  }
  return out;
}

/** Art. 13(9): a security update stays available ≥ 10 years after issue or to the end of support, whichever is later. */
export function securityUpdateRetention(issued: string, supportEndMonth: string): string {
  const issuedMs = parseDay(issued);
  const end = lastDayOfMonth(supportEndMonth);
  if (issuedMs === null || end === null)
    throw new RangeError('securityUpdateRetention: dates as YYYY-MM-DD and YYYY-MM');
  return day(Math.max(addYears(issuedMs, 10), end));
}

/** Art. 13(13): technical documentation and DoC kept ≥ 10 years after placing on the market, or the support period if longer. */
export function documentationRetention(placed: string, supportEndMonth: string): string {
  return securityUpdateRetention(placed, supportEndMonth);
}
