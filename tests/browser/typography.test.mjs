// Russian typography of the rendered demo site compared with the npm `typograf` library (locale
// ru): every text block of <main> (no code, SVG or attributes) goes through typograf; the blocks
// it would still change are counted by rule. docs/typography.md explains the remaining figure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Typograf from 'typograf';
import { buildDemo, filesOf } from './lib/site.mjs';
import { textBlocks } from './lib/text.mjs';

/// Rules left out of the comparison: markup, not typography of the text (optical alignment
/// spans, links made of URLs and e-mails, a final newline of a document).
const MARKUP = ['ru/optalign/*', 'common/html/*', 'common/space/insertFinalNewline'];
/// The figure docs/typography.md states: blocks typograf would still change.
const MAX_DIFFERENT_BLOCKS = 165;

// typograf writes U+202F (narrow no-break space) in «№ 17»; we write U+00A0: both do not break.
const same = (a, b) => a.replace(/\u202f/g, '\u00a0') === b;

test('typography of the demo site against typograf (ru)', () => {
  const out = buildDemo();
  const blocks = new Set();
  for (const f of filesOf(out, '.html')) for (const b of textBlocks(fs.readFileSync(path.join(out, f), 'utf8'))) blocks.add(b);
  const tp = new Typograf({ locale: ['ru', 'en-US'], disableRule: MARKUP });
  const differ = [...blocks].filter((b) => !same(tp.execute(b), b));
  // Which rules make the differences: each rule that is on by default, alone.
  const byRule = {};
  for (const r of Typograf.getRules()) {
    if (r.disabled || r.name === 'common/nbsp/replaceNbsp' || !/^(ru|common)\//.test(r.name) || MARKUP.some((m) => m === r.name || (m.endsWith('*') && r.name.startsWith(m.slice(0, -1))))) continue;
    const one = new Typograf({ locale: ['ru', 'en-US'], disableRule: '*', enableRule: r.name });
    const n = differ.filter((b) => !same(one.execute(b), b)).length;
    if (n) byRule[r.name] = n;
  }
  console.log(`typography: ${blocks.size} text blocks, ${differ.length} differ from typograf; by rule: ` +
    Object.entries(byRule).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
  assert.ok(differ.length <= MAX_DIFFERENT_BLOCKS, `${differ.length} blocks differ (at most ${MAX_DIFFERENT_BLOCKS})`);
  // What SPEC asks for is never among the differences.
  for (const rule of ['common/nbsp/afterShortWord', 'ru/nbsp/afterNumberSign', 'common/punctuation/quote', 'common/punctuation/hellip'])
    assert.ok((byRule[rule] ?? 0) <= 1, `${rule}: ${byRule[rule]}`);
});
