// Browser regression checks of defects a user found in the page (headless Chromium), each a named
// check: the facet filter box, navigation state (the status after Back, a history entry per typed
// search, the results scrolled into view after paging or a facet), keyboard use (few Tab stops to
// the first result, focus kept after a facet value), the labels of active filters, typed entity
// chips first in a hit with the others behind "+N more", the landing page, a facet panel's "More"
// (to 100, then to 1000), the timeline (scale, labels, counts as text, the overview kept when a
// month is chosen, phone width) and the entity page's likewise, searches described with names
// (watches, entity page scope, batch) and warnings that name values instead of quoting ids. The
// corpus: 30 short articles from 9 outlets over 2015-2019 about a dozen places, indexed with the
// bundled gazetteer (and, for "More" past 100, 1,003 reports from 1,002 outlets).
// Usage: node page_defects.test.js BIN_DIR SOURCE_DIR
// (PAGE_DEFECTS_WEB=DIR serves the page from DIR instead, to try the checks on another copy.)
'use strict';
const { freePort, waitHealthy, launchBrowser, writeCorpus } = require('./harness');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert');

const [binDir] = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'searchd-defects-e2e-'));

// [file, outlet, published, title, text]
const ARTICLES = [
  ['a01', 'Reuters', '2015-03-02', 'Shelling in Damascus', 'Mortar shells hit central Damascus on Monday, the Syrian Observatory for Human Rights said. Bashar al-Assad visited troops.'],
  ['a02', 'AFP', '2015-04-11', 'Deir ez-Zor siege tightens', 'Islamic State fighters tightened the siege of Deir ez-Zor, residents said. At least 9 civilians were killed in Deir ez-Zor.'],
  ['a03', 'AP', '2015-06-20', 'Air strikes on Raqqa', 'Coalition air strikes hit Raqqa, the stronghold of Islamic State. The United Nations called for restraint.'],
  ['a04', 'BBC', '2015-09-30', 'Russia begins strikes near Homs', 'Russia began air strikes near Homs and Hama, Vladimir Putin said.'],
  ['a05', 'Al Jazeera', '2015-11-05', 'Fighting in Aleppo', 'Rebels and the Syrian Arab Army fought in Aleppo. Hezbollah fighters joined the offensive.'],
  ['a06', 'Anadolu', '2016-01-14', 'Aid reaches Madaya', 'An aid convoy of the United Nations reached the besieged town near Damascus, the Syrian Arab Red Crescent said.'],
  ['a07', 'RT', '2016-02-27', 'Ceasefire begins', 'A ceasefire began across Syria. Vladimir Putin and the United Nations welcomed it.'],
  ['a08', 'TASS', '2016-03-27', 'Palmyra retaken', 'The Syrian Arab Army retook Palmyra from Islamic State, Bashar al-Assad said.'],
  ['a09', 'Reuters', '2016-05-02', 'Deir ez-Zor airport attacked', 'Islamic State attacked the airport of Deir ez-Zor, the Syrian Observatory for Human Rights said.'],
  ['a10', 'AFP', '2016-07-15', 'Siege of Aleppo', 'The Syrian Arab Army tightened the siege of Aleppo while Hezbollah fighters moved north.'],
  ['a11', 'AP', '2016-08-09', 'Kobani rebuilt', 'Residents of Kobani rebuilt their homes after Islamic State left.'],
  ['a12', 'Xinhua', '2016-10-21', 'Strikes on Idlib', 'Air strikes hit Idlib, killing 14 civilians, the Syrian Observatory for Human Rights said.'],
  ['a13', 'BBC', '2016-12-13', 'Evacuation of Aleppo', 'Buses evacuated civilians from eastern Aleppo. The United Nations said thousands remained.'],
  ['a14', 'Al Jazeera', '2017-01-10', 'Water cut in Damascus', 'The water supply of Damascus was cut, residents said.'],
  ['a15', 'Reuters', '2017-03-02', 'Palmyra retaken again', 'The Syrian Arab Army retook Palmyra from Islamic State again, Russia said.'],
  ['a16', 'Anadolu', '2017-04-04', 'Attack on Idlib province', 'An attack in Idlib killed dozens, the Syrian Observatory for Human Rights said.'],
  ['a17', 'TASS', '2017-06-06', 'Offensive on Raqqa', 'The offensive on Raqqa began, Islamic State fighters resisted.'],
  ['a18', 'AFP', '2017-09-05', 'Deir ez-Zor siege broken', 'The Syrian Arab Army broke the siege of Deir ez-Zor, Bashar al-Assad said.'],
  ['a19', 'Reuters', '2017-10-17', 'Raqqa falls', 'Islamic State lost Raqqa after a long battle.'],
  ['a20', 'AP', '2017-11-03', 'Deir ez-Zor cleared', 'Islamic State was driven out of Deir ez-Zor, Russia said.'],
  ['a21', 'BBC', '2018-02-20', 'Ghouta under fire', 'Shelling near Damascus killed 100 civilians, the Syrian Observatory for Human Rights said.'],
  ['a22', 'Reuters', '2018-04-14', 'Strikes near Damascus', 'Western strikes hit targets near Damascus and Homs.'],
  ['a23', 'Xinhua', '2018-07-12', 'Daraa retaken', 'The Syrian Arab Army retook Daraa, Russia said.'],
  ['a24', 'AFP', '2018-09-17', 'Idlib deal', 'Russia and Turkey agreed on a zone around Idlib, Vladimir Putin said.'],
  ['a25', 'RT', '2019-01-08', 'Latakia quiet', 'Latakia stayed quiet while Hama was shelled.'],
  ['a26', 'Reuters', '2019-03-23', 'Baghouz falls', 'Islamic State lost its last village near Deir ez-Zor, the Syrian Democratic Forces said.'],
  ['a27', 'Al Jazeera', '2019-05-06', 'Offensive in Hama', 'The Syrian Arab Army attacked rebels in Hama and Idlib.'],
  ['a28', 'AP', '2019-10-09', 'Turkey enters Syria', 'Turkey sent troops into Syria near Kobani, the United Nations said.'],
  ['a29', 'Reuters', '2019-10-27', 'Leader of Islamic State killed', 'The leader of Islamic State was killed in Idlib, officials said.'],
  // Five names the gazetteer does not know (type "other") among typed ones.
  ['a30', 'AFP', '2019-12-20', 'Meeting in Damascus', 'Delegates met Abas al-Omar in the city. The Barada Grain Board sent a letter. ' +
    'The Orontes Water Authority sent a letter. Maher al-Khatib spoke to the press. The Qasioun Trading House sent a letter. ' +
    'Bashar al-Assad met them in Damascus about Deir ez-Zor, the Syrian Observatory for Human Rights said.'],
];

