// Shared set-up of the browser tests: the built demo site served on loopback, a browser, and a
// record of every request a page makes (anything but the loopback server is a failure).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser, staticServer } from './browser.mjs';
import { buildDemo, filesOf, pageUrl, PREFIX } from './site.mjs';

const require = createRequire(import.meta.url);
export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const SCHEMES = ['white', 'black', 'blue', 'brown', 'green'];

export async function setUp() {
  const out = buildDemo();
  const server = await staticServer(out, { prefix: PREFIX });
  const browser = await launchBrowser();
  const external = [];
  const pages = filesOf(out, '.html').map((f) => ({ file: f, url: server.url + pageUrl(f) }));
  /// A context that records requests that leave the loopback server; `bvi` sets the stored
  /// settings of the version for the visually impaired before any page script runs.
  async function context(options = {}, bvi = null) {
    const ctx = await browser.newContext(options);
    ctx.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(server.origin + '/') && !/^(data|blob|about):/.test(u)) external.push(u);
    });
    if (bvi) {
      await ctx.addInitScript((state) => {
        window.localStorage.setItem('nastavnik-bvi', JSON.stringify(state));
      }, bvi);
    }
    return ctx;
  }
  async function tearDown() {
    await browser.close();
    await server.close();
  }
  return { out, server, browser, pages, external, context, tearDown };
}

/// Runs axe-core (WCAG 2.1 A and AA) on the page; returns the violations.
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_TAGS);
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5), help: v.help }));
}
