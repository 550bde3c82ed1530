// Browser test of the page as an analyst's workbench: an entity page opened from a result's
// chip (spellings, mention timeline, co-occurring entities with their pages and "together"
// searches, outlets, newest reports, incidents; its report count equal to the entity's facet
// count), the chip's filter still working; the compare view (three searches drawn as three
// series whose legend totals equal /api/search's totals under the same filters, the scale
// changing with normalisation, a point running its search for its period, adding and removing
// searches); no horizontal overflow at phone widths; and keyboard-only use of both.
// Usage: node workbench_page.test.js BIN_DIR SOURCE_DIR
'use strict';
const { freePort, waitHealthy, launchBrowser, writeCorpus } = require('./harness');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert');

const [binDir] = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'searchd-workbench-e2e-'));

const LONG_ORG = 'Northernsyriancoordinationcommitteeforhumanitarianreliefandreconstruction';
const LONG_WORD = 'Averyveryverylongwordwithoutanybreaksatallthatgoesonandonandonforeverandever';
const GAZETTEER = 'id\ttype\tsubtype\tregion\tcanonical\taliases\n' +
  'islamic-state\torganisation\tarmed\tJH\tIslamic State\tIslamic State|ISIS|ISIL|Daesh\n' +
  'palmyra\tplace\tcity\tSY\tPalmyra\tPalmyra|Tadmur\n' +
  'homs\tplace\tcity\tSY\tHoms\tHoms\n' +
  'aleppo\tplace\tcity\tSY\tAleppo\tAleppo\n' +
  'syrian-army\torganisation\tarmed\tSY\tSyrian army\tSyrian army|Syrian Arab Army\n' +
  'bashar-al-assad\tperson\tleader\tSY\tBashar al-Assad\tBashar al-Assad|Assad\n' +
  'sohr\torganisation\tmonitor\tSY\tSyrian Observatory for Human Rights\tSyrian Observatory for Human Rights|SOHR\n' +
  `long-org\torganisation\tngo\tSY\t${LONG_ORG}\t${LONG_ORG}\n`;
const ARTICLES = {
  'retake.txt': 'Syrian army retakes Palmyra\n\nThe Syrian army retook Palmyra from Islamic State fighters, the Syrian ' +
    `Observatory for Human Rights said. Assad praised the troops. The ${LONG_ORG} sent aid.\n`,
  'tadmur.txt': 'Fighting near Tadmur\n\nISIS fighters attacked army positions near Tadmur on Monday. At least 12 civilians ' +
    'were killed in Palmyra, SOHR said.\n',
  'ruins.txt': 'Palmyra ruins damaged\n\nIslamic State fighters damaged the ruins of Palmyra, witnesses said.\n',
  'ceasefire.txt': 'Ceasefire in Homs\n\nDaesh fighters left Homs after a ceasefire, residents said. Assad visited.\n',
  'water.txt': `Water cut in Homs ${LONG_WORD}\n\nThe water supply of Homs was cut on Monday. ${LONG_WORD} ${LONG_WORD}.\n`,
  'aleppo.txt': 'Siege of Aleppo\n\nAssad tightened the siege of Aleppo while Palmyra stayed quiet.\n',
  'undated.txt': 'Palmyra museum\n\nThe museum of Palmyra reopened, the Syrian army said.\n',
};
const MANIFEST = 'file\tid\toutlet\tpublished\tauthor\turl\tnotes\n' +
  'retake.txt\t\tReuters\t2016-03-27\t\t\t\n' +
  'tadmur.txt\t\tAFP\t2016-05-02\t\t\t\n' +
  'ruins.txt\t\tReuters\t2016-05-20\t\t\t\n' +
  'ceasefire.txt\t\tAFP\t2016-02-27\t\t\t\n' +
  'water.txt\t\tReuters\t2017-01-10\t\t\t\n' +
  'aleppo.txt\t\tAFP\t2016-07-15\t\t\t\n' +
  'undated.txt\t\tAFP\t\t\t\t\n';
const WIDTHS = [360, 390, 430];

const digits = (text) => Number(String(text).replace(/[^0-9]/g, ''));

