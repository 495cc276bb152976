import { issue, type Issue } from '../../../model/index.js';
import { isRecord, text } from './structured-text.js';

/**
 * An issue ORT itself recorded (a failed resolution, a scanner timeout, a rule violation …). It is a
 * fact reported by the document, not a problem with the document, so it is kept as `info` with
 * ORT's own severity in the message.
 */
export function ortIssue(
  raw: unknown,
  where: { component?: string; field: string },
  code = 'ort-issue',
): Issue | undefined {
  if (!isRecord(raw)) return undefined;
  const message = text(raw.message);
  if (!message) return undefined;
  const severity = text(raw.severity) ?? 'ERROR';
  const source = text(raw.source);
  const prefix = source ? `ORT ${severity} from ${source}` : `ORT ${severity}`;
  const at: { component?: string; field: string } = { field: where.field };
  if (where.component) at.component = where.component;
  return issue('info', code, `${prefix}: ${message}`, at);
}