async function main() {
  const corpus = path.join(tmp, 'corpus');
  const index = path.join(tmp, 'index');
  const files = { 'manifest.tsv': 'file\tid\toutlet\tpublished\tauthor\turl\tnotes\n' +
    ARTICLES.map(([f, outlet, date]) => `${f}.txt\t${f}\t${outlet}\t${date}\t\t\t\n`).join('') };
  for (const [f, , , title, text] of ARTICLES) files[f + '.txt'] = title + '\n\n' + text + '\n';
  writeCorpus(corpus, files);
  execFileSync(path.join(binDir, 'corpus-index'), ['--out', index, corpus], { stdio: 'ignore' });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const web = process.env.PAGE_DEFECTS_WEB ? ['--web', process.env.PAGE_DEFECTS_WEB] : [];
  const daemon = spawn(path.join(binDir, 'searchd'), ['--port', String(port), '--index', index, ...web],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let browser;
  const failed = [];
  try {
    await waitHealthy(base);
    browser = await launchBrowser(path.join(tmp, 'profile'), { viewport: { width: 1200, height: 900 } });
    const page = await browser.newPage();
    page.setDefaultTimeout(5000);
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const waitHits = (n) => page.waitForFunction((k) => !document.querySelector('#results-view').hidden &&
      !document.body.classList.contains('loading') && document.querySelectorAll('#results .hit').length === k, n);
    const visibleValues = (facet) => page.locator(`[data-facet="${facet}"] .facet-list li`).evaluateAll((lis) =>
      lis.filter((li) => li.getClientRects().length > 0).map((li) => li.querySelector('.facet-name').textContent));
    const check = async (name, body) => {
      try {
        await body();
        console.log('ok   ' + name);
      } catch (err) {
        failed.push(name);
        console.log('FAIL ' + name + '\n     ' + String(err.message || err).split('\n').slice(0, 6).join('\n     '));
      }
    };

    // 1. The facet filter box hides the values that do not match; a needle matching none of the
    // values shown says so (the API lists the top 10 values only: Latakia is not among them).
    await check('facet_filter_box', async () => {
      await page.goto(base + '/');
      await waitHits(10);
      assert.strictEqual((await visibleValues('place')).length, 10);
      await page.fill('[data-facet="place"] .facet-filter', 'dam');
      assert.deepStrictEqual(await visibleValues('place'), ['Damascus']);
      assert.ok(await page.isHidden('[data-facet="place"] .facet-list li[data-name="idlib"]'));
      await page.fill('[data-facet="place"] .facet-filter', 'latakia');
      assert.deepStrictEqual(await visibleValues('place'), []);
      assert.match(await page.textContent('[data-facet="place"] .facet-none:not([hidden])'), /none of the 10 .*shown/i);
      await page.fill('[data-facet="place"] .facet-filter', '');
      assert.strictEqual((await visibleValues('place')).length, 10);
      assert.ok(await page.isHidden('[data-facet="place"] .facet-none'));
    });

    // 2. Navigation state. Back from an article (the page's Back and the browser's) says again what
    // the results are, in the reports and the claims view.
    const status = () => page.textContent('#status');
    const waitStatus = async (re, what) => {
      try {
        await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('#status').textContent), re.source, { timeout: 10000 });
      } catch { assert.fail(what + ': the status reads "' + await status() + '"'); }
    };
    await check('status_after_back_from_article', async () => {
      const deir = (await (await fetch(base + '/api/search?q=deir')).json()).total;
      await page.goto(base + '/?q=deir');
      await waitHits(Math.min(deir, 10));
      await waitStatus(new RegExp('^' + deir + ' reports'), 'results');
      await page.locator('#results .hit h3 a').first().click();
      await page.waitForSelector('#article:not([hidden])');
      await waitStatus(/^Showing report: /, 'article');
      await page.click('#back');
      await page.waitForSelector('#results-view:not([hidden])');
      await waitStatus(new RegExp('^' + deir + ' reports · page 1'), 'after the page\'s Back');
      await page.goForward();
      await waitStatus(/^Showing report: /, 'article again');
      await page.goBack();
      await page.waitForSelector('#results-view:not([hidden])');
      await waitStatus(new RegExp('^' + deir + ' reports · page 1'), 'after the browser\'s Back');
      await page.goto(base + '/?q=deir&view=claims');
      await page.waitForSelector('#incidents .incident');
      await waitStatus(/incident/, 'claims');
      await page.locator('#incidents .claim-open').first().click();
      await waitStatus(/^Showing report: /, 'article from a claim');
      await page.goBack();
      await page.waitForSelector('#claims-view:not([hidden])');
      await waitStatus(/^\d+ incidents?, /, 'claims after Back');
    });

    // Typed searches leave history entries: Back returns to the search before, and typing on
    // from a search ("ale", then "aleppo") does not add one per pause.
    await check('typed_search_history', async () => {
      const q = () => new URL(page.url()).searchParams.get('q');
      const typed = async (text) => {
        await page.fill('#q', text);
        await page.waitForFunction((t) => new URLSearchParams(location.search).get('q') === t, text);
        await page.waitForFunction(() => !document.body.classList.contains('loading'));
      };
      await page.goto(base + '/');
      await waitHits(10);
      await typed('ale');
      await typed('aleppo');
      await typed('raqqa');
      await page.goBack();
      await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'aleppo');
      await page.waitForFunction(() => /Aleppo/.test(document.querySelector('#results .hit h3').textContent));
      assert.strictEqual(await page.inputValue('#q'), 'aleppo', 'the box shows the search on show');
      await page.goBack();
      await page.waitForFunction(() => location.search === '');
      await waitHits(10);
      assert.strictEqual(q(), null);
      assert.strictEqual(await page.inputValue('#q'), '');
      assert.ok(page.url().startsWith(base), 'still in the app');
    });

    // On a phone the sidebar is below the results: choosing a facet value there, or paging from
    // the bottom of the list, brings the status line and the results back into view.
    await check('results_in_view_after_facet_and_paging', async () => {
      const inView = async (what) => {
        try {
          await page.waitForFunction(() => {
            const s = document.querySelector('#status').getBoundingClientRect();
            const hit = document.querySelector('#results .hit');
            return s.top >= 0 && s.bottom <= innerHeight && hit && hit.getBoundingClientRect().top < innerHeight;
          }, null, { timeout: 10000 });
        } catch {
          assert.fail(what + ': status and results out of view (scrollY ' + await page.evaluate(() => Math.round(scrollY)) +
            ', results at ' + await page.evaluate(() => Math.round(document.querySelector('#main').getBoundingClientRect().top + scrollY)) + ')');
        }
      };
      await page.setViewportSize({ width: 390, height: 800 });
      try {
        await page.goto(base + '/');
        await waitHits(10);
        const afp = page.locator('[data-facet="outlet"] .facet-value', { hasText: 'AFP' });
        const n = Number(await afp.locator('.count').textContent());
        await afp.click();
        await waitHits(n);
        await inView('after choosing an outlet');
        await page.goto(base + '/');
        await waitHits(10);
        await page.locator('#pager button', { hasText: 'Next' }).click();
        await page.waitForFunction(() => location.search.includes('page=2'));
        await waitHits(10);
        await inView('after paging');
      } finally {
        await page.setViewportSize({ width: 1200, height: 900 });
      }
    });

    // 3. Keyboard. Each facet list and the timeline is one Tab stop (arrow keys move inside), so
    // few Tab stops lie between the search box and the first result; a skip link right after
    // the search box goes there at once.
    const tabsFromBox = async (test, limit) => {
      await page.focus('#q');
      for (let i = 1; i <= limit; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(test)) return i;
      }
      return Infinity;
    };
    await check('few_tab_stops_to_first_result', async () => {
      await page.goto(base + '/?q=said');
      await waitHits(10);
      const stops = (sel) => page.locator(sel).evaluateAll((nodes) => nodes.filter((n) => n.tabIndex >= 0).length);
      for (const facet of ['outlet', 'year', 'org', 'place']) {
        assert.strictEqual(await stops(`[data-facet="${facet}"] .facet-list button, [data-facet="${facet}"] .facet-list a`), 1, facet + ' list');
      }
      assert.strictEqual(await stops('#timeline button'), 1, 'timeline');
      const tabs = await tabsFromBox(() => document.activeElement.matches('#results .hit h3 a'), 80);
      // A panel that may list more values has a "More" button, one stop more each.
      const more = await page.locator('#facets .facet-more').count();
      assert.ok(tabs <= 30 + more, 'Tab stops from the search box to the first result: ' + tabs + ' (' + more + ' "More")');
      console.log('     ' + tabs + ' Tab stops from the search box to the first result');
      // The skip link: at most two Tabs from the box, then one more to the first result.
      const toSkip = await tabsFromBox(() => document.activeElement.matches('a.skip'), 2);
      assert.ok(toSkip <= 2, 'the skip link is not right after the search box');
      assert.ok(await page.evaluate(() => document.activeElement.getBoundingClientRect().width > 1), 'the skip link shows when focused');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => document.activeElement.matches('#results .hit h3 a')), 'skip link, Tab: the first result');
    });

    // Arrow keys move inside a facet list and the timeline; Enter chooses a value (and again
    // removes it), and the focus stays on that value's button in the list drawn anew.
    await check('facet_enter_keeps_focus', async () => {
      await page.goto(base + '/');
      await waitHits(10);
      const focused = () => page.evaluate(() => {
        const a = document.activeElement;
        const li = a.closest('[data-facet] li');
        return a === document.body ? 'body' : li ? li.closest('[data-facet]').dataset.facet + ':' + li.dataset.value + ':' + a.className
          : a.matches('#timeline .bar') ? 'bar:' + a.dataset.period : a.id || a.tagName;
      });
      const deir = Number(await page.textContent('[data-facet="place"] li[data-value="deir-ez-zor"] .count'));
      await page.focus('[data-facet="place"] .facet-list .facet-value[tabindex="0"]');
      assert.strictEqual(await focused(), 'place:damascus:facet-value');
      await page.keyboard.press('ArrowDown');
      assert.strictEqual(await focused(), 'place:deir-ez-zor:facet-value');
      await page.keyboard.press('ArrowRight');  // the value's entity page link, then its exclude button
      await page.keyboard.press('ArrowRight');
      assert.strictEqual(await focused(), 'place:deir-ez-zor:exclude');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('place') === 'deir-ez-zor');
      await waitHits(deir);
      assert.strictEqual(await focused(), 'place:deir-ez-zor:facet-value selected');
      await page.keyboard.press(' ');  // Space removes it again
      await page.waitForFunction(() => !location.search.includes('place='));
      await waitHits(10);
      assert.strictEqual(await focused(), 'place:deir-ez-zor:facet-value');
      // The timeline: one stop, arrows along the months, Enter narrows to one.
      await page.focus('#timeline .bar[tabindex="0"]');
      const first = await focused();
      await page.keyboard.press('ArrowRight');
      const second = await focused();
      assert.notStrictEqual(second, first);
      await page.keyboard.press('Enter');
      const period = second.replace('bar:', '');
      await page.waitForFunction((p) => new URLSearchParams(location.search).get('from') === p, period);
      await page.waitForFunction(() => !document.body.classList.contains('loading'));
      assert.strictEqual(await focused(), second, 'the focus stays on the month');
    });

    // 4. Active filters read as names under the panels' labels, exclusions as "not …" on a chip
    // of their own style (not struck through), and a value the index does not know in words.
    const chips = () => page.locator('#active-list .chip').evaluateAll((cs) => cs.map((c) => c.textContent.replace(/\s+/g, ' ').trim()));
    await check('filter_chip_labels', async () => {
      // Islamic State is excluded, so no facet or hit names it: the page asks the entity's page.
      await page.goto(base + '/?place=deir-ez-zor&org=-islamic-state&outlet=-RT&lang=en');
      await page.waitForSelector('#results .hit');
      await page.waitForFunction(() => /Islamic State/.test(document.querySelector('#active-list').textContent), null, { timeout: 10000 })
        .catch(() => {});
      // In the order of the schema's filters.
      assert.deepStrictEqual(await chips(), ['not Outlet: RT ×', 'not Organisations: Islamic State ×', 'Places: Deir ez-Zor ×',
        'Language: English ×']);
      const style = (sel) => page.locator(sel).first().evaluate((c) => {
        const cs = getComputedStyle(c);
        return { line: cs.textDecorationLine, bg: cs.backgroundColor, color: cs.color };
      });
      const not = await style('#active-list .chip.excluded');
      const plain = await style('#active-list .chip:not(.excluded)');
      assert.strictEqual(not.line, 'none', 'an exclusion is not struck through');
      assert.ok(not.bg !== plain.bg && not.color !== plain.color, 'an exclusion looks different: ' + JSON.stringify([not, plain]));
      assert.match(await page.locator('#active-list .chip.excluded').first().getAttribute('aria-label'), /^Remove filter not /);

      await page.goto(base + '/?org=x-nobodyknown');
      await page.waitForSelector('[data-facet="org"] li');
      await page.waitForFunction(() => /not found/.test(document.querySelector('#active-list').textContent), null, { timeout: 10000 })
        .catch(() => {});
      assert.deepStrictEqual(await chips(), ['Organisations: “nobodyknown” (not found) ×']);
      const facet = (await page.textContent('[data-facet="org"] .facet-list')).replace(/\s+/g, ' ');
      assert.doesNotMatch(facet, /x-nobodyknown|nobodyknown\s*0/, 'the facet shows the raw id and count');
      assert.match(facet, /“nobodyknown”\s*not found/);
    });

    // 5. A hit's chips: people, organisations, places first; the names of type "other" only behind
    // "+N more", which shows them.
    await check('hit_chips_typed_first', async () => {
      await page.goto(base + '/?q=delegates');
      await waitHits(1);
      const kinds = () => page.locator('#results .hit .chips .chip').evaluateAll((cs) => cs.map((c) =>
        (c.className.match(/chip-(person|org|place|entity)|more-chips/) || ['?'])[0] + '=' + c.textContent));
      const before = await kinds();
      // "Water Authority", an unlisted name, is an organisation by its head word.
      assert.deepStrictEqual(before.map((k) => k.split('=')[0]), ['chip-person', 'chip-org', 'chip-org', 'chip-place',
        'chip-place', 'chip-place', 'chip-place', 'chip-place', 'more-chips'], before.join(' | '));
      assert.strictEqual(before[0], 'chip-person=Bashar al-Assad');
      assert.deepStrictEqual(before.slice(1, 3).sort(),
        ['chip-org=Syrian Observatory for Human Rights', 'chip-org=Water Authority']);
      assert.strictEqual(before[before.length - 1], 'more-chips=+4 more');
      await page.click('#results .hit .more-chips');
      const after = await kinds();
      assert.strictEqual(after.length, 12);
      assert.ok(!after.some((k) => k.startsWith('more-chips')), 'the button goes once used');
      assert.deepStrictEqual(after.slice(8).map((k) => k.split('=')[1]).sort(),
        ['Abas al-Omar', 'Grain Board', 'Maher al-Khatib', 'Trading House']);
      assert.ok(after.slice(8).every((k) => k.startsWith('chip-entity')));
      assert.strictEqual(await page.evaluate(() => document.activeElement.textContent), after[8].split('=')[1], 'the focus on the first name shown');
    });

    // 6. The landing page (no search, no filter) explains the query language with examples that
    // run when clicked, and gives the size and dates of the corpus, above the list of everything.
    await check('landing_page_intro', async () => {
      await page.goto(base + '/');
      await waitHits(10);
      assert.ok(await page.isVisible('#landing'), 'an introduction on the landing page');
      const intro = await page.textContent('#landing');
      assert.match(intro, /30 reports, published from March 2015 to December 2019/);
      const box = (sel) => page.locator(sel).evaluate((n) => n.getBoundingClientRect().top);
      assert.ok(await box('#landing') < await box('#results'), 'above the results');
      const examples = await page.locator('#landing-examples a').allTextContents();
      assert.ok(examples.length >= 3 && examples.length <= 5, examples.join(' | '));
      assert.ok(examples.some((e) => /^".+"$/.test(e)), 'a phrase: ' + examples.join(' | '));
      assert.ok(examples.some((e) => /^place:/.test(e)), 'an entity filter: ' + examples.join(' | '));
      assert.ok(examples.some((e) => /^date:\d{4}-\d{2}\.\.\d{4}-\d{2}$/.test(e)), 'a date range: ' + examples.join(' | '));
      assert.ok(examples.some((e) => /^lang:[a-z]{2}$/.test(e)), 'a language: ' + examples.join(' | '));
      // Each example finds reports; a click runs it (and puts it in the box).
      for (const q of examples) {
        const total = (await (await fetch(base + '/api/search?q=' + encodeURIComponent(q))).json()).total;
        assert.ok(total > 0, q + ' finds nothing');
      }
      const date = examples.find((e) => e.startsWith('date:'));
      await page.locator('#landing-examples a', { hasText: date }).click();
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, date);
      await page.waitForSelector('#landing', { state: 'hidden' });
      assert.strictEqual(await page.inputValue('#q'), date);
      await page.goBack();
      await page.waitForSelector('#landing:not([hidden])');
      await page.goto(base + '/?outlet=AFP');  // a filter: no introduction
      await waitHits(5);
      assert.ok(await page.isHidden('#landing'));
    });

    // 7. A facet panel lists its top 10 values; when there may be more (10 values not chosen came
    // back), a "More" button (a Tab stop after the list) asks again with facet_size=100 and the
    // panel lists them; the filter box then filters the longer list, the arrows move along it,
    // "Fewer" goes back to the top 10, and a new search lists the top 10 again.
    await check('facet_more_values', async () => {
      const all = (await (await fetch(base + '/api/search?facet_size=100')).json()).facets.place.map((fv) => fv.value);
      assert.ok(all.length > 10 && all.length < 100, 'the corpus has 11-99 places: ' + all.length);
      const asked = [];
      const onRequest = (r) => {
        if (r.url().includes('/api/search')) asked.push(new URL(r.url()).searchParams.get('facet_size'));
      };
      page.on('request', onRequest);
      try {
        await page.goto(base + '/');
        await waitHits(10);
        assert.deepStrictEqual(await visibleValues('place'), all.slice(0, 10));
        // Outlet has 9 values, Year lists every year: no button there.
        assert.strictEqual(await page.locator('[data-facet="outlet"] .facet-more, [data-facet="year"] .facet-more').count(), 0);
        await page.waitForSelector('[data-facet="place"] button.facet-more', { timeout: 2000 })
          .catch(() => assert.fail('no "More" button under the 10 places'));
        assert.strictEqual((await page.textContent('[data-facet="place"] .facet-more')).trim(), 'More');
        // By keyboard: Tab from the list's stop reaches it; Enter lists more and focuses the first added.
        await page.focus('[data-facet="place"] .facet-list .facet-value[tabindex="0"]');
        await page.keyboard.press('Tab');
        assert.ok(await page.evaluate(() => document.activeElement.matches('[data-facet="place"] .facet-more')), 'Tab from the list: More');
        await page.keyboard.press('Enter');
        await page.waitForFunction((n) => document.querySelectorAll('[data-facet="place"] .facet-list li').length === n, all.length);
        assert.deepStrictEqual(await visibleValues('place'), all);
        assert.ok(asked.includes('100'), 'facet_size=100 asked: ' + asked.join(','));
        const focusedName = () => page.evaluate(() => {
          const a = document.activeElement;
          return a.matches('[data-facet="place"] .facet-value') ? a.querySelector('.facet-name').textContent : a.className;
        });
        assert.strictEqual(await focusedName(), all[10], 'the focus on the first value added');
        await page.keyboard.press('ArrowDown');
        assert.strictEqual(await focusedName(), all[11]);
        await page.keyboard.press('End');
        assert.strictEqual(await focusedName(), all[all.length - 1]);
        const stops = await page.locator('[data-facet="place"] .facet-list button, [data-facet="place"] .facet-list a')
          .evaluateAll((nodes) => nodes.filter((n) => n.tabIndex >= 0).length);
        assert.strictEqual(stops, 1, 'the longer list is one Tab stop');
        // The filter box works over the longer list (Latakia is not among the top 10).
        await page.fill('[data-facet="place"] .facet-filter', 'latakia');
        assert.deepStrictEqual(await visibleValues('place'), ['Latakia']);
        await page.fill('[data-facet="place"] .facet-filter', '');
        // "Fewer": the top 10 again, the focus on the button (now "More").
        await page.click('[data-facet="place"] .facet-more');
        await page.waitForFunction(() => document.querySelectorAll('[data-facet="place"] .facet-list li').length === 10);
        assert.strictEqual((await page.textContent('[data-facet="place"] .facet-more')).trim(), 'More');
        assert.ok(await page.evaluate(() => document.activeElement.matches('[data-facet="place"] .facet-more')), 'the focus stays on the button');
        // A new search: the top 10, asked without facet_size.
        await page.click('[data-facet="place"] .facet-more');
        await page.waitForFunction((n) => document.querySelectorAll('[data-facet="place"] .facet-list li').length === n, all.length);
        asked.length = 0;
        await page.fill('#q', 'said');
        await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'said');
        await waitHits(10);
        assert.ok(asked.length > 0 && asked.every((v) => v === null), 'facet_size asked after a new search: ' + asked.join(','));
        assert.ok((await visibleValues('place')).length <= 10, 'the top 10 after a new search');
      } finally {
        page.off('request', onRequest);
      }
    });

    // 7b. Past 100: a panel listing 100 values when more may exist has "More" again, which asks
    // facet_size=1000 (the API's most) and lists them; at 1000 a line says so; "Fewer" goes back
    // to the top 10. A corpus of its own: 1,003 reports, each from another outlet (two from an
    // outlet whose name looks like markup, shown as text).
    await check('facet_more_past_100', async () => {
      const markup = '<b>Bold</b> & "Co" <img src=x>';
      const lines = [];
      const texts = {};
      for (let i = 1; i <= 1003; i++) {
        const f = 'o' + String(i).padStart(4, '0');
        const outlet = i <= 2 ? markup : 'Outlet ' + String(i).padStart(4, '0');
        const date = (2015 + (i % 5)) + '-' + String(1 + (i % 12)).padStart(2, '0') + '-15';
        lines.push(`${f}.txt\t${f}\t${outlet}\t${date}\t\t\t\n`);
        texts[f + '.txt'] = 'Report ' + i + '\n\nA short report about the weather, number ' + i + '.\n';
      }
      const bigCorpus = path.join(tmp, 'outlets');
      const bigIndex = path.join(tmp, 'outlets-index');
      writeCorpus(bigCorpus, Object.assign({ 'manifest.tsv': 'file\tid\toutlet\tpublished\tauthor\turl\tnotes\n' + lines.join('') }, texts));
      execFileSync(path.join(binDir, 'corpus-index'), ['--out', bigIndex, bigCorpus], { stdio: 'ignore' });
      const bigPort = await freePort();
      const big = `http://127.0.0.1:${bigPort}`;
      const bigDaemon = spawn(path.join(binDir, 'searchd'), ['--port', String(bigPort), '--index', bigIndex, ...web],
        { stdio: ['ignore', 'ignore', 'ignore'] });
      const asked = [];
      const onRequest = (r) => {
        if (r.url().includes('/api/search')) asked.push(new URL(r.url()).searchParams.get('facet_size'));
      };
      page.on('request', onRequest);
      try {
        await waitHealthy(big);
        const outlets = async (size) => (await (await fetch(big + '/api/search?facet_size=' + size)).json()).facets.outlet.map((fv) => fv.value);
        const top100 = await outlets(100);
        const top1000 = await outlets(1000);
        assert.strictEqual(top100.length, 100);
        assert.strictEqual(top1000.length, 1000);
        assert.strictEqual(top1000[0], markup, 'the outlet of two reports first');
        const rows = () => page.locator('[data-facet="outlet"] .facet-list li').count();
        const waitRows = (n) => page.waitForFunction((k) => document.querySelectorAll('[data-facet="outlet"] .facet-list li').length === k, n)
          .catch(async () => assert.fail('the panel lists ' + await rows() + ' values, not ' + n));
        const buttons = () => page.locator('[data-facet="outlet"] button.facet-more').allTextContents();
        const panelText = () => page.textContent('[data-facet="outlet"]');
        const focusedName = () => page.evaluate(() => {
          const a = document.activeElement;
          return a.matches('[data-facet="outlet"] .facet-value') ? a.querySelector('.facet-name').textContent : a.className + ' ' + a.textContent;
        });
        await page.goto(big + '/');
        await waitHits(10);
        assert.deepStrictEqual(await visibleValues('outlet'), top1000.slice(0, 10));
        assert.strictEqual(await page.locator('#facets b, #facets img').count(), 0, 'the outlet\'s name is text');
        assert.deepStrictEqual((await buttons()).map((t) => t.trim()), ['More']);
        await page.click('[data-facet="outlet"] button.facet-more');
        await waitRows(100);
        assert.deepStrictEqual(await visibleValues('outlet'), top100);
        assert.ok(asked.includes('100'), 'facet_size=100 asked: ' + asked.join(','));
        // 100 listed and more may exist: "More" again (before "Fewer"), not "the top 100 are listed".
        assert.deepStrictEqual((await buttons()).map((t) => t.trim()), ['More', 'Fewer'], 'a second "More" at 100');
        assert.doesNotMatch(await panelText(), /top 100 are listed/);
        // By keyboard: Tab from the list reaches "More"; Enter asks for 1000, the focus on the first added.
        await page.focus('[data-facet="outlet"] .facet-list .facet-value[tabindex="0"]');
        await page.keyboard.press('Tab');
        assert.strictEqual(await focusedName(), 'link facet-more More', 'Tab from the list: More');
        asked.length = 0;
        await page.keyboard.press('Enter');
        await waitRows(1000);
        assert.deepStrictEqual(asked, ['1000'], 'facet_size asked');
        assert.deepStrictEqual(await visibleValues('outlet'), top1000);
        assert.strictEqual(await focusedName(), top1000[100], 'the focus on the first value added');
        assert.match(await panelText(), /The top 1000 are listed\./);
        assert.deepStrictEqual((await buttons()).map((t) => t.trim()), ['Fewer'], 'no "More" past the API\'s most');
        const stops = await page.locator('[data-facet="outlet"] .facet-list button, [data-facet="outlet"] .facet-list a')
          .evaluateAll((nodes) => nodes.filter((n) => n.tabIndex >= 0).length);
        assert.strictEqual(stops, 1, 'the list of 1000 is one Tab stop');
        await page.fill('[data-facet="outlet"] .facet-filter', 'outlet 0999');
        assert.deepStrictEqual(await visibleValues('outlet'), ['Outlet 0999']);
        await page.fill('[data-facet="outlet"] .facet-filter', '');
        // "Fewer": the top 10 again, the focus on "More"; a second "More" asks for no request more
        // than the first did.
        await page.locator('[data-facet="outlet"] button.facet-more', { hasText: 'Fewer' }).click();
        await waitRows(10);
        assert.deepStrictEqual((await buttons()).map((t) => t.trim()), ['More']);
        assert.strictEqual(await focusedName(), 'link facet-more More', 'the focus on "More"');
        assert.doesNotMatch(await panelText(), /are listed/);
        assert.strictEqual(await page.locator('#facets b, #facets img').count(), 0, 'the outlet\'s name is text');
      } finally {
        page.off('request', onRequest);
        bigDaemon.kill('SIGTERM');
      }
    });

    // 8. The timeline has a count scale (its top is the highest count), year labels under the
    // bars, and reads out the count of the bar pointed at or focused as text. Choosing a month
    // keeps the overview of the search without dates, the month highlighted (no request more: the
    // overview is at hand); a link with dates costs one request more. No overflow on a phone.
    await check('timeline_scale_labels_overview', async () => {
      const searches = [];
      const onRequest = (r) => { if (r.url().includes('/api/search')) searches.push(r.url()); };
      const months = (await (await fetch(base + '/api/search')).json()).timeline.filter((b) => /^\d{4}-\d{2}$/.test(b.period));
      const max = Math.max(...months.map((b) => b.count));
      const bars = () => page.locator('#timeline .bar').evaluateAll((bs) => bs.map((b) => b.dataset.period));
      const marked = (cls) => page.locator('#timeline .bar.' + cls).evaluateAll((bs) => bs.map((b) => b.dataset.period));
      const readout = () => page.textContent('#timeline-section .timeline-readout');
      page.on('request', onRequest);
      try {
        await page.goto(base + '/');
        await waitHits(10);
        const overview = await bars();
        assert.strictEqual(overview[0], months[0].period);
        assert.strictEqual(overview[overview.length - 1], months[months.length - 1].period);
        const scale = page.locator('#timeline .timeline-y');
        assert.ok(await scale.isVisible().catch(() => false), 'a count scale beside the bars');
        const ticks = await scale.locator('span').allTextContents();
        assert.strictEqual(ticks[0], String(max), 'the scale tops at the highest count: ' + ticks.join('|'));
        // The middle line is a whole count, drawn where that count is (not "47.5" cut to "7.5").
        if (max >= 2) {
          assert.strictEqual(ticks[1], String(Math.round(max / 2)), 'a whole count at the middle: ' + ticks.join('|'));
          const mid = await page.locator('#timeline .timeline-y .y-mid').evaluate((e) => e.style.top);
          assert.strictEqual(parseFloat(mid).toFixed(2), (100 - (100 * Math.round(max / 2)) / max).toFixed(2));
        }
        // Year labels, left to right, none overlapping another.
        const labels = await page.locator('#timeline .timeline-x span').evaluateAll((ls) => ls.map((l) => {
          const r = l.getBoundingClientRect();
          return { text: l.textContent, left: r.left, right: r.right };
        }));
        const years = labels.map((l) => l.text);
        for (const y of ['2016', '2017', '2018', '2019']) assert.ok(years.includes(y), 'year labels: ' + years.join('|'));
        assert.deepStrictEqual(years, years.slice().sort());
        labels.slice(1).forEach((l, i) => assert.ok(labels[i].right <= l.left, 'labels overlap: ' + years.join('|')));
        // The count as text for the bar pointed at, then the one focused.
        await page.hover('#timeline .bar[data-period="2016-03"]');
        assert.match(await readout(), /March 2016: 1 match\b/);
        await page.focus('#timeline .bar[data-period="2019-10"]');
        assert.match(await readout(), /October 2019: 2 matches/);
        // A month chosen: the overview stays, the month highlighted; one request (the search).
        searches.length = 0;
        await page.click('#timeline .bar[data-period="2016-03"]');
        await page.waitForFunction(() => new URLSearchParams(location.search).get('from') === '2016-03');
        await waitHits(1);
        await page.waitForFunction(() => !document.body.classList.contains('loading'));
        assert.deepStrictEqual(await bars(), overview, 'the timeline keeps the overview');
        assert.deepStrictEqual(await marked('selected'), ['2016-03']);
        assert.strictEqual(await page.getAttribute('#timeline .bar[data-period="2016-03"]', 'aria-pressed'), 'true');
        assert.match(await readout(), /March 2016 \(chosen\): 1 match/);
        assert.strictEqual(searches.length, 1, 'requests: ' + searches.join(' '));
        // A link with a year: one request more, for the overview; the year's months highlighted.
        searches.length = 0;
        await page.goto(base + '/?from=2016&to=2016');
        await waitHits(8);
        await page.waitForFunction((n) => document.querySelectorAll('#timeline .bar').length === n, overview.length);
        assert.deepStrictEqual(await marked('in-range'), overview.filter((p) => p.startsWith('2016-')));
        assert.strictEqual(searches.length, 2, 'requests: ' + searches.join(' '));
        // On a phone: nothing wider than the screen, the labels inside the timeline.
        await page.setViewportSize({ width: 390, height: 800 });
        try {
          await page.goto(base + '/?from=2016-03&to=2016-03');
          await waitHits(1);
          await page.waitForFunction((n) => document.querySelectorAll('#timeline .bar').length === n, overview.length);
          const fit = await page.evaluate(() => {
            const box = document.querySelector('#timeline').getBoundingClientRect();
            const spans = [...document.querySelectorAll('#timeline .timeline-x span')].map((l) => l.getBoundingClientRect());
            return { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
              inside: spans.every((r) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5), labels: spans.length };
          });
          assert.ok(fit.scroll <= fit.client, 'horizontal overflow at 390 px: ' + JSON.stringify(fit));
          assert.ok(fit.inside && fit.labels >= 2, 'labels in the timeline: ' + JSON.stringify(fit));
          assert.deepStrictEqual(await marked('selected'), ['2016-03']);
        } finally {
          await page.setViewportSize({ width: 1200, height: 900 });
        }
      } finally {
        page.off('request', onRequest);
      }
    });

    // 8b. The entity page's mention timeline works as the results' does: choosing a month keeps
    // the overview (every month of the entity's reports under the page's search without dates),
    // the month highlighted, while the page's lists follow the month; no request more when the
    // overview is at hand, one for a link with dates. By keyboard the timeline is one Tab stop and
    // the focus stays on the month chosen. A month without reports keeps the timeline too. No
    // overflow on phones.
    await check('entity_timeline_overview', async () => {
      const span = (timeline) => {
        const ms = timeline.map((b) => b.period).filter((p) => /^\d{4}-\d{2}$/.test(p));
        const out = [];
        for (let [y, m] = ms[0].split('-').map(Number); out[out.length - 1] !== ms[ms.length - 1]; m = m === 12 ? 1 : m + 1, y += m === 1 ? 1 : 0) {
          out.push(y + '-' + String(m).padStart(2, '0'));
        }
        return out;
      };
      const all = span((await (await fetch(base + '/api/entity/damascus')).json()).timeline);
      const reuters = span((await (await fetch(base + '/api/entity/damascus?outlet=Reuters')).json()).timeline);
      assert.deepStrictEqual([all[0], all[all.length - 1], reuters[reuters.length - 1]], ['2015-03', '2019-12', '2018-04']);
      const asked = [];
      const onRequest = (r) => { if (r.url().includes('/api/entity/damascus')) asked.push(r.url()); };
      const bars = () => page.locator('#entity-timeline .bar').evaluateAll((bs) => bs.map((b) => b.dataset.period));
      const marked = (cls) => page.locator('#entity-timeline .bar.' + cls).evaluateAll((bs) => bs.map((b) => b.dataset.period));
      const newest = () => page.locator('#entity-body .entity-newest .hit h3').allTextContents();
      const focused = () => page.evaluate(() => (document.activeElement.matches('#entity-timeline .bar')
        ? document.activeElement.dataset.period : document.activeElement.tagName + '#' + document.activeElement.id));
      const stops = () => page.locator('#entity-timeline button').evaluateAll((bs) => bs.filter((b) => b.tabIndex >= 0).length);
      const waitPage = (n, from) => page.waitForFunction(([k, f]) => !document.querySelector('#entity-view').hidden &&
        !document.body.classList.contains('loading') && (new URLSearchParams(location.search).get('from') || '') === f &&
        document.querySelectorAll('#entity-body .entity-newest .hit').length === k, [n, from]);
      const waitBars = (periods) => page.waitForFunction((n) => document.querySelectorAll('#entity-timeline .bar').length === n, periods.length,
        { timeout: 10000 }).catch(async () => assert.fail('the entity timeline shows ' + (await bars()).join(',')));
      page.on('request', onRequest);
      try {
        await page.goto(base + '/?entity_page=damascus');
        await waitPage(5, '');
        assert.deepStrictEqual(await bars(), all);
        assert.strictEqual(await stops(), 1, 'the timeline is one Tab stop');
        // By keyboard: a month before, the arrow to January 2017, Enter.
        await page.focus('#entity-timeline .bar[data-period="2016-12"]');
        await page.keyboard.press('ArrowRight');
        asked.length = 0;
        await page.keyboard.press('Enter');
        await waitPage(1, '2017-01');
        assert.deepStrictEqual(await newest(), ['Water cut in Damascus'], 'the newest reports follow the month');
        await waitBars(all);
        assert.deepStrictEqual(await bars(), all, 'the timeline keeps the overview');
        assert.deepStrictEqual(await marked('selected'), ['2017-01']);
        assert.strictEqual(await page.getAttribute('#entity-timeline .bar[data-period="2017-01"]', 'aria-pressed'), 'true');
        assert.match(await page.textContent('#entity-timeline .timeline-readout'), /January 2017 \(chosen\): 1 report\b/);
        assert.strictEqual(await focused(), '2017-01', 'the focus stays on the month');
        assert.strictEqual(await stops(), 1, 'still one Tab stop');
        assert.strictEqual(asked.length, 1, 'requests: ' + asked.join(' '));
        // Enter again: every month again.
        await page.keyboard.press('Enter');
        await waitPage(5, '');
        assert.deepStrictEqual(await marked('selected'), []);
        // A link with dates, within a search: one request more, the overview of that search; the
        // year's months highlighted.
        asked.length = 0;
        await page.goto(base + '/?entity_page=damascus&outlet=Reuters&from=2018&to=2018');
        await waitPage(1, '2018');
        await waitBars(reuters);
        assert.deepStrictEqual(await bars(), reuters, 'the overview within outlet Reuters');
        assert.deepStrictEqual(await marked('in-range'), reuters.filter((p) => p.startsWith('2018-')));
        assert.deepStrictEqual(await newest(), ['Strikes near Damascus']);
        assert.strictEqual(asked.length, 2, 'requests: ' + asked.join(' '));
        // A month without reports: the timeline stays, to choose another.
        await page.click('#entity-timeline .bar[data-period="2016-06"]');
        await page.waitForFunction(() => new URLSearchParams(location.search).get('from') === '2016-06' &&
          !document.body.classList.contains('loading'));
        await waitBars(reuters);
        assert.deepStrictEqual(await marked('selected'), ['2016-06']);
        await page.click('#entity-timeline .bar[data-period="2015-03"]');
        await waitPage(1, '2015-03');
        assert.deepStrictEqual(await newest(), ['Shelling in Damascus']);
        assert.deepStrictEqual(await bars(), reuters);
        // On phones: nothing wider than the screen, the labels inside the timeline.
        for (const width of [360, 390, 430]) {
          await page.setViewportSize({ width, height: 800 });
          await page.goto(base + '/?entity_page=damascus&from=2017-01&to=2017-01');
          await waitPage(1, '2017-01');
          await waitBars(all);
          const fit = await page.evaluate(() => {
            const box = document.querySelector('#entity-timeline').getBoundingClientRect();
            const spans = [...document.querySelectorAll('#entity-timeline .timeline-x span')].map((l) => l.getBoundingClientRect());
            return { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
              inside: spans.every((r) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5), labels: spans.length };
          });
          assert.ok(fit.scroll <= fit.client, 'horizontal overflow at ' + width + ' px: ' + JSON.stringify(fit));
          assert.ok(fit.inside && fit.labels >= 2, 'labels in the timeline at ' + width + ' px: ' + JSON.stringify(fit));
          assert.deepStrictEqual(await marked('selected'), ['2017-01']);
        }
      } finally {
        page.off('request', onRequest);
        await page.setViewportSize({ width: 1200, height: 900 });
      }
    });

    // 9. Server warnings: "no article mentions org 'x-nobodyknown'" quotes the id of a filter
    // value; the page names the value and its panel. A warning that reads well already (a loose
    // spelling names the entity it matched) is shown as the server wrote it.
    await check('warnings_name_values', async () => {
      const notice = async (url) => {
        await page.goto(base + url);
        await page.waitForSelector('#notice:not([hidden])');
        return page.textContent('#notice');
      };
      const unknown = await notice('/?org=x-nobodyknown');
      assert.doesNotMatch(unknown, /x-nobodyknown|org '/, unknown);
      assert.match(unknown, /No report mentions “nobodyknown” \(Organisations\)/);
      const loose = (await (await fetch(base + '/api/search?q=' + encodeURIComponent('dayr al zor'))).json()).warnings;
      assert.strictEqual(loose.length, 1);
      assert.match(loose[0], /matched Deir ez-Zor/);
      assert.strictEqual(await notice('/?q=' + encodeURIComponent('dayr al zor')), loose[0]);
    });

    // 10. Searches in words (a watch's, an entity page's scope, the batch's filters) read as the
    // filter chips do: "Organisations: Islamic State", not "org: islamic-state".
    await check('searches_described_with_names', async () => {
      const query = '?q=raqqa&outlet=-RT&org=islamic-state&lang=en&from=2016&to=2017';
      const words = '“raqqa” · not Outlet: RT · Organisations: Islamic State · Language: English · Date: 2016 – 2017';
      await page.goto(base + '/' + query);
      await page.waitForSelector('#results .hit');
      await page.click('#watch-this');
      await page.fill('#watch-name', 'Raqqa named');
      await page.click('#watch-form button[type="submit"]');
      await page.waitForFunction(() => /Watching/.test(document.querySelector('#watch-saved').textContent));
      const watch = (await (await fetch(base + '/api/watches')).json()).watches.find((w) => w.name === 'Raqqa named');
      try {
        await page.goto(base + '/?watch=' + watch.id);  // a fresh page: no name known yet
        await page.waitForSelector('#watch-view:not([hidden])');
        await page.waitForFunction((w) => document.querySelector('#watch-query').textContent === 'Search: ' + w, words, { timeout: 10000 })
          .catch(async () => assert.fail('the watch\'s search reads "' + await page.textContent('#watch-query') + '"'));
        // The list may not be drawn yet: wait for it (null-safe), as long as a loaded machine needs.
        await page.waitForFunction((w) => {
          const open = document.querySelector('#watch-list li[data-watch] .watch-open');
          return open !== null && open.title === w;
        }, words, { timeout: 10000 })
          .catch(async () => assert.fail('the watch\'s title reads "' + await page.getAttribute('#watch-list .watch-open', 'title') + '"'));
        await page.goto(base + '/?entity_page=palmyra&org=-islamic-state');
        await page.waitForSelector('#entity-scope:not([hidden])');
        await page.waitForFunction(() => /not Organisations: Islamic State/.test(document.querySelector('#entity-scope').textContent), null, { timeout: 10000 })
          .catch(async () => assert.fail('the entity page\'s scope reads "' + await page.textContent('#entity-scope') + '"'));
        await page.goto(base + '/?view=batch&place=deir-ez-zor');
        await page.waitForFunction(() => /Places: Deir ez-Zor/.test(document.querySelector('#status').textContent), null, { timeout: 10000 })
          .catch(async () => assert.fail('the batch status reads "' + await page.textContent('#status') + '"'));
      } finally {
        await fetch(base + '/api/watches/' + watch.id, { method: 'DELETE' });
      }
    });

    assert.deepStrictEqual(pageErrors, []);
  } finally {
    if (browser) await browser.close();
    daemon.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (failed.length) throw new Error('page defects e2e: ' + failed.length + ' check(s) failed: ' + failed.join(', '));
  console.log('page defects e2e: OK');
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
