import type { DependencyScope } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';

/**
 * Gradle dependency locking (`gradle.lockfile`, `buildscript-gradle.lockfile`, and the older
 * per-configuration `gradle/dependency-locks/*.lockfile`): `group:artifact:version=configurations`.
 * A module locked only in test, annotation-processor or build-script configurations is dev. No
 * edges: Gradle locks the resolved set, not the graph.
 */
export const extract: ExtractFn = extractGradleLockfile;

const DEV_CONFIGURATION =
  /^(test|androidTest|unitTest|annotationProcessor|kapt|detekt|ktlint|spotbugs|checkstyle|pmd|jacoco|developmentOnly|testFixtures)/i;

function extractGradleLockfile(input: LockfileInput): Inventory {
  const builder = new InventoryBuilder('maven', 'Java', input.path);
  const buildscript = /buildscript-gradle\.lockfile$/.test(input.path);
  const perConfiguration = /dependency-locks\/([^/]+)\.lockfile$/.exec(input.path)?.[1];
  const lines = input.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('empty=')) continue;
    const m = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)(?:=(.*))?$/.exec(line);
    if (!m) {
      builder.report(
        'warning',
        'bad-lock-line',
        `"${line.slice(0, 60)}" is not group:artifact:version=configurations; left out`,
        { line: i + 1 },
      );
      continue;
    }
    const [, group, artifact, version, configs] = m as unknown as [string, string, string, string, string | undefined];
    const configurations =
      configs !== undefined ? configs.split(',').filter(Boolean) : perConfiguration ? [perConfiguration] : [];
    if (configs === undefined && !perConfiguration)
      throw new LockfileError(input.path, `"${line}" lists no configurations (expected "=compileClasspath,…")`, i + 1);
    const dev = buildscript || (configurations.length > 0 && configurations.every((c) => DEV_CONFIGURATION.test(c)));
    const scope: DependencyScope = dev ? 'dev' : 'prod';
    builder.add({
      key: `${group}:${artifact}:${version}`,
      name: artifact,
      group,
      version,
      purl: { namespace: group, name: artifact, version },
      scope,
      properties: [
        {
          name: 'vigie:gradle:configurations',
          value: buildscript ? `buildscript:${configurations.join(',')}` : configurations.join(','),
        },
      ],
    });
  }
  return builder.build({}, 'incomplete');
}
