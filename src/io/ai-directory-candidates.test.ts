import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mayHoldAiDirectories } from './ai-directory-candidates.js';
import { findAiDirectories } from './model-directory.js';

function tree(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-ai-candidates-'));
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), f.endsWith('README.md') ? '---\nlicense: mit\ntask_categories: [x]\n---\n' : 'x');
  }
  return dir;
}

test('the AI readers are skipped only where findAiDirectories could find nothing', () => {
  const cases: [string[], boolean][] = [
    [['package-lock.json', 'src/index.js'], false],
    [['a/b/c/model.safetensors', 'a/b/c/config.json'], false], // deeper than findAiDirectories looks
    [['node_modules/m/model.onnx', '.cache/README.md'], false], // folders it never enters
    [['README.md'], true],
    [['models/tiny/model.safetensors', 'models/tiny/config.json'], true],
    [['x/y/weights.gguf'], true],
  ];
  for (const [files, expected] of cases) {
    const dir = tree(files);
    try {
      assert.equal(mayHoldAiDirectories(dir), expected, files.join(' '));
      if (!expected) assert.deepEqual(findAiDirectories(dir), [], `${files.join(' ')}: nothing missed`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  assert.equal(
    mayHoldAiDirectories(join(tmpdir(), 'vigie-no-such-folder-4711')),
    true,
    'an error runs the full search',
  );
});
