// Points in time for the Art. 14 clocks: ISO 8601 with an explicit offset in, UTC out. A local
// time without an offset is refused: the regulation's clocks run from an instant, and guessing the
// zone (or the daylight-saving side of an ambiguous hour) could move a deadline by hours.

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export type InstantResult = { ok: true; ms: number } | { ok: false; message: string };

/** Parses `2026-10-31T10:17Z`, `2026-10-31T12:17:00+02:00`, … into epoch milliseconds (UTC). */
export function parseInstant(text: string): InstantResult {
  const value = text.trim();
  const m = ISO_INSTANT.exec(value);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value)) {
      return {
        ok: false,
        message: `"${value}" has no time-zone offset: give the instant with "Z" (UTC) or an offset such as "+01:00" (local times are ambiguous around daylight-saving changes)`,
      };
    }
    return { ok: false, message: `"${value}" is not an ISO 8601 date-time (example: 2026-10-31T10:17Z)` };
  }
  const [, y, mo, d, h, mi, s = '0', frac = '', zone] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d),
    hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(Number(`0${frac || '.0'}`) * 1000));
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, message: `"${value}" is not a real date and time` };
  }
  let offsetMinutes = 0;
  if (zone!.toUpperCase() !== 'Z') {
    const digits = zone!.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const oh = Number(digits.slice(1, 3)),
      om = Number(digits.slice(3, 5));
    if (oh > 14 || om > 59) return { ok: false, message: `"${value}" has an impossible offset ${zone}` };
    offsetMinutes = sign * (oh * 60 + om);
  }
  return { ok: true, ms: local - offsetMinutes * 60_000 };
}

/** UTC, to the second: `2026-11-01T10:17:00Z`. */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
