// Browser test of the searchd page: typing, highlighting, facets, timeline, article view,
// back/forward, the claims view (incidents, a chart mark per claim, a claim opening its
// article with the sentence highlighted, back), and that hostile article text is shown as
// text with no script running.
// Usage: node search_page.test.js BIN_DIR SOURCE_DIR
'use strict';
const { freePort, waitHealthy, launchBrowser } = require('./harness');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert');

const [binDir, sourceDir] = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'searchd-e2e-'));

const ARTICLES = {
  'palmyra.txt': 'Syrian army retakes Palmyra\n\nThe Syrian army retook Palmyra from Islamic State fighters, ' +
    'according to the Syrian Observatory for Human Rights.\n',
  'aleppo.txt': 'Air strikes on Aleppo\n\nAir strikes hit eastern Aleppo while Palmyra stayed quiet.\n',
  'hostile.txt': 'Palmyra <script>window.__xss=1;alert(1)</script> report <img src=x onerror="window.__xss=2;alert(1)">\n\n' +
    'Witnesses near Palmyra saw <script>window.__xss=3</script> and <img src=x onerror=alert(1)> convoys.\n',
  'homs1.txt': 'Strikes on Homs\n\nAt least 12 civilians were killed in Homs on Saturday, the Syrian Observatory ' +
    'for Human Rights said. Rescue teams searched the rubble.\n',
  'homs2.txt': 'Homs toll disputed\n\nAbout 20 civilians were killed in Homs, <b onmouseover="alert(4)">local</b> ' +
    'activists said on Sunday.\n',
};
const MANIFEST = 'file\tid\toutlet\tpublished\tauthor\turl\tnotes\n' +
  'palmyra.txt\t\tReuters\t2016-03-27\t\t\t\n' +
  'aleppo.txt\t\tAFP\t2016-11-02\t\t\t\n' +
  'hostile.txt\t\tReuters\t2017-01-15\t\t\t\n' +
  'homs1.txt\t\tReuters\t2018-02-04\t\t\t\n' +
  'homs2.txt\t\tAFP\t2018-02-05\t\t\t\n';

