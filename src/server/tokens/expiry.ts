const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 } as const;

/** "30d" → milliseconds; null when the text is not a positive duration like 12h, 30d, 8w or 1y. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)([hdwy])$/.exec(text.trim());
  if (!match) return null;
  const amount = Number(match[1]);
  return amount > 0 ? amount * UNIT_MS[match[2] as keyof typeof UNIT_MS] : null;
}

export const DURATION_HINT = 'a duration like 12h, 30d, 8w or 1y';
