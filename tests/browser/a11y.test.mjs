// Accessibility beyond axe: the version for the visually impaired (every option, remembered
// across pages, contrast computed from the actual colours), zoom to 200 % and 320 px without
// horizontal scrolling, pages without JavaScript, print styles, keyboard, document structure,
// and no CSP violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, SCHEMES } from './lib/pages.mjs';
import { contrast } from './lib/site.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.tearDown(); });

const find = (file) => env.pages.find((p) => p.file === file);

test('structure: lang="ru", one h1, no skipped heading levels, landmarks, skip link first', async () => {
  const ctx = await env.context();
  const page = await ctx.newPage();
  const problems = [];
  const csp = [];
  let current = '';
  // 404.html answers with status 404 by design: its own load is not an error.
  page.on('console', (m) => { if (m.type() === 'error' && current !== '404.html') csp.push(`${current}: ${m.text()}`); });
  for (const p of env.pages) {
    current = p.file;
    await page.goto(p.url);
    const s = await page.evaluate(() => {
      const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1]));
      const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1);
      const first = document.querySelector('a[href],button:not([hidden]),input');
      return {
        lang: document.documentElement.lang,
        h1: document.querySelectorAll('h1').length,
        skips: skips.length,
        main: document.querySelectorAll('main').length,
        banner: !!document.querySelector('header.site-header'),
        nav: !!document.querySelector('nav'),
        footer: !!document.querySelector('footer'),
        skip: first && first.classList.contains('skip-link') && first.getAttribute('href') === '#main',
        imgsWithoutAlt: [...document.querySelectorAll('img')].filter((i) => !i.hasAttribute('alt')).length,
        title: document.title,
        canonical: !!document.querySelector('link[rel=canonical]') || location.pathname.endsWith('404.html'),
        og: !!document.querySelector('meta[property="og:title"]'),
      };
    });
    const bad = [];
    if (s.lang !== 'ru') bad.push('lang');
    if (s.h1 !== 1) bad.push(`h1×${s.h1}`);
    if (s.skips) bad.push('heading levels skipped');
    if (s.main !== 1 || !s.banner || !s.nav || !s.footer) bad.push('landmarks');
    if (!s.skip) bad.push('skip link');
    if (s.imgsWithoutAlt) bad.push('img without alt');
    if (!s.title || !s.canonical || !s.og) bad.push('title/canonical/og');
    if (bad.length) problems.push(`${p.file}: ${bad.join(', ')}`);
  }
  await ctx.close();
  assert.deepEqual(problems, []);
  assert.deepEqual(csp, [], 'console errors (CSP violations, failed loads)');
});

test('zoom to 200 % (640 CSS px of a 1280 px window) and 320 px: no horizontal scrolling', async () => {
  const wide = [];
  for (const width of [640, 320]) {
    const ctx = await env.context({ viewport: { width, height: 800 } });
    const page = await ctx.newPage();
    for (const p of env.pages) {
      await page.goto(p.url);
      const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      if (sw > iw) wide.push(`${width}px ${p.file}: ${sw} > ${iw}`);
    }
    await ctx.close();
  }
  // The largest font step of the version for the visually impaired, at 1280 px and at 640 px.
  for (const width of [1280, 640]) {
    const ctx = await env.context({ viewport: { width, height: 800 } }, { on: true, size: '200', spacing: 'large' });
    const page = await ctx.newPage();
    for (const p of env.pages) {
      await page.goto(p.url);
      const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      if (sw > iw) wide.push(`bvi 200 % at ${width}px ${p.file}: ${sw} > ${iw}`);
    }
    await ctx.close();
  }
  assert.deepEqual(wide, []);
});

