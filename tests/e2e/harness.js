// What every browser test of the page needs: a free port, waiting for searchd to answer and a
// headless Chromium (Debian's) with a fresh profile.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const net = require('net');
const path = require('path');

/// A TCP port free on the loopback interface right now.
function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/// Resolves once `base`/healthz answers 200 (10 s at most).
async function waitHealthy(base) {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base + '/healthz')).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('searchd did not become healthy');
}

/// Chromium with a fresh profile in `profileDir` (launchPersistentContext owns
/// --user-data-dir); `options` adds to the context options (viewport, downloads).
/// Playwright's waitForFunction needs eval, so the page's CSP is bypassed: the tests also
/// prove that the rendering itself is safe without the CSP as a safety net.
function launchBrowser(profileDir, options = {}) {
  return chromium.launchPersistentContext(profileDir, Object.assign({
    executablePath: '/usr/bin/chromium',
    headless: true,
    bypassCSP: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  }, options));
}

/// Creates folder `dir` holding `files` (name -> text): articles, a gazetteer, a manifest.
function writeCorpus(dir, files) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
}

module.exports = { freePort, waitHealthy, launchBrowser, writeCorpus };
