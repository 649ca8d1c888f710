// W3C Nu HTML Checker (vnu-jar, Java) on every HTML page of the demo site: zero errors.
// A CTest of its own (html_validity): `node --test tests/browser/html-validity.check.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildDemo, filesOf } from './lib/site.mjs';

const require = createRequire(import.meta.url);
const VNU = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

test('every page passes the Nu HTML Checker with zero errors', () => {
  const out = buildDemo();
  const files = filesOf(out, '.html').map((f) => path.join(out, f));
  // vnu writes its JSON report to stderr, and exits 1 when it finds errors.
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(run.stderr.trim().startsWith('{'), `vnu did not run: ${run.error ?? run.stderr}`);
  const json = run.stderr;
  const messages = JSON.parse(json).messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
  const report = messages.map((m) => `${path.relative(out, new URL(m.url).pathname)}:${m.lastLine}: ${m.message}`);
  console.log(`vnu: ${files.length} pages, ${messages.length} errors`);
  assert.deepEqual(report, []);
});