/// Every element with its own text: colour and the first opaque background behind it.
function textColours() {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el)) continue;
    seen.add(el);
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || el.closest('[hidden]') || !el.getClientRects().length) continue;
    if (el.closest('.visually-hidden, .skip-link, title, desc')) continue;
    let bg = null;
    for (let e = el; e; e = e.parentElement) {
      const b = getComputedStyle(e).backgroundColor;
      if (b && b !== 'transparent' && !/rgba\(.*, 0\)$/.test(b)) { bg = b; break; }
    }
    const isSvg = el instanceof SVGElement;
    out.push({ tag: el.tagName, cls: String(el.className?.baseVal ?? el.className), fg: isSvg ? cs.fill : cs.color, bg: bg || 'rgb(255, 255, 255)' });
  }
  return out;
}

test('every colour scheme: text contrast ≥ 4.5:1 computed from the actual colours', async () => {
  const low = [];
  for (const scheme of SCHEMES) {
    const ctx = await env.context({}, { on: true, scheme });
    const page = await ctx.newPage();
    for (const file of ['index.html', 'dorozhnaya-karta/index.html', 'baza/index.html', 'monitoring/index.html',
      'dokumenty/index.html', 'poisk/index.html']) {
      await page.goto(find(file).url);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.bviScheme), scheme);
      for (const c of await page.evaluate(textColours)) {
        const r = contrast(c.fg, c.bg);
        if (r < 4.5) low.push(`${scheme} ${file} ${c.tag}.${c.cls}: ${c.fg} on ${c.bg} = ${r.toFixed(2)}`);
      }
    }
    await ctx.close();
  }
  assert.deepEqual(low, []);
});

test('version for the visually impaired: panel of buttons, every option, remembered across pages', async () => {
  const ctx = await env.context({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(find('novosti/ekskursiya-na-zavod/index.html')?.url ?? find('index.html').url);
  const toggle = page.locator('#bvi-toggle');
  assert.equal(await toggle.isVisible(), true);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  // Keyboard: focus the toggle and press Enter.
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#bvi-panel').isVisible(), true);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const style = (sel, prop) => page.evaluate(([s, p]) => getComputedStyle(document.querySelector(s))[p], [sel, prop]);
  const press = async (option, value) => {
    const b = page.locator(`#bvi-panel button[data-bvi-option="${option}"][data-bvi-value="${value}"]`);
    await b.focus();
    await page.keyboard.press('Space');
    assert.equal(await b.getAttribute('aria-pressed'), 'true', `${option}=${value} pressed`);
    assert.equal(await page.evaluate((o) => document.documentElement.getAttribute('data-bvi-' + o), option), value);
  };
  // Font size steps.
  for (const [v, px] of [['125', 20], ['150', 24], ['175', 28], ['200', 32], ['100', 16]]) {
    await press('size', v);
    assert.equal(await style('html', 'fontSize'), `${px}px`);
  }
  // Colour schemes.
  const colours = { white: ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'], black: ['rgb(255, 255, 255)', 'rgb(0, 0, 0)'],
    blue: ['rgb(6, 52, 98)', 'rgb(157, 209, 255)'], brown: ['rgb(77, 75, 67)', 'rgb(247, 243, 214)'],
    green: ['rgb(169, 228, 77)', 'rgb(59, 39, 22)'] };
  for (const [scheme, [fg, bg]] of Object.entries(colours)) {
    await press('scheme', scheme);
    assert.equal(await style('main', 'color'), fg);
    assert.equal(await style('body', 'backgroundColor'), bg);
    assert.equal(await style('.site-header', 'backgroundColor'), bg);
    assert.ok(contrast(fg, bg) >= 7, `${scheme} contrast`);
  }
  // Images.
  const hasImg = (await page.locator('main img').count()) > 0;
  await press('images', 'off');
  if (hasImg) {
    assert.equal(await style('main img', 'display'), 'none');
    assert.equal(await page.locator('main .bvi-alt').first().isVisible(), true);
  }
  await press('images', 'grey');
  if (hasImg) assert.equal(await style('main img', 'filter'), 'grayscale(1)');
  await press('images', 'on');
  if (hasImg) assert.equal(await style('main img', 'filter'), 'none');
  // Letter spacing, line height, font.
  await press('spacing', 'large');
  assert.notEqual(await style('main p', 'letterSpacing'), 'normal');
  await press('leading', 'large');
  const lh = parseFloat(await style('main p', 'lineHeight')) / parseFloat(await style('main p', 'fontSize'));
  assert.ok(lh >= 2.4, `line height ${lh}`);
  await press('font', 'serif');
  assert.match(await style('main p', 'fontFamily'), /Georgia/);
  await press('font', 'sans');
  assert.match(await style('main p', 'fontFamily'), /Arial/);
  // Remembered on the next page, applied by the <head> script before the body is parsed.
  await press('scheme', 'blue');
  await press('size', '150');
  await page.goto(find('polozhenie/index.html').url, { waitUntil: 'domcontentloaded' });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.bviScheme), 'blue');
  assert.equal(await style('html', 'fontSize'), '24px');
  assert.equal(await page.locator('#bvi-panel').isVisible(), true);
  assert.equal(await page.locator('#bvi-panel [data-bvi-value="blue"]').getAttribute('aria-pressed'), 'true');
  // Reset keeps the version on with default settings; «Обычная версия сайта» leaves it.
  await page.locator('#bvi-panel [data-bvi-action="reset"]').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.bviScheme), 'white');
  assert.equal(await style('html', 'fontSize'), '16px');
  await page.locator('#bvi-panel [data-bvi-action="off"]').click();
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-bvi')), false);
  assert.equal(await page.locator('#bvi-panel').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'bvi-toggle');
  await page.goto(find('index.html').url);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-bvi')), false);
  await ctx.close();
});

