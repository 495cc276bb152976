// The environment of the processes that the start-up and lockfile cases spawn and time (short ones,
// each beside a baseline or a peer tool): this one, without NODE_EXTRA_CA_CERTS. With it, Node reads
// and parses that CA bundle before any script runs (~40 ms per process on the machine where this was
// found, with a 200 KB system bundle): a cost of the machine, not of the tool, that neither Vigie nor
// cdxgen needs here (no TLS: cdxgen's lookups are off), and that weighs on a short process far more
// than on a long one. Baselines get the same environment.

/** process.env plus `extra`, less NODE_EXTRA_CA_CERTS. */
export function benchEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Said in a case's note when the variable was set and left out, so a reader knows. */
export const CA_NOTE = process.env.NODE_EXTRA_CA_CERTS ? 'NODE_EXTRA_CA_CERTS unset' : '';
