// axe-core on every page of the demo site: the normal view and each colour scheme of the
// version for the visually impaired (WCAG 2.1 A and AA). No page may request anything outside
// the loopback server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, axe, SCHEMES } from './lib/pages.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.tearDown(); });

async function axeAll(bvi) {
  // bypassCSP only lets the test inject axe-core; the CSP itself is checked in a11y.test.mjs.
  const ctx = await env.context({ bypassCSP: true, viewport: { width: 1280, height: 900 } }, bvi);
  const page = await ctx.newPage();
  const found = [];
  for (const p of env.pages) {
    await page.goto(p.url);
    for (const v of await axe(page)) found.push({ page: p.file, ...v });
  }
  await ctx.close();
  return found;
}

test('axe: normal view has no WCAG 2.1 A/AA violations', async () => {
  const v = await axeAll(null);
  console.log(`axe normal: ${v.length} violations on ${env.pages.length} pages`);
  assert.deepEqual(v, []);
});

for (const scheme of SCHEMES) {
  test(`axe: version for the visually impaired, scheme «${scheme}», no violations`, async () => {
    const v = await axeAll({ on: true, scheme, size: '150' });
    console.log(`axe bvi ${scheme}: ${v.length} violations on ${env.pages.length} pages`);
    assert.deepEqual(v, []);
  });
}

test('no page requests anything outside the loopback server', () => {
  assert.deepEqual(env.external, []);
});
