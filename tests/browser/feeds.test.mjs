// Feeds and metadata of the demo site: Atom, sitemap (no withheld or draft pages), robots.txt,
// canonical and OpenGraph on every page, iCalendar files (RFC 5545 structure), and the weight of
// the landing page (HTML + CSS + JS, without user images) under 100 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildDemo, filesOf, pageUrl } from './lib/site.mjs';

const out = buildDemo();
const read = (f) => fs.readFileSync(path.join(out, f), 'utf8');
const BASE = 'https://school17.example.ru/nastavnichestvo/';

test('Atom feed of the news', () => {
  const atom = read('novosti/feed.xml');
  assert.match(atom, /^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/i);
  for (const tag of ['id', 'title', 'updated']) assert.match(atom, new RegExp(`<${tag}>[^<]+</${tag}>`));
  assert.ok((atom.match(/<entry>/g) || []).length >= 5);
  assert.ok(!atom.includes('chernovik'), 'no drafts');
  assert.equal((atom.match(/<entry>/g) || []).length, (atom.match(/<\/entry>/g) || []).length);
});

test('sitemap.xml and robots.txt', () => {
  const sm = read('sitemap.xml');
  const locs = [...sm.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  assert.ok(locs.length > 20);
  for (const l of locs) assert.ok(l.startsWith(BASE), l);
  assert.ok(!locs.some((l) => l.includes('chernovik') || l.includes('404')), 'no drafts, no 404');
  const pages = filesOf(out, '.html').filter((f) => f !== '404.html' && !f.startsWith('novosti/page/'));
  for (const f of pages) assert.ok(locs.includes(BASE + pageUrl(f)), `${f} in the sitemap`);
  const robots = read('robots.txt');
  assert.match(robots, /User-agent: \*/);
  assert.ok(robots.includes(`Sitemap: ${BASE}sitemap.xml`));
});

test('canonical URL and OpenGraph on every page', () => {
  for (const f of filesOf(out, '.html')) {
    const html = read(f);
    assert.match(html, /<meta property="og:title" content="[^"]+">/, f);
    assert.match(html, /<meta property="og:type" content="(website|article)">/, f);
    assert.match(html, /<meta name="description" content="[^"]+">/, f);
    if (f === '404.html') continue;
    assert.ok(html.includes(`<link rel="canonical" href="${BASE}${pageUrl(f)}">`), f);
    assert.ok(html.includes(`<meta property="og:url" content="${BASE}${pageUrl(f)}">`), f);
  }
});

/// RFC 5545: CRLF lines of at most 75 octets, balanced BEGIN/END, required properties.
function checkCalendar(text, name) {
  assert.ok(text.endsWith('\r\n'), `${name}: CRLF at the end`);
  const lines = text.split('\r\n').slice(0, -1);
  for (const l of lines) {
    assert.ok(Buffer.byteLength(l) <= 75, `${name}: line over 75 octets: ${l}`);
    assert.ok(!l.includes('\n') && !l.includes('\r'), `${name}: bare newline`);
  }
  const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n').slice(0, -1);
  assert.equal(unfolded[0], 'BEGIN:VCALENDAR');
  assert.equal(unfolded.at(-1), 'END:VCALENDAR');
  assert.ok(unfolded.includes('VERSION:2.0'));
  assert.ok(unfolded.some((l) => l.startsWith('PRODID:')));
  const stack = [];
  let events = 0;
  let current = null;
  for (const l of unfolded) {
    assert.match(l, /^[A-Z-]+[;:]/, `${name}: content line ${l}`);
    if (l.startsWith('BEGIN:')) { stack.push(l.slice(6)); if (l === 'BEGIN:VEVENT') current = new Set(); }
    else if (l.startsWith('END:')) {
      assert.equal(stack.pop(), l.slice(4));
      if (l === 'END:VEVENT') {
        events++;
        for (const p of ['UID', 'DTSTAMP', 'DTSTART', 'SUMMARY']) assert.ok(current.has(p), `${name}: VEVENT without ${p}`);
        current = null;
      }
    } else if (current) current.add(l.split(/[;:]/)[0]);
  }
  assert.equal(stack.length, 0);
  return events;
}

test('roadmap.ics and events.ics are valid iCalendar', () => {
  assert.ok(checkCalendar(fs.readFileSync(path.join(out, 'roadmap.ics'), 'utf8'), 'roadmap.ics') > 10);
  assert.ok(checkCalendar(fs.readFileSync(path.join(out, 'events.ics'), 'utf8'), 'events.ics') >= 1);
});

test('a signed document shows its signature badge', () => {
  const html = read('dokumenty/index.html');
  assert.match(html, /class="signature" title="Документ подписан простой электронной подписью"/);
  assert.match(html, /<dt>Подписал<\/dt><dd>[^<]+/);
  assert.match(html, /<dt>Ключ электронной подписи<\/dt><dd><code>[^<]+<\/code>/);
});

test('the landing page weighs under 100 KB (HTML + CSS + JS, without user images)', () => {
  const html = read('index.html');
  const assets = [...html.matchAll(/<(?:link rel="stylesheet" href|script src)="([^"]+)"/g)].map((m) => m[1]);
  const bytes = Buffer.byteLength(html) + assets.reduce((n, a) => n + fs.statSync(path.join(out, a)).size, 0);
  console.log(`landing page: ${bytes} bytes (HTML ${Buffer.byteLength(html)} + ${assets.join(', ')})`);
  assert.ok(bytes < 100 * 1024);
});
