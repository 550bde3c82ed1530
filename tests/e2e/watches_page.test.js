// Browser test of the page's watches and batch search: watching a search from the toolbar (a
// refused duplicate name shows the server's error), an incremental corpus-index run adding a
// matching article, the Watches list counting it, opening the watch listing it (and keeping
// the list after an article and back), the count dropping to 0, deleting a watch; the Batch
// view running pasted names (a gazetteer alias shows its entity), error rows, a CSV file with
// a column, the client-side CSV download (quoted, formula-safe); and the write token asked
// for once on a searchd that wants one.
// Usage: node watches_page.test.js BIN_DIR SOURCE_DIR
'use strict';
const { freePort, waitHealthy, launchBrowser, writeCorpus } = require('./harness');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert');

const [binDir] = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'searchd-watches-e2e-'));

const GAZETTEER = 'id\ttype\tsubtype\tregion\tcanonical\taliases\n' +
  'islamic-state\torganisation\tarmed\tJH\tIslamic State\tIslamic State|ISIS|ISIL|Daesh\n' +
  'palmyra\tplace\tcity\tSY\tPalmyra\tPalmyra|Tadmur\n';
const ARTICLES = {
  'palmyra.txt': 'Syrian army retakes Palmyra\n\nThe Syrian army retook Palmyra from Islamic State fighters.\n',
  'aleppo.txt': 'Air strikes on Aleppo\n\nAir strikes hit eastern Aleppo on Tuesday.\n',
  'homs.txt': 'Ceasefire in Homs\n\nDaesh fighters left Homs after a ceasefire, residents said.\n',
};
const LATER = {  // the second corpus-index run: one new match of the watch, one other report
  'palmyra-new.txt': 'Fresh fighting near Palmyra\n\nISIS fighters attacked army positions near Palmyra on Monday.\n',
  'raqqa.txt': 'Water cut in Raqqa\n\nThe water supply of Raqqa was cut on Monday.\n',
};
const MANIFEST = 'file\tid\toutlet\tpublished\tauthor\turl\tnotes\n' +
  'palmyra.txt\t\tReuters\t2016-03-27\t\t\t\n' +
  'aleppo.txt\t\tAFP\t2016-11-02\t\t\t\n' +
  'homs.txt\t\tAFP\t2016-02-27\t\t\t\n';
const MANIFEST_LATER = MANIFEST +
  'palmyra-new.txt\t\tAFP\t2016-05-02\t\t\t\n' +
  'raqqa.txt\t\tReuters\t2016-05-02\t\t\t\n';
const TOKEN = 'e2e-write-token-0123456789';

/// Polls `check` (async, truthy when done) every 200 ms for up to `ms`.
async function poll(what, check, ms = 20000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function watches(base) {
  return (await (await fetch(base + '/api/watches')).json()).watches;
}

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}

