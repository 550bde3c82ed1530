// Browser test of the page over the multilingual test corpus (tests/data/multilingual: Arabic,
// Russian, Ukrainian and English originals, indexed with the bundled gazetteer): a typed search
// for "Deir ez-Zor" finds the Arabic report, its title shown in its original letters (hamza,
// guillemets, Arabic-Indic digits kept) and, like its snippet, running right to left inside the
// left-to-right page while the English title runs left to right; its meta line names the
// language ("Arabic"); an Arabic article opened by itself keeps its title's letters (الأقل with
// hamza, not folded to الاقل) and runs right to left, title and text; the Language facet lists
// the four languages by name with their counts and filters by one; the claims ledger of the
// Arabic reports shows their figures, and claimants, victims and sentences run right to left.
// Usage: node multilingual_page.test.js BIN_DIR SOURCE_DIR
'use strict';
const { freePort, waitHealthy, launchBrowser } = require('./harness');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert');

const [binDir, sourceArg] = process.argv.slice(2);
const sourceDir = sourceArg || path.resolve(__dirname, '..', '..');
const DATA = path.join(sourceDir, 'tests', 'data', 'multilingual');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'searchd-multilingual-e2e-'));

/// The title of a test article: the first line of its file, NFC.
const titleOf = (id) => fs.readFileSync(path.join(DATA, id + '.txt'), 'utf8').split(/\r?\n/)[0].trim().normalize('NFC');
const AT_LEAST = '\u0627\u0644\u0623\u0642\u0644';         // الأقل: alef with hamza above (U+0623)
const AT_LEAST_FOLDED = '\u0627\u0644\u0627\u0642\u0644';  // الاقل: bare alef, as a search folds it

