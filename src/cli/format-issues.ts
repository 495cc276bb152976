import type { Issue } from '../model/index.js';

/** One line per issue, the way compilers print: `file: severity [code] component field: message`. */
export function formatIssue(file: string, i: Issue): string {
  const where = [i.line !== undefined ? `line ${i.line}` : '', i.component ?? '', i.field ?? '']
    .filter(Boolean)
    .join(' ');
  // A message that opens with its own line or field (the JSON type checks and the tag-value reader say
  // where for readers that print only the message) is not prefixed with it twice.
  let message = i.message;
  if (i.line !== undefined && message.startsWith(`line ${i.line}: `))
    message = message.slice(`line ${i.line}: `.length);
  if (i.field && message.startsWith(`${i.field}: `)) message = message.slice(i.field.length + 2);
  return `${file}: ${i.severity} [${i.code}]${where ? ' ' + where : ''}: ${message}`;
}

export function countBySeverity(issues: readonly Issue[]): Record<'error' | 'warning' | 'info', number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}