test('keyboard: the skip link comes first and moves to main; focus is visible', async () => {
  const ctx = await env.context();
  const page = await ctx.newPage();
  await page.goto(find('index.html').url);
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const a = document.activeElement;
    const cs = getComputedStyle(a);
    return { cls: a.className, outline: cs.outlineStyle, top: a.getBoundingClientRect().top };
  });
  assert.equal(skip.cls, 'skip-link');
  assert.notEqual(skip.outline, 'none');
  assert.ok(skip.top >= 0, 'skip link visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), '#main');
  // Tab on to a link in the navigation: its outline is visible.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await ctx.close();
});

test('without JavaScript: every page readable, navigation works, search page explains itself', async () => {
  const ctx = await env.context({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  for (const p of env.pages) {
    await page.goto(p.url);
    assert.equal(await page.locator('h1').count(), 1, p.file);
    assert.ok((await page.locator('main').innerText()).trim().length > 20, `${p.file} has text`);
    assert.equal(await page.locator('#bvi-toggle').isVisible(), false);
  }
  await page.goto(find('index.html').url);
  await page.locator('.site-nav a', { hasText: 'Дорожная карта' }).click();
  assert.match(page.url(), /dorozhnaya-karta\/$/);
  await page.goto(find('poisk/index.html').url);
  assert.equal(await page.locator('.no-js-note').isVisible(), true);
  assert.ok((await page.locator('.page-list a').count()) > 10, 'the list of every page');
  await ctx.close();
});

test('print: no navigation, URLs after external links (Положение, дорожная карта)', async () => {
  const ctx = await env.context();
  const page = await ctx.newPage();
  await page.emulateMedia({ media: 'print' });
  for (const file of ['polozhenie/index.html', 'dorozhnaya-karta/index.html', 'dokumenty/index.html']) {
    await page.goto(find(file).url);
    const r = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('.site-nav')).display,
      crumbs: getComputedStyle(document.querySelector('.breadcrumbs')).display,
      panel: getComputedStyle(document.querySelector('#bvi-panel')).display,
      after: [...document.querySelectorAll('main a[href^="http"]')].map((a) => getComputedStyle(a, '::after').content),
    }));
    assert.equal(r.nav, 'none', file);
    assert.equal(r.crumbs, 'none', file);
    assert.equal(r.panel, 'none', file);
    for (const c of r.after) assert.match(c, /\(http/, `${file}: ${c}`);
  }
  await ctx.close();
});
