// The compile-fail test: tsc must refuse each file of test/compile-fail, with the error its first line expects. One
// tsc run over all of them (each file's errors are reported against it), so the test costs one compilation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
const dir = join(here, 'compile-fail');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const run = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'ES2022', '--module', 'NodeNext',
  '--moduleResolution', 'NodeNext', '--lib', 'ES2022,DOM', '--skipLibCheck', ...files.map((f) => join(dir, f))],
{ encoding: 'utf8' });
const output = run.stdout + run.stderr;

test('there are compile-fail cases, and tsc refuses them', () => {
  assert.ok(files.length >= 5);
  assert.notEqual(run.status, 0, output);
});

for (const file of files) {
  test(`tsc refuses ${file}`, () => {
    const expected = /expect: (TS\d+)/.exec(readFileSync(join(dir, file), 'utf8'))[1];
    const errors = output.split('\n').filter((line) => line.includes(`${file}(`) && line.includes('error TS'));
    assert.ok(errors.length > 0, `${file} compiled, but must not:\n${output}`);
    assert.ok(errors.some((line) => line.includes(`error ${expected}`)), `${file}: expected ${expected}, got\n${errors.join('\n')}`);
  });
}