async function main() {
  const corpus = path.join(tmp, 'corpus');
  fs.mkdirSync(corpus);
  for (const [name, text] of Object.entries(ARTICLES)) fs.writeFileSync(path.join(corpus, name), text);
  fs.writeFileSync(path.join(tmp, 'manifest.tsv'), MANIFEST);
  execFileSync(path.join(binDir, 'corpus-index'),
    ['--out', path.join(tmp, 'index'), '--manifest', path.join(tmp, 'manifest.tsv'),
      '--gazetteer', path.join(sourceDir, 'corpus', 'gazetteer.tsv'), corpus], { stdio: 'ignore' });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const daemon = spawn(path.join(binDir, 'searchd'), ['--port', String(port), '--index', path.join(tmp, 'index')],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let browser;
  try {
    await waitHealthy(base);
    browser = await launchBrowser(path.join(tmp, 'profile'));
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(base + '/');
    await page.waitForSelector('#results .hit');  // browsing everything before typing
    assert.strictEqual(await page.locator('#results mark').count(), 0);
    await page.fill('#q', 'palmyra');  // as-you-type: no Enter
    await page.waitForFunction(() => location.search.includes('q=palmyra') &&
      document.querySelector('#results mark') !== null);
    assert.strictEqual(await page.locator('#results .hit').count(), 3);
    assert.match(await page.textContent('#status'), /3 reports/);
    assert.ok(await page.locator('#results mark').count() > 0, 'snippets highlight matches');
    assert.match(page.url(), /\?q=palmyra/);

    // Hostile text is shown literally and nothing runs.
    const titles = await page.locator('#results .hit h3').allTextContents();
    assert.ok(titles.some((t) => t.includes('<script>')), 'script tag shown as text: ' + titles);
    assert.strictEqual(await page.locator('#results script, #results img').count(), 0);

    // Outlet facet narrows results and counts; clicking again removes it.
    const reuters = page.locator('[data-facet="outlet"] .facet-value', { hasText: 'Reuters' });
    assert.match(await reuters.textContent(), /2$/);
    await reuters.click();
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 2);
    assert.match(page.url(), /outlet=Reuters/);
    assert.strictEqual(await page.locator('[data-facet="outlet"] .facet-value', { hasText: 'AFP' }).count(), 0);
    await page.locator('[data-facet="outlet"] .facet-value', { hasText: 'Reuters' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 3);

    // Excluding an outlet.
    await page.locator('[data-facet="outlet"] li', { hasText: 'Reuters' }).locator('.exclude').click();
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 1);
    assert.match(page.url(), /outlet=-Reuters/);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 3);

    // Timeline: click the 2016-03 bar.
    await page.click('#timeline .bar[data-period="2016-03"]');
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 1);
    assert.match(page.url(), /from=2016-03&to=2016-03/);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 3);

    // Article view of the hostile report, then back.
    await page.locator('#results .hit h3 a', { hasText: '<script>' }).click();
    await page.waitForSelector('#article:not([hidden])');
    await page.waitForFunction(() => document.querySelector('#article-text').textContent.includes('onerror'));
    assert.match(page.url(), /doc=/);
    assert.match(await page.textContent('#article-title'), /<script>/);
    assert.strictEqual(await page.locator('#article script, #article img').count(), 0);
    await page.click('#back');
    await page.waitForSelector('#article', { state: 'hidden' });
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 3);
    assert.doesNotMatch(page.url(), /doc=/);

    // Forward returns to the article; a fresh load of a shared URL restores the state.
    await page.goForward();
    await page.waitForSelector('#article:not([hidden])');
    await page.goto(base + '/?q=palmyra&outlet=AFP');
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 1);
    assert.strictEqual(await page.inputValue('#q'), 'palmyra');

    // Claims view: one incident for the two Homs reports, a mark per claim; a claim opens its
    // article with the sentence highlighted; back returns to the view, which the URL keeps.
    await page.goto(base + '/?q=homs');
    await page.waitForSelector('#results .hit');
    await page.click('#view-claims');
    await page.waitForSelector('#incidents .incident');
    assert.match(page.url(), /view=claims/);
    assert.ok(!(await page.isVisible('#results-view')), 'results hidden in the claims view');
    assert.strictEqual(await page.locator('#incidents .incident').count(), 1);
    assert.strictEqual(await page.locator('#incidents .claims-chart .mark').count(), 2);
    assert.match(await page.textContent('#incidents .incident h3'), /Homs: killed, civilians/);
    const claimants = (await page.locator('#incidents .claim-head strong').allTextContents()).join('|');
    assert.match(claimants, /Syrian Observatory for Human Rights/);
    assert.match(claimants, /activists/);
    assert.match(await page.getAttribute('#export-csv', 'href'), /what=claims/);
    await page.locator('#incidents .claim-open', { hasText: 'At least 12' }).click();
    await page.waitForSelector('#article:not([hidden])');
    await page.waitForSelector('#article-text mark.claim-hl');
    assert.match(await page.textContent('#article-text mark.claim-hl'), /^At least 12 civilians were killed/);
    assert.match(page.url(), /doc=.*hl=/);
    assert.ok(await page.isVisible('#article-claims-section'), 'the article lists its claims');
    await page.click('#back');
    await page.waitForSelector('#claims-view:not([hidden])');
    await page.waitForSelector('#incidents .incident');
    assert.match(page.url(), /view=claims/);
    assert.doesNotMatch(page.url(), /doc=/);
    await page.reload();
    await page.waitForSelector('#incidents .incident');
    assert.strictEqual(await page.getAttribute('#view-claims', 'aria-pressed'), 'true');
    assert.strictEqual(await page.locator('#incidents img, #incidents script, #incidents b').count(), 0);

    assert.strictEqual(await page.evaluate(() => window.__xss), undefined, 'no injected script ran');
    assert.strictEqual(dialogs, 0, 'no dialog opened');
    assert.deepStrictEqual(pageErrors, []);
    console.log('search page e2e: OK');
  } finally {
    if (browser) await browser.close();
    daemon.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
