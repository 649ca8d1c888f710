// Shared browser helpers for the tests under tests/browser/.
// Debian's Chromium is driven by playwright-core; no browser is ever downloaded.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.NASTAVNIK_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/// Launches Debian's Chromium headless. Returns a playwright Browser; call
/// browser.newContext()/newPage() as usual. playwright-core's launch() always gives
/// Chromium a fresh temporary user-data-dir (it rejects --user-data-dir in args) and
/// removes it on close, so every run starts from an empty profile.
export async function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    ...options,
  });
}

const MIME = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon', '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8', '.ics': 'text/calendar; charset=utf-8',
};

/// Serves `dir` on 127.0.0.1 at a free port, as a plain static host would
/// (directory → index.html, unknown path → 404.html with status 404).
/// `options.prefix` ('/nastavnichestvo/') serves the tree under that path, as under base_url.
/// Resolves to { url, origin, port, close() } where url ends with '/'.
export async function staticServer(dir, options = {}) {
  const root = path.resolve(dir);
  const prefix = options.prefix || '/';
  const server = http.createServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://127.0.0.1');
      if (!u.pathname.startsWith(prefix)) {
        if (u.pathname + '/' === prefix) { res.writeHead(301, { Location: prefix }).end(); return; }
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404');
        return;
      }
      let rel = decodeURIComponent(u.pathname.slice(prefix.length - 1));
      let file = path.join(root, rel);
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      let st = await fsp.stat(file).catch(() => null);
      if (st && st.isDirectory()) {
        if (!rel.endsWith('/')) { res.writeHead(301, { Location: u.pathname + '/' }).end(); return; }
        file = path.join(file, 'index.html');
        st = await fsp.stat(file).catch(() => null);
      }
      if (!st) {
        const nf = path.join(root, '404.html');
        const body = await fsp.readFile(nf).catch(() => Buffer.from('404'));
        res.writeHead(404, { 'Content-Type': MIME['.html'] }).end(body);
        return;
      }
      const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': st.size });
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(file).pipe(res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
