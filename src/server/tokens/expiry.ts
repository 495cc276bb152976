const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 } as const;

/**
 * The longest lifetime a token can be given. Longer ones (99999999y) ran past the last date a Date
 * can hold and failed as an invalid date (500); a token meant to outlive that is one without expiry.
 */
const MAX_MS = 100 * UNIT_MS.y;

/** "30d" → milliseconds; null when the text is not a positive duration like 12h, 30d, 8w or 1y, up to 100y. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)([hdwy])$/.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms > 0 && ms <= MAX_MS ? ms : null;
}

export const DURATION_HINT = 'a duration like 12h, 30d, 8w or 1y, at most 100y (leave it out for no expiry)';
