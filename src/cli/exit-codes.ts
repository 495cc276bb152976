/**
 * The one exit-code table of the `vigie` command.
 * 0: ok (compliant, valid, no differences). 1: findings (invalid SBOM, policy violations, differences).
 * 2: usage error or unreadable input. 3: internal error (a bug: please report it).
 */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  internal: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the user can fix (bad arguments, unreadable file): one line on stderr, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