async function main() {
  const corpus = path.join(tmp, 'corpus');
  const index = path.join(tmp, 'index');
  writeCorpus(corpus, { ...ARTICLES, 'gazetteer.tsv': GAZETTEER, 'manifest.tsv': MANIFEST });
  const indexCorpus = () => execFileSync(path.join(binDir, 'corpus-index'), ['--out', index, corpus], { stdio: 'ignore' });
  indexCorpus();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const daemons = [spawn(path.join(binDir, 'searchd'), ['--port', String(port), '--index', index],
    { stdio: ['ignore', 'ignore', 'pipe'] })];
  let browser;
  try {
    await waitHealthy(base);
    browser = await launchBrowser(path.join(tmp, 'profile'), { acceptDownloads: true });
    const page = await browser.newPage();
    const dialogs = [];
    let answerDialog = (d) => d.dismiss();
    page.on('dialog', (d) => { dialogs.push(d.type() + ': ' + d.message()); answerDialog(d); });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // --- watch the search for palmyra from the toolbar -------------------------------------------
    await page.goto(base + '/?q=palmyra');
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 1);
    await page.waitForFunction(() => /No watches yet/.test(document.querySelector('#watches').textContent));
    assert.ok(await page.isHidden('#watch-form'));
    await page.click('#watch-this');
    assert.strictEqual(await page.inputValue('#watch-name'), 'palmyra', 'the name is suggested from the query');
    await page.fill('#watch-name', 'Palmyra news');
    await page.click('#watch-form button[type="submit"]');
    await page.waitForFunction(() => /Watching/.test(document.querySelector('#watch-saved').textContent));
    assert.ok(await page.isHidden('#watch-form'));
    await page.waitForSelector('#watch-list li .watch-open');
    assert.match(await page.textContent('#watch-list li .badge'), /^0/);
    let list = await watches(base);
    assert.strictEqual(list.length, 1);
    assert.strictEqual(list[0].query, 'q=palmyra');
    const id = String(list[0].id);
    assert.strictEqual(await page.getAttribute('#watch-list li .feed', 'href'), `/watches/${id}.atom`);

    // A refused name shows the server's error text; the form stays open.
    await page.click('#watch-this');
    await page.fill('#watch-name', 'PALMYRA NEWS');
    await page.click('#watch-form button[type="submit"]');
    await page.waitForFunction(() => /already exists/.test(document.querySelector('#watch-form-error').textContent));
    assert.ok(await page.isVisible('#watch-form'));
    await page.click('#watch-cancel');
    assert.ok(await page.isHidden('#watch-form'));

    // A second watch (with a filter and a name that looks like markup), deleted again below.
    await page.locator('[data-facet="outlet"] .facet-value', { hasText: 'Reuters' }).click();
    await page.waitForFunction(() => location.search.includes('outlet=Reuters'));
    await page.click('#watch-this');
    await page.fill('#watch-name', '<img src=x onerror="window.__xss=1">');
    await page.click('#watch-form button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('#watch-list li').length === 2);
    list = await watches(base);
    assert.ok(list.some((w) => w.query === 'q=palmyra&outlet=Reuters'), JSON.stringify(list));
    assert.strictEqual(await page.locator('#watches img').count(), 0);

    // --- a new matching article arrives: an incremental run in place ---------------------------
    for (const [name, text] of Object.entries(LATER)) fs.writeFileSync(path.join(corpus, name), text);
    fs.writeFileSync(path.join(corpus, 'manifest.tsv'), MANIFEST_LATER);
    indexCorpus();
    await poll('searchd to see the new article', async () =>
      (await watches(base)).find((w) => String(w.id) === id).new === 1);

    await page.reload();
    const item = page.locator(`#watch-list li[data-watch="${id}"]`);
    await poll('the list to show 1 new', async () => /^1/.test(await item.locator('.badge').textContent()));
    assert.match(await page.textContent('#watches-total'), /^1$/);

    // Opening the watch lists the new article, newest first, then marks it seen.
    await item.locator('.watch-open').click();
    await page.waitForSelector('#watch-view:not([hidden])');
    await page.waitForFunction(() => /^1 new since \d{4}-\d\d-\d\d \d\d:\d\d UTC$/.test(
      document.querySelector('#watch-heading').textContent));
    assert.match(page.url(), new RegExp(`[?&]watch=${id}\\b`));
    assert.ok(await page.isHidden('#results-view'));
    assert.ok(await page.isHidden('#filters'), 'the filters are hidden beside a watch');
    const titles = await page.locator('#watch-results .hit h3').allTextContents();
    assert.deepStrictEqual(titles, ['Fresh fighting near Palmyra']);
    assert.strictEqual(await page.textContent('#watch-title'), 'Palmyra news');
    assert.strictEqual(await page.getAttribute('#watch-full', 'href'), '/?q=palmyra');
    assert.strictEqual(await page.getAttribute('#watch-feed', 'href'), `/watches/${id}.atom`);
    assert.strictEqual(await item.locator('.watch-open').getAttribute('aria-current'), 'page');
    await poll('the count to drop to 0', async () => /^0/.test(await item.locator('.badge').textContent()));
    assert.strictEqual((await watches(base)).find((w) => String(w.id) === id).new, 0);
    assert.ok(await page.isHidden('#watches-total'));

    // An article opened from the watch, and back: the same list (kept by history), still 0 new.
    await page.locator('#watch-results .hit h3 a').click();
    await page.waitForSelector('#article:not([hidden])');
    await page.waitForFunction(() => /Fresh fighting/.test(document.querySelector('#article-title').textContent));
    assert.match(await page.textContent('#back'), /watch/);
    await page.click('#back');
    await page.waitForSelector('#watch-view:not([hidden])');
    await page.waitForFunction(() => /^1 new since/.test(document.querySelector('#watch-heading').textContent) &&
      document.querySelectorAll('#watch-results .hit').length === 1);

    // Opened afresh from the list, nothing is new.
    await item.locator('.watch-open').click();
    await page.waitForFunction(() => /^Nothing new since/.test(document.querySelector('#watch-heading').textContent));
    assert.strictEqual(await page.locator('#watch-results .hit').count(), 0);

    // The full search link leads to the search; the markup-like watch is deleted (confirmed).
    await page.click('#watch-full');
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 2);
    assert.strictEqual(await page.inputValue('#q'), 'palmyra');
    answerDialog = (d) => (d.type() === 'confirm' ? d.accept() : d.dismiss());
    await page.locator('#watch-list li', { hasText: '<img' }).locator('button.delete').click();
    await page.waitForFunction(() => document.querySelectorAll('#watch-list li').length === 1);
    assert.strictEqual((await watches(base)).length, 1);
    answerDialog = (d) => d.dismiss();

    // --- batch search ------------------------------------------------------------------------------
    await page.click('#view-batch');
    await page.waitForSelector('#batch-view:not([hidden])');
    assert.match(page.url(), /view=batch/);
    assert.ok(await page.isHidden('#results-view'));
    assert.ok(await page.isHidden('#watch-this'));
    await page.fill('#batch-text', 'Daesh\nPalmyra\nNobody Atall\n');
    await page.click('#batch-run');
    await page.waitForFunction(() => /^3 lines/.test(document.querySelector('#batch-status').textContent));
    const rows = page.locator('#batch-rows tr');
    assert.strictEqual(await rows.count(), 3);
    const cells = async (i) => (await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim());
    const daesh = await cells(0);
    assert.strictEqual(daesh[0], '1');
    assert.strictEqual(daesh[1], 'Daesh');
    assert.match(daesh[2], /^Islamic State/, 'the alias row names its entity');
    assert.match(daesh[2], /Daesh/, 'and the spelling matched');
    assert.strictEqual(daesh[3], '3');  // homs (Daesh), palmyra (Islamic State), palmyra-new (ISIS)
    assert.strictEqual(daesh[4], '2016-02-27');
    assert.strictEqual(daesh[5], '2016-05-02');
    assert.strictEqual(daesh[6], 'AFP (2), Reuters (1)');
    const daeshLink = await rows.nth(0).locator('a').getAttribute('href');
    assert.match(daeshLink, /^\/\?(q=Daesh|entity=islamic-state)$/);
    const palmyra = await cells(1);
    assert.match(palmyra[2], /^Palmyra/);
    assert.strictEqual(palmyra[3], '2');
    const nobody = await cells(2);
    assert.strictEqual(nobody[2], '—');
    assert.strictEqual(nobody[3], '0');

    // The CSV is built in the page: every field quoted, absolute links.
    let csv = await download(page, '#batch-download');
    assert.match(csv.name, /^batch-.*\.csv$/);
    let records = parseCsv(csv.text.replace(/^\ufeff/, ''));
    assert.deepStrictEqual(records[0], ['line', 'query', 'error', 'entity_id', 'entity_name', 'entity_type',
      'spelling', 'total', 'first', 'last', 'outlets', 'link']);
    assert.strictEqual(records.length, 4);
    assert.deepStrictEqual(records[1].slice(0, 10), ['1', 'Daesh', '', 'islamic-state', 'Islamic State', 'org', 'Daesh',
      '3', '2016-02-27', '2016-05-02']);
    assert.strictEqual(records[1][11], base + daeshLink);
    assert.ok(csv.text.split('\r\n')[1].startsWith('"1","Daesh",""'), 'every field quoted: ' + csv.text);

    // A row's link opens its search in the page; back returns to the rows.
    await rows.nth(0).locator('a').click();
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 3);
    assert.ok(await page.isHidden('#batch-view'));
    await page.goBack();
    await page.waitForSelector('#batch-view:not([hidden])');
    assert.strictEqual(await rows.count(), 3);

    // Error rows and formula-safe fields; the sidebar's filters apply to every line.
    await page.locator('[data-facet="outlet"] .facet-value', { hasText: 'AFP' }).click();
    await page.waitForFunction(() => location.search.includes('outlet=AFP') && location.search.includes('view=batch'));
    await page.fill('#batch-text', '=HYPERLINK("http://x")\n\n@Daesh\nDaesh');
    await page.click('#batch-run');
    await page.waitForFunction(() => /^4 lines/.test(document.querySelector('#batch-status').textContent));
    assert.strictEqual(await page.locator('#batch-rows tr.error-row').count(), 1);
    assert.match(await page.textContent('#batch-rows tr.error-row'), /Error: empty line/);
    assert.match(await page.locator('#batch-rows tr').nth(3).locator('a').getAttribute('href'), /^\/\?.*outlet=AFP/);
    assert.strictEqual((await cells(3))[3], '2', 'the outlet filter applies to the line');
    csv = await download(page, '#batch-download');
    assert.ok(csv.text.includes('"\'=HYPERLINK(""http://x"")"'), csv.text);
    assert.ok(csv.text.includes('"\'@Daesh"'), csv.text);
    records = parseCsv(csv.text.replace(/^\ufeff/, ''));
    assert.strictEqual(records[2][2], 'empty line');

    // A CSV file: its column is named (suggested from the header); the box is not used.
    await page.setInputFiles('#batch-file', { name: 'names.csv', mimeType: 'text/csv',
      buffer: Buffer.from('id,full name\n7,ISIL\n8,"Tadmur"\n') });
    await page.waitForSelector('#batch-column-label:not([hidden])');
    assert.strictEqual(await page.inputValue('#batch-column'), 'full name');
    assert.ok(await page.isDisabled('#batch-text'));
    await page.click('#batch-run');
    await page.waitForFunction(() => /^2 lines/.test(document.querySelector('#batch-status').textContent));
    const isil = await cells(0);
    assert.strictEqual(isil[0], '2');  // the record's line in the file
    assert.match(isil[2], /^Islamic State/);
    assert.match((await cells(1))[2], /^Palmyra/);
    await page.fill('#batch-column', 'nope');
    await page.click('#batch-run');
    await page.waitForFunction(() => /no column 'nope'/.test(document.querySelector('#batch-status').textContent));
    await page.click('#batch-file-clear');
    assert.ok(await page.isEnabled('#batch-text'));

    // Searching from the batch view shows the reports.
    await page.fill('#q', 'aleppo');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 1 &&
      !location.search.includes('view=batch'));

    // --- a searchd that wants the write token: asked for once, then kept ------------------------
    const tokenFile = path.join(tmp, 'token');
    fs.writeFileSync(tokenFile, TOKEN + '\n');
    const port2 = await freePort();
    const base2 = `http://127.0.0.1:${port2}`;
    daemons.push(spawn(path.join(binDir, 'searchd'), ['--port', String(port2), '--index', index,
      '--state', path.join(tmp, 'state2.sqlite'), '--write-token-file', tokenFile], { stdio: ['ignore', 'ignore', 'pipe'] }));
    await waitHealthy(base2);
    const before = dialogs.length;
    answerDialog = (d) => (d.type() === 'prompt' ? d.accept(TOKEN) : d.dismiss());
    await page.goto(base2 + '/?q=homs');
    await page.waitForSelector('#results .hit');
    await page.click('#watch-this');
    await page.fill('#watch-name', 'Homs');
    await page.click('#watch-form button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('#watch-list li').length === 1);
    assert.strictEqual(dialogs.length, before + 1, 'one prompt: ' + dialogs.slice(before).join(' | '));
    assert.strictEqual(await page.evaluate(() => localStorage.getItem('searchd-write-token')), TOKEN);
    await page.click('#view-batch');
    await page.fill('#batch-text', 'Homs');
    await page.click('#batch-run');
    await page.waitForFunction(() => /^1 line/.test(document.querySelector('#batch-status').textContent));
    assert.strictEqual(dialogs.length, before + 1, 'the stored token is sent without asking again');

    assert.strictEqual(await page.evaluate(() => window.__xss), undefined, 'no injected script ran');
    assert.deepStrictEqual(pageErrors, []);
    console.log('watches page e2e: OK');
  } finally {
    if (browser) await browser.close();
    for (const d of daemons) d.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
