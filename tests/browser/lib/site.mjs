// Builds the demo site (the repository root) once per test process with the binary under test.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const NOW = '2026-11-20';
/// The path of base_url in site.yaml: the tests serve the output under it, so 404.html works.
export const PREFIX = '/nastavnichestvo/';

export function binary() {
  const candidates = [process.env.NASTAVNIK_BIN, path.join(REPO, 'build/nastavnik'), path.join(REPO, 'build-a11y/nastavnik')];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  throw new Error('nastavnik binary not found: set NASTAVNIK_BIN');
}

let built = null;
const made = [];
process.on('exit', () => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });
/// Output directory of `nastavnik build` of the demo site as of `now` (the default build is made
/// once per process).
/// Another `now` builds with --future, so that links to news dated after it still resolve.
export function buildDemo(now = NOW) {
  if (built && now === NOW) return built;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-demo-'));
  made.push(out);
  execFileSync(binary(), ['build', '-s', REPO, '-o', out, '--now', now, '--quiet', ...(now === NOW ? [] : ['--future'])], { stdio: 'pipe' });
  if (now === NOW) built = out;
  return out;
}

/// Every file under dir with the extension, paths relative to dir, '/' separated, sorted.
export function filesOf(dir, ext) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(ext)) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/// Page URL of an HTML file relative to the served prefix ("novosti/a/index.html" → "novosti/a/").
export function pageUrl(rel) {
  return rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

/// Relative luminance and contrast ratio (WCAG 2.1) of "rgb(r, g, b)" colours.
export function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