async function main() {
  const index = path.join(tmp, 'index');
  execFileSync(path.join(binDir, 'corpus-index'), ['--out', index, DATA], { stdio: 'ignore' });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const daemon = spawn(path.join(binDir, 'searchd'), ['--port', String(port), '--index', index, '--cache-mb', '0'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let browser;
  try {
    await waitHealthy(base);
    browser = await launchBrowser(path.join(tmp, 'profile'), { viewport: { width: 1200, height: 900 } });
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const params = () => new URL(page.url()).searchParams;
    const waitHits = (n) => page.waitForFunction((k) => !document.querySelector('#results-view').hidden &&
      !document.body.classList.contains('loading') &&
      document.querySelectorAll('#results .hit').length === k, n);
    /// How `el` runs: its dir attribute, whether :dir(rtl) matches and its computed direction.
    const direction = (locator) => locator.evaluate((el) =>
      ({ dir: el.getAttribute('dir'), rtl: el.matches(':dir(rtl)'), direction: getComputedStyle(el).direction }));
    const RTL = { dir: 'auto', rtl: true, direction: 'rtl' };
    const LTR = { dir: 'auto', rtl: false, direction: 'ltr' };

    // --- a typed search: Arabic and English reports side by side ------------------------------------
    await page.goto(base + '/');
    await waitHits(10);  // browsing everything (17 reports, 10 a page) before typing
    await page.click('#q');
    await page.keyboard.type('Deir ez-Zor');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'Deir ez-Zor');
    await page.waitForFunction(() => !document.body.classList.contains('loading') &&
      /^3 reports/.test(document.querySelector('#status').textContent));
    await waitHits(3);
    const arTitle = titleOf('ar_03_sohr_deirezzor');
    const enTitle = titleOf('en_01_deir_ezzor');
    const shown = await page.locator('#results .hit h3 a').allTextContents();
    assert.ok(shown.includes(arTitle), 'the Arabic report in its original letters: ' + shown.join(' | '));
    assert.ok(shown.includes(enTitle), 'the English report: ' + shown.join(' | '));

    const arHit = page.locator('#results .hit', { has: page.locator('h3 a', { hasText: arTitle }) });
    assert.strictEqual(await arHit.count(), 1);
    const arLink = arHit.locator('h3 a');
    assert.strictEqual(await arLink.textContent(), arTitle);
    assert.deepStrictEqual(await direction(arLink), RTL, 'the Arabic title runs right to left');
    const arSnippet = arHit.locator('p.snippet');
    assert.ok(await arSnippet.locator('mark').count() > 0, 'the Arabic snippet highlights the match');
    assert.deepStrictEqual(await direction(arSnippet), RTL, 'the Arabic snippet runs right to left');
    assert.match(await arHit.locator('p.meta').textContent(), /\bArabic\b/);

    const enHit = page.locator('#results .hit', { has: page.locator('h3 a', { hasText: enTitle }) });
    assert.strictEqual(await enHit.count(), 1);
    assert.deepStrictEqual(await direction(enHit.locator('h3 a')), LTR, 'the English title runs left to right');
    assert.deepStrictEqual(await direction(enHit.locator('p.snippet')), LTR, 'the English snippet runs left to right');
    assert.match(await enHit.locator('p.meta').textContent(), /\bEnglish\b/);

    // The page itself stays left to right.
    assert.deepStrictEqual(await page.evaluate(() => [document.documentElement.getAttribute('dir'),
      getComputedStyle(document.documentElement).direction, getComputedStyle(document.body).direction,
      document.documentElement.matches(':dir(ltr)')]), [null, 'ltr', 'ltr', true]);

    // --- an Arabic article by itself ----------------------------------------------------------------
    const idlibTitle = titleOf('ar_01_sohr_idlib');
    assert.ok(idlibTitle.includes(AT_LEAST), 'the test file has الأقل with hamza');
    await page.goto(base + '/?doc=ar_01_sohr_idlib');
    await page.waitForSelector('#article:not([hidden])');
    await page.waitForFunction(() => document.querySelector('#article-text p') !== null &&
      !document.body.classList.contains('loading'));
    const articleTitle = await page.textContent('#article-title');
    assert.strictEqual(articleTitle, idlibTitle);
    assert.ok(articleTitle.includes(AT_LEAST), 'الأقل keeps its hamza');
    assert.ok(!articleTitle.includes(AT_LEAST_FOLDED), 'no folded الاقل in the title');
    assert.deepStrictEqual(await direction(page.locator('#article-title')), RTL, 'the article title runs right to left');
    assert.deepStrictEqual(await direction(page.locator('#article-text p').first()), RTL,
      'the article\'s first paragraph runs right to left');
    assert.match(await page.textContent('#article-meta'), /\bArabic\b/);
    assert.strictEqual(await page.evaluate(() => getComputedStyle(document.documentElement).direction), 'ltr');

    // --- the Language facet: every report, then Russian only ----------------------------------------
    await page.goto(base + '/');
    await waitHits(10);
    assert.match(await page.textContent('#status'), /^17 reports/);
    const langFacet = page.locator('[data-facet="lang"]');
    assert.strictEqual(await langFacet.locator('h2').textContent(), 'Language');
    const languages = await langFacet.locator('.facet-value').evaluateAll((buttons) => buttons.map((b) =>
      [b.querySelector('.facet-name').textContent, Number(b.querySelector('.count').textContent.replace(/[^0-9]/g, ''))]));
    assert.deepStrictEqual(Object.fromEntries(languages), { Arabic: 6, Russian: 4, Ukrainian: 4, English: 3 });
    assert.strictEqual(languages.length, 4);
    await langFacet.locator('.facet-value', { hasText: 'Russian' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'ru');
    await waitHits(4);
    assert.match(await page.textContent('#status'), /^4 reports/);
    const ruTitles = fs.readdirSync(DATA).filter((f) => /^ru_.*\.txt$/.test(f)).map((f) => titleOf(f.replace(/\.txt$/, '')));
    assert.deepStrictEqual((await page.locator('#results .hit h3 a').allTextContents()).sort(), ruTitles.sort());
    for (const meta of await page.locator('#results .hit p.meta').allTextContents()) assert.match(meta, /\bRussian\b/);
    for (const link of await page.locator('#results .hit h3 a').all()) {
      assert.deepStrictEqual(await direction(link), LTR, 'a Cyrillic title runs left to right');
    }
    assert.strictEqual(await langFacet.locator('.facet-value.selected .facet-name').textContent(), 'Russian');
    assert.strictEqual(params().get('q'), null);

    // --- the claims ledger of the Arabic reports: figures, claimants as written, right to left -----
    await page.goto(base + '/?lang=ar&view=claims');
    await page.waitForSelector('#incidents .incident');
    const claimCount = await page.locator('#incidents .claim').count();
    assert.ok(claimCount >= 5, 'the Arabic reports have claims: ' + claimCount);
    const sana = page.locator('#incidents .claim', { hasText: 'SANA' }).first();
    assert.match(await sana.locator('.figure').textContent(), /^2 killed$/);
    assert.deepStrictEqual(await direction(sana.locator('.claim-sentence')), RTL, 'an Arabic claim sentence runs right to left');
    // A claimant the gazetteer does not know is shown as written, isolated, right to left.
    const written = page.locator('#incidents .claim-head strong', { hasText: 'المرصد' }).first();
    assert.deepStrictEqual(await direction(written), RTL, 'an Arabic claimant runs right to left');
    const victims = page.locator('#incidents .claim .meta span', { hasText: 'مدني' }).first();
    assert.deepStrictEqual(await direction(victims), RTL, 'Arabic victims run right to left');

    assert.strictEqual(dialogs, 0, 'no dialog opened');
    assert.deepStrictEqual(pageErrors, []);
    console.log('multilingual page e2e: OK');
  } finally {
    if (browser) await browser.close();
    daemon.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
