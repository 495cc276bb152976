// security.txt (RFC 9116): generated from the record's disclosure contact (CRA Art. 13(17), Annex I
// Part II (5)-(6)) and a validator for any existing file. Required: at least one Contact and exactly
// one Expires (RFC 9116 §2.5.3, §2.5.5); Expires should be less than a year ahead; web URIs must be
// https; Preferred-Languages at most once (§2.5.8); CSAF points at provider-metadata.json (CSAF 2.0
// §7.1.8).

export interface SecurityTxtInput {
  contacts: readonly string[];
  /** ISO instant. */
  expires: string;
  policyUrl?: string | null;
  canonicalUrl?: string | null;
  preferredLanguages?: readonly string[];
  csafUrl?: string | null;
}

export function generateSecurityTxt(input: SecurityTxtInput): string {
  const lines = ['# Where to report security vulnerabilities (RFC 9116; EU Cyber Resilience Act Art. 13(17))'];
  for (const c of input.contacts) lines.push(`Contact: ${c}`);
  lines.push(`Expires: ${input.expires}`);
  if (input.policyUrl) lines.push(`Policy: ${input.policyUrl}`);
  if (input.preferredLanguages?.length) lines.push(`Preferred-Languages: ${input.preferredLanguages.join(', ')}`);
  if (input.canonicalUrl) lines.push(`Canonical: ${input.canonicalUrl}`);
  if (input.csafUrl) lines.push(`CSAF: ${input.csafUrl}`);
  return lines.join('\n') + '\n';
}

export interface SecurityTxtProblem {
  /** 1-based line in the file; 0 for the file as a whole. */
  line: number;
  field: string | null;
  severity: 'error' | 'warning';
  message: string;
  clause: string;
}

export interface SecurityTxtVerdict {
  ok: boolean;
  signed: boolean;
  fields: Record<string, string[]>;
  problems: SecurityTxtProblem[];
}

const KNOWN = [
  'acknowledgments',
  'canonical',
  'contact',
  'encryption',
  'expires',
  'hiring',
  'policy',
  'preferred-languages',
  'csaf',
];
const WEB_URI_FIELDS = ['acknowledgments', 'canonical', 'contact', 'encryption', 'hiring', 'policy', 'csaf'];
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const YEAR_MS = 365 * 86_400_000;

/** The signed content of an OpenPGP cleartext-signed file (RFC 9116 §2.3), with its first line number. */
function unwrapSignature(lines: string[]): { lines: string[]; offset: number; signed: boolean; problem?: string } {
  if (lines[0]?.trim() !== '-----BEGIN PGP SIGNED MESSAGE-----') return { lines, offset: 0, signed: false };
  let start = 1;
  while (start < lines.length && lines[start]!.trim() !== '') start++;
  const end = lines.findIndex((l) => l.trim() === '-----BEGIN PGP SIGNATURE-----');
  if (end < 0) return { lines: [], offset: 0, signed: true, problem: 'signed message without a signature block' };
  return {
    lines: lines.slice(start + 1, end).map((l) => (l.startsWith('- ') ? l.slice(2) : l)),
    offset: start + 1,
    signed: true,
  };
}

export function validateSecurityTxt(text: string, now: Date): SecurityTxtVerdict {
  const problems: SecurityTxtProblem[] = [];
  const add = (line: number, field: string | null, severity: 'error' | 'warning', message: string, clause: string) =>
    problems.push({ line, field, severity, message, clause });
  const unwrapped = unwrapSignature(text.replace(/\r\n?/g, '\n').split('\n'));
  if (unwrapped.problem) add(0, null, 'error', unwrapped.problem, 'RFC 9116 §2.3');
  const fields: Record<string, string[]> = {};
  const seen: Record<string, number[]> = {};
  unwrapped.lines.forEach((raw, i) => {
    const line = i + 1 + unwrapped.offset;
    const l = raw.trim();
    if (l === '' || l.startsWith('#')) return;
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(l);
    if (!m) return add(line, null, 'error', `line ${line} is not "Field: value"`, 'RFC 9116 §2.4');
    const name = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    (fields[name] ??= []).push(value);
    (seen[name] ??= []).push(line);
    if (!KNOWN.includes(name))
      return add(line, m[1]!, 'warning', `unknown field "${m[1]}" (ignored by readers)`, 'RFC 9116 §2.4');
    if (value === '') return add(line, m[1]!, 'error', `${m[1]} has no value`, 'RFC 9116 §2.4');
    if (WEB_URI_FIELDS.includes(name) && /^http:/i.test(value))
      add(line, m[1]!, 'error', `${m[1]} "${value}" uses http: a web URI must begin with https://`, 'RFC 9116 §2.5');
    if (name === 'contact' && !/^(mailto:|tel:|https:)/i.test(value))
      add(line, m[1]!, 'error', `Contact "${value}" is not a mailto:, tel: or https:// URI`, 'RFC 9116 §2.5.3');
    if (name === 'csaf' && !/^https:\/\/.+\/provider-metadata\.json$/i.test(value))
      add(line, m[1]!, 'error', `CSAF "${value}" must be the https URL of a provider-metadata.json`, 'CSAF 2.0 §7.1.8');
    if (name === 'expires') {
      if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))
        add(
          line,
          m[1]!,
          'error',
          `Expires "${value}" is not an RFC 3339 date-time (e.g. 2027-06-30T23:59:59Z)`,
          'RFC 9116 §2.5.5',
        );
      else if (Date.parse(value) <= now.getTime())
        add(line, m[1]!, 'error', `Expires ${value} is in the past: the file must not be used`, 'RFC 9116 §2.5.5');
      else if (Date.parse(value) - now.getTime() > YEAR_MS)
        add(
          line,
          m[1]!,
          'warning',
          `Expires ${value} is more than a year ahead; less than a year is recommended`,
          'RFC 9116 §2.5.5',
        );
    }
  });
  if (!fields.contact?.length)
    add(0, 'Contact', 'error', 'no Contact field: at least one is required', 'RFC 9116 §2.5.3; CRA Art. 13(17)');
  if (!fields.expires?.length)
    add(0, 'Expires', 'error', 'no Expires field: exactly one is required', 'RFC 9116 §2.5.5');
  for (const once of ['expires', 'preferred-languages']) {
    if ((seen[once]?.length ?? 0) > 1)
      add(
        seen[once]![1]!,
        once,
        'error',
        `${once} appears ${seen[once]!.length} times; at most once is allowed`,
        once === 'expires' ? 'RFC 9116 §2.5.5' : 'RFC 9116 §2.5.8',
      );
  }
  problems.sort((a, b) => a.line - b.line);
  return { ok: !problems.some((p) => p.severity === 'error'), signed: unwrapped.signed, fields, problems };
}
