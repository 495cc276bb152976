import type { Allowed, ReviewStatus } from '../../api/types.js';

export const ALLOWED_LABELS: Record<Allowed, string> = {
  always: 'Always allowed',
  never: 'Never allowed',
  context: 'Allowed in context',
  'out-of-foss-policy': 'Out of FOSS policy',
  'not-reviewed': 'Not reviewed',
};

export const ALLOWED_TONES: Record<Allowed, 'ok' | 'warn' | 'bad' | 'neutral'> = {
  always: 'ok',
  never: 'bad',
  context: 'warn',
  'out-of-foss-policy': 'bad',
  'not-reviewed': 'neutral',
};

export const REVIEW_LABELS: Record<ReviewStatus, string> = {
  'not-reviewed': 'Not reviewed',
  'to-check': 'To check',
  checked: 'Checked',
};