async function main() {
  const corpus = path.join(tmp, 'corpus');
  const index = path.join(tmp, 'index');
  writeCorpus(corpus, { ...ARTICLES, 'gazetteer.tsv': GAZETTEER, 'manifest.tsv': MANIFEST });
  execFileSync(path.join(binDir, 'corpus-index'), ['--out', index, corpus], { stdio: 'ignore' });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const daemon = spawn(path.join(binDir, 'searchd'), ['--port', String(port), '--index', index],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  const api = async (url) => {
    const res = await fetch(base + url);
    assert.ok(res.ok, url + ': ' + res.status);
    return res.json();
  };
  let browser;
  try {
    await waitHealthy(base);
    browser = await launchBrowser(path.join(tmp, 'profile'), { viewport: { width: 1200, height: 900 } });
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const waitHits = (n) => page.waitForFunction((k) => !document.querySelector('#results-view').hidden &&
      document.querySelectorAll('#results .hit').length === k, n);
    const params = () => new URL(page.url()).searchParams;

    // --- the entity page, opened from a chip of a result --------------------------------------------
    await page.goto(base + '/');
    await waitHits(7);
    const facet = page.locator('[data-facet="place"] .facet-value', { hasText: 'Palmyra' });
    const palmyraFacet = digits(await facet.locator('.count').textContent());
    assert.strictEqual(palmyraFacet, 5);  // Palmyra or Tadmur: retake, tadmur, ruins, aleppo, undated
    const chip = page.locator('#results .hit .chip-item', { has: page.locator('.chip', { hasText: /^Palmyra$/ }) }).first();
    assert.strictEqual(await chip.locator('.chip-page').getAttribute('aria-label'), 'Page of Palmyra');
    await chip.locator('.chip-page').click();
    await page.waitForSelector('#entity-view:not([hidden])');
    await page.waitForFunction(() => document.querySelector('#entity-title').textContent === 'Palmyra' &&
      document.querySelector('#entity-body').children.length > 0);
    assert.strictEqual(params().get('entity_page'), 'palmyra');
    assert.ok(await page.isHidden('#results-view'));
    assert.strictEqual(await page.textContent('#entity-type'), 'Place');
    assert.strictEqual(digits(await page.textContent('#entity-meta')), palmyraFacet, 'the article count equals the facet count');
    assert.strictEqual((await api('/api/entity/palmyra')).articles, palmyraFacet);
    assert.strictEqual(await page.evaluate(() => document.activeElement.id), 'entity-title');
    // Spellings with their counts.
    const spellings = await page.locator('#entity-spellings li').evaluateAll((lis) =>
      lis.map((li) => li.querySelector('.spelling').textContent + '=' + li.querySelector('.count').textContent));
    assert.deepStrictEqual(spellings.sort(), ['Palmyra=5', 'Tadmur=1']);
    // The mention timeline: a bar per month from 2016-03 to 2016-07, the dated reports in them.
    const bars = await page.locator('#entity-timeline .bar').evaluateAll((bs) => bs.map((b) => b.dataset.period));
    assert.deepStrictEqual(bars, ['2016-03', '2016-04', '2016-05', '2016-06', '2016-07']);
    assert.match(await page.getAttribute('#entity-timeline .bar[data-period="2016-05"]', 'aria-label'), /^2016-05: 2 reports/);
    // Co-occurring entities per type.
    const orgs = await page.locator('[data-type="org"] .co-name').allTextContents();
    assert.ok(orgs.includes('Islamic State') && orgs.includes('Syrian army') && orgs.includes(LONG_ORG), orgs.join('|'));
    const people = await page.locator('[data-type="person"] .co-name').allTextContents();
    assert.deepStrictEqual(people, ['Bashar al-Assad']);
    const isRow = page.locator('[data-type="org"] li[data-id="islamic-state"]');
    const together = digits(await isRow.locator('.count').textContent());
    assert.strictEqual(together, 3);  // retake, tadmur, ruins
    // Outlets and sources link to searches of the entity with them; incidents to the claims view.
    const outletHref = new URL(await page.locator('.entity-outlets a', { hasText: 'AFP' }).getAttribute('href'), base);
    assert.deepStrictEqual([outletHref.searchParams.get('entity'), outletHref.searchParams.get('outlet')], ['palmyra', 'AFP']);
    const sourceHref = new URL(await page.locator('.entity-sources a').first().getAttribute('href'), base);
    assert.deepStrictEqual([sourceHref.searchParams.get('entity'), sourceHref.searchParams.get('source')], ['palmyra', 'sohr']);
    assert.match(await page.textContent('.compact-incidents'), /2016-05-02 · killed · civilians · Palmyra · 12 · 1 claimant/);
    const claimsHref = new URL(await page.getAttribute('.entity-claims', 'href'), base);
    assert.deepStrictEqual([claimsHref.searchParams.get('view'), claimsHref.searchParams.get('entity')], ['claims', 'palmyra']);
    assert.strictEqual(await page.locator('.entity-newest .hit').count(), 5);

    // "together": both entities, in different fields (filters of one field are ORed).
    await isRow.locator('.together').click();
    await waitHits(together);
    assert.strictEqual(params().get('org'), 'islamic-state');
    assert.strictEqual(params().get('entity'), 'palmyra');
    assert.strictEqual(params().get('entity_page'), null);
    await page.goBack();
    await page.waitForSelector('#entity-view:not([hidden]) .entity-newest .hit');

    // A co-occurring entity's page, and back.
    await isRow.locator('.co-name').click();
    await page.waitForFunction(() => document.querySelector('#entity-title').textContent === 'Islamic State');
    const isSpellings = await page.locator('#entity-spellings .spelling').allTextContents();
    assert.ok(['Islamic State', 'ISIS', 'Daesh'].every((s) => isSpellings.includes(s)), isSpellings.join('|'));
    await page.click('#entity-back');
    await page.waitForFunction(() => document.querySelector('#entity-title').textContent === 'Palmyra');

    // A newest report opens the article view; back returns to the entity page.
    await page.locator('.entity-newest .hit h3 a', { hasText: 'Fighting near Tadmur' }).click();
    await page.waitForSelector('#article:not([hidden])');
    await page.waitForFunction(() => /Tadmur/.test(document.querySelector('#article-title').textContent));
    assert.match(await page.textContent('#back'), /entity page/);
    await page.click('#back');
    await page.waitForSelector('#entity-view:not([hidden])');
    await page.waitForFunction(() => document.querySelector('#entity-title').textContent === 'Palmyra');

    // The sidebar's filters narrow the page (its facets count the entity's reports).
    assert.strictEqual((await api('/api/entity/palmyra?outlet=AFP')).articles, 3);  // tadmur, aleppo, undated
    assert.strictEqual(digits(await page.locator('[data-facet="outlet"] .facet-value', { hasText: 'AFP' }).locator('.count').textContent()), 3);
    await page.locator('[data-facet="outlet"] .facet-value', { hasText: 'AFP' }).click();
    await page.waitForFunction(() => location.search.includes('outlet=AFP') &&
      /^3 reports/.test(document.querySelector('#entity-meta').textContent));
    assert.match(await page.textContent('#entity-scope'), /Outlet: AFP/);
    await page.locator('#entity-scope a', { hasText: 'all reports' }).click();
    await page.waitForFunction(() => !location.search.includes('outlet=') &&
      /^5 reports/.test(document.querySelector('#entity-meta').textContent));

    // A facet value's page link; an unknown entity says so.
    await page.goto(base + '/?q=fighters');
    await waitHits(4);
    await page.locator('[data-facet="org"] li', { hasText: 'Islamic State' }).locator('.facet-page').click();
    await page.waitForFunction(() => document.querySelector('#entity-title').textContent === 'Islamic State');
    assert.strictEqual(params().get('q'), 'fighters', 'the search scopes the page');
    assert.match(await page.textContent('#entity-scope'), /fighters/);
    assert.strictEqual(digits(await page.textContent('#entity-meta')), 4);  // retake, tadmur, ruins, ceasefire
    await page.goto(base + '/?entity_page=nobody-at-all');
    await page.waitForFunction(() => /No entity page/.test(document.querySelector('#entity-meta').textContent));

    // The chip itself still filters.
    await page.goto(base + '/');
    await waitHits(7);
    await page.locator('#results .hit .chip', { hasText: /^Palmyra$/ }).first().click();
    await waitHits(palmyraFacet);
    assert.strictEqual(params().get('place'), 'palmyra');

    // --- the compare view ----------------------------------------------------------------------------
    const QUERIES = ['palmyra', 'homs', 'fighters'];
    const cq = QUERIES.map((q) => 'cq=' + encodeURIComponent(q)).join('&');
    const legendTotals = () => page.locator('#compare-legend li').evaluateAll((lis) =>
      lis.map((li) => [li.querySelector('.legend-query').textContent, Number(li.querySelector('.legend-total').textContent.replace(/[^0-9]/g, ''))]));
    const searchTotal = async (q, extra = '') => (await api('/api/search?q=' + encodeURIComponent(q) + extra)).total;
    const waitSeries = (n) => page.waitForFunction((k) => !document.querySelector('#compare-results').hidden &&
      document.querySelectorAll('#compare-chart path.line').length === k &&
      document.querySelectorAll('#compare-legend li').length === k, n);

    await page.goto(base + '/?view=compare&' + cq + '&interval=month');
    await waitSeries(3);
    assert.strictEqual(await page.getAttribute('#view-compare', 'aria-pressed'), 'true');
    assert.ok(await page.isHidden('#results-view'));
    for (const [q, total] of await legendTotals()) assert.strictEqual(total, await searchTotal(q), 'legend total of ' + q);
    assert.deepStrictEqual((await legendTotals()).map(([q]) => q), QUERIES);
    assert.strictEqual(await page.locator('#compare-queries input').count(), 3);
    // The sidebar's filters apply to every search.
    await page.locator('[data-facet="outlet"] .facet-value', { hasText: 'AFP' }).click();
    await page.waitForFunction(() => location.search.includes('outlet=AFP'));
    await waitSeries(3);
    await page.waitForFunction((t) => Number(document.querySelector('#compare-legend li .legend-total').textContent.replace(/[^0-9]/g, '')) === t,
      await searchTotal('palmyra', '&outlet=AFP'));
    for (const [q, total] of await legendTotals()) assert.strictEqual(total, await searchTotal(q, '&outlet=AFP'), 'AFP total of ' + q);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('outlet=AFP'));
    await waitSeries(3);
    await page.waitForFunction((t) => Number(document.querySelector('#compare-legend li .legend-total').textContent.replace(/[^0-9]/g, '')) === t,
      await searchTotal('palmyra'));

    // Raw counts, then shares: the scale's label and values change.
    const scale = async () => [await page.textContent('#compare-scale'),
      await page.locator('#compare-chart .y-tick').allTextContents()];
    const [rawLabel, rawTicks] = await scale();
    assert.strictEqual(rawLabel, 'Reports per month');
    assert.ok(rawTicks.every((t) => /^\d+$/.test(t)), rawTicks.join('|'));
    await page.check('#compare-normalise');
    await page.waitForFunction(() => /^Share of all reports/.test(document.querySelector('#compare-scale').textContent));
    assert.strictEqual(params().get('normalise'), 'true');
    const [shareLabel, shareTicks] = await scale();
    assert.strictEqual(shareLabel, 'Share of all reports per month (%)');
    assert.ok(shareTicks.every((t) => /%$/.test(t)), shareTicks.join('|'));
    assert.strictEqual(shareTicks[shareTicks.length - 1], '100%');  // palmyra is every report of 2016-03
    await page.uncheck('#compare-normalise');
    await page.waitForFunction(() => document.querySelector('#compare-scale').textContent === 'Reports per month');

    // A point runs its search for its period, with the filters.
    const timeline = await api('/api/timeline?' + QUERIES.map((q) => 'q=' + q).join('&') + '&interval=month');
    const may = timeline.periods.indexOf('2016-05');
    assert.strictEqual(timeline.series[0].counts[may], 2);
    await page.click('#compare-chart circle.point[data-series="0"][data-period="2016-05"]');
    await waitHits(2);
    assert.deepStrictEqual([params().get('q'), params().get('from'), params().get('to'), params().get('view'), params().get('cq')],
      ['palmyra', '2016-05', '2016-05', null, null]);
    await page.goBack();
    await waitSeries(3);

    // By week: a point's search runs from its Monday to its Sunday.
    await page.selectOption('#compare-interval', 'week');
    await page.waitForFunction(() => /per week/.test(document.querySelector('#compare-scale').textContent));
    assert.strictEqual(params().get('interval'), 'week');
    await page.click('#compare-chart circle.point[data-series="1"][data-period="2016-02-22"]');
    await waitHits(1);
    assert.deepStrictEqual([params().get('q'), params().get('from'), params().get('to')], ['homs', '2016-02-22', '2016-02-28']);
    await page.goBack();
    await waitSeries(3);

    // Adding and removing searches (five at most); a search's text is shown as text.
    await page.click('#compare-add');
    await page.fill('#compare-queries li:nth-child(4) input', '<img src=x onerror="window.__xss=1">');
    await page.click('#compare-add');
    await page.fill('#compare-queries li:nth-child(5) input', 'aleppo');
    assert.ok(await page.isDisabled('#compare-add'), 'at most five searches');
    await page.click('#compare-run');
    await waitSeries(5);
    assert.strictEqual(params().getAll('cq').length, 5);
    assert.strictEqual(await page.locator('#compare-view img').count(), 0);
    assert.match(await page.textContent('#compare-legend'), /<img src=x/);
    await page.click('#compare-queries li:nth-child(4) .cq-remove');
    await waitSeries(4);
    assert.deepStrictEqual(params().getAll('cq'), ['palmyra', 'homs', 'fighters', 'aleppo']);
    assert.ok(await page.isEnabled('#compare-add'));
    // The table of values: a button per period and search.
    await page.click('#compare-table-box summary');
    await page.waitForSelector('#compare-table .cell-open');
    assert.strictEqual(await page.locator('#compare-table thead th').count(), 5);

    // --- keyboard only: the compare view and an entity page -----------------------------------------
    const tabTo = async (test, what) => {
      for (let i = 0; i < 250; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(test)) return;
      }
      throw new Error('Tab never reached ' + what);
    };
    await page.goto(base + '/');
    await waitHits(7);
    await tabTo(() => document.activeElement.id === 'view-compare', 'the compare button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#compare-view:not([hidden])');
    await tabTo(() => document.activeElement.matches('#compare-queries input'), 'a query box');
    await page.keyboard.type('palmyra');
    await page.keyboard.press('Enter');
    await waitSeries(1);
    assert.deepStrictEqual(params().getAll('cq'), ['palmyra']);
    await page.keyboard.press('Shift+Tab');  // back from wherever the focus is, then to the table
    await tabTo(() => document.activeElement.matches('#compare-table-box summary'), 'the table of values');
    await page.keyboard.press('Enter');
    await tabTo(() => document.activeElement.matches('#compare-table .cell-open'), 'a value');
    const period = await page.evaluate(() => document.activeElement.dataset.period);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#results-view').hidden && location.search.includes('from='));
    assert.deepStrictEqual([params().get('q'), params().get('from')], ['palmyra', period]);

    await page.goto(base + '/');
    await waitHits(7);
    await tabTo(() => document.activeElement.matches('#results .chip-page'), 'a chip\'s page link');
    const name = (await page.evaluate(() => document.activeElement.getAttribute('aria-label'))).replace(/^Page of /, '');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#entity-view:not([hidden])');
    await page.waitForFunction((n) => document.querySelector('#entity-title').textContent === n &&
      document.activeElement.id === 'entity-title', name);

    // --- phone widths: no sideways scrolling ----------------------------------------------------------
    const longDoc = (await api('/api/search?q=water')).hits[0].id;
    const VIEWS = [
      ['landing page', '/', () => document.querySelectorAll('#results .hit').length === 7],
      ['result list', '/?q=homs', () => document.querySelectorAll('#results .hit').length === 2],
      ['article view', '/?doc=' + encodeURIComponent(longDoc), () => document.querySelector('#article-text p') !== null],
      ['entity page', '/?entity_page=palmyra', () => document.querySelector('#entity-body .entity-newest') !== null],
      ['compare view', '/?view=compare&cq=palmyra&cq=' + LONG_WORD + '&cq=' + LONG_ORG + '&cq=homs&cq=assad',
        () => document.querySelectorAll('#compare-chart path.line').length === 5],
    ];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      for (const [what, url, ready] of VIEWS) {
        await page.goto(base + url);
        await page.waitForFunction(ready);
        await page.waitForFunction(() => !document.body.classList.contains('loading'));
        const [scrollWidth, clientWidth] = await page.evaluate(() =>
          [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.ok(scrollWidth <= clientWidth, `${what} at ${width}px: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`);
      }
    }

    assert.strictEqual(await page.evaluate(() => window.__xss), undefined, 'no injected script ran');
    assert.strictEqual(dialogs, 0, 'no dialog opened');
    assert.deepStrictEqual(pageErrors, []);
    console.log('workbench page e2e: OK');
  } finally {
    if (browser) await browser.close();
    daemon.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
