/**
 * EPSS scores as FIRST publishes them (epss_scores-YYYY-MM-DD.csv[.gz]): an optional first line
 * `#model_version:<v>,score_date:<RFC 3339>`, a `cve,epss,percentile` header, then one line per
 * CVE with the probability of exploitation in the next 30 days and its percentile, both 0..1.
 * The caller decompresses; this reads text and reports bad lines by number instead of throwing.
 */
export interface EpssScore {
  /** Probability of exploitation activity in the next 30 days, 0..1. */
  epss: number;
  /** Share of all scored CVEs with a lower or equal probability, 0..1. */
  percentile: number;
}

export interface EpssFile {
  modelVersion?: string;
  scoreDate?: string;
  scores: Map<string, EpssScore>;
  /** Lines that could not be read: `line N: why`. */
  problems: string[];
}

const CVE = /^CVE-\d{4}-\d{4,}$/;

export function parseEpss(text: string): EpssFile {
  const out: EpssFile = { scores: new Map(), problems: [] };
  let columns: { cve: number; epss: number; percentile: number } | undefined;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '').trim();
    start = end + 1;
    lineNo++;
    if (line === '') continue;
    if (line.startsWith('#')) {
      for (const field of line.slice(1).split(',')) {
        const colon = field.indexOf(':');
        if (colon === -1) continue;
        const key = field.slice(0, colon).trim();
        const value = field.slice(colon + 1).trim();
        if (key === 'model_version') out.modelVersion = value;
        else if (key === 'score_date') out.scoreDate = value;
      }
      continue;
    }
    const cells = line.split(',').map((c) => c.trim());
    if (columns === undefined) {
      const lower = cells.map((c) => c.toLowerCase());
      columns = { cve: lower.indexOf('cve'), epss: lower.indexOf('epss'), percentile: lower.indexOf('percentile') };
      if (columns.cve === -1 || columns.epss === -1 || columns.percentile === -1) {
        out.problems.push(`line ${lineNo}: expected the header "cve,epss,percentile", found "${line.slice(0, 80)}"`);
        return out;
      }
      continue;
    }
    const cve = cells[columns.cve] ?? '';
    const epss = Number(cells[columns.epss]);
    const percentile = Number(cells[columns.percentile]);
    if (!CVE.test(cve)) out.problems.push(`line ${lineNo}: "${cve.slice(0, 40)}" is not a CVE id`);
    else if (
      !(epss >= 0 && epss <= 1) ||
      !(percentile >= 0 && percentile <= 1) ||
      cells[columns.epss] === '' ||
      cells[columns.percentile] === ''
    ) {
      out.problems.push(`line ${lineNo}: ${cve}: epss and percentile must be numbers between 0 and 1`);
    } else out.scores.set(cve, { epss, percentile });
  }
  if (columns === undefined) out.problems.push('no "cve,epss,percentile" header: not an EPSS score file');
  return out;
}
