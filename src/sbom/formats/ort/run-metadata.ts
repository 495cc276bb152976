import type { SbomMetadata } from '../../../model/index.js';
import { isRecord, text } from './structured-text.js';

/** Metadata both ORT layouts share: the analysed repository, the run's labels, the ORT version. */
export function addRunMetadata(
  metadata: SbomMetadata,
  run: { analyzer?: unknown; repository?: unknown; labels?: unknown },
): void {
  const analyzer = isRecord(run.analyzer) ? run.analyzer : undefined;
  const timestamp = analyzer && (text(analyzer.end_time) ?? text(analyzer.start_time));
  if (timestamp) metadata.timestamp = timestamp;
  const environment = analyzer && isRecord(analyzer.environment) ? analyzer.environment : {};
  const version = text(environment.ort_version);
  metadata.tools.push(version ? { name: 'OSS Review Toolkit', version } : { name: 'OSS Review Toolkit' });

  const repository = isRecord(run.repository) ? run.repository : {};
  const vcs = isRecord(repository.vcs_processed) ? repository.vcs_processed : repository.vcs;
  const url = isRecord(vcs) ? text(vcs.url) : undefined;
  if (isRecord(vcs) && url) {
    metadata.properties.push({ name: 'ort:repository:url', value: url });
    const revision = text(vcs.revision);
    if (revision) metadata.properties.push({ name: 'ort:repository:revision', value: revision });
  }
  if (isRecord(run.labels)) {
    for (const [key, value] of Object.entries(run.labels)) {
      const v = text(value);
      if (v) metadata.properties.push({ name: `ort:label:${key}`, value: v });
    }
  }
}
