import type { DependencyScope } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { packageOf } from './conan-lock-extractor.js';

/**
 * conanfile.txt (Conan 1 and 2): the references under `[requires]` (prod) and `[tool_requires]`,
 * `[build_requires]`, `[test_requires]` (dev), one `name/version[@user/channel][#revision]` per
 * line. A version range (`boost/[>=1.83 <1.86]`) is not a version: reported, left out. Conan
 * resolves the transitive ones at install time: a conan.lock beside it is read instead.
 */
export const extract: ExtractFn = extractConanfileTxt;

const SECTIONS: Record<string, DependencyScope> = {
  requires: 'prod',
  tool_requires: 'dev',
  build_requires: 'dev',
  test_requires: 'dev',
};

function extractConanfileTxt(input: LockfileInput): Inventory {
  const builder = new InventoryBuilder('conan', 'C++', input.path);
  const lines = input.text.split(/\r?\n/);
  let scope: DependencyScope | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\s+#\s.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const section = /^\[([\w-]+)\]$/.exec(line);
    if (section) {
      scope = SECTIONS[section[1]!];
      continue;
    }
    if (!scope) continue;
    if (/\/\[/.test(line)) {
      builder.report('warning', 'unpinned-requirement', `${line} is a version range, not one version; left out`, {
        line: i + 1,
      });
      continue;
    }
    const spec = packageOf(line, scope);
    if (!spec) {
      builder.report('warning', 'bad-reference', `"${line.slice(0, 60)}" is not name/version; left out`, {
        line: i + 1,
      });
      continue;
    }
    builder.add(spec);
    builder.direct(spec.key, scope);
  }
  return builder.build({}, 'incomplete');
}
