// The search page. State lives in the URL with the API's parameter names (plus `view` for the
// claims ledger and the batch search, `doc` for the article view, `hl` for the sentence it
// highlights and `watch` for a watch's new matches), so searches can be shared and
// back/forward work. Every text that comes from
// the index is inserted with textContent/createElement, never innerHTML; snippets (escaped
// server-side, containing only <mark>) are split on the literal mark tags.
'use strict';

// Filled from GET /api/schema (the server's field table) before the first render.
let FILTER_FIELDS = [];   // filter parameter names, kept in the URL
let PANELS = [];          // facet fields shown as panels: {name, label, rule}
let ENTITY_FIELDS = {};   // entity type ("person", ..., "other") -> filter field
const DEBOUNCE_MS = 300;
const FACET_FILTER_MIN = 7;

const VIEWS = ['reports', 'claims', 'batch'];
const WATCH_PAGE = 50;     // new matches shown when a watch is opened (the API allows 100)

const $ = (id) => document.getElementById(id);
let typingTimer = null;
let articleFromResults = false;  // the article view was pushed on top of a results page

// ---- state <-> URL -------------------------------------------------------------------------

function readState() {
  const p = new URLSearchParams(location.search);
  const filters = {};
  for (const f of FILTER_FIELDS) filters[f] = p.getAll(f);
  return {
    q: p.get('q') || '', filters, from: p.get('from') || '', to: p.get('to') || '',
    sort: p.get('sort') || 'relevance', page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    collapse: p.get('collapse') === 'true', doc: p.get('doc') || '',
    view: VIEWS.includes(p.get('view')) ? p.get('view') : 'reports', hl: p.get('hl') || '',
    watch: /^\d{1,18}$/.test(p.get('watch') || '') ? p.get('watch') : '',
  };
}

function apiParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FILTER_FIELDS) for (const v of state.filters[f]) p.append(f, v);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.collapse) p.set('collapse', 'true');
  return p;
}

function pageUrl(state) {
  const p = apiParams(state);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.view !== 'reports') p.set('view', state.view);
  if (state.watch) p.set('watch', state.watch);
  if (state.doc) p.set('doc', state.doc);
  if (state.doc && state.hl) p.set('hl', state.hl);
  const s = p.toString();
  return s ? '/?' + s : '/';
}

function navigate(change, { replace = false } = {}) {
  const state = Object.assign(readState(), { page: 1, doc: '', hl: '', watch: '' }, change);
  const url = pageUrl(state);
  if (url === location.pathname + location.search) return render();
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  render();
}

function withFilters(mutate) {
  const state = readState();
  const filters = {};
  for (const f of FILTER_FIELDS) filters[f] = state.filters[f].slice();
  mutate(filters);
  navigate({ filters });
}

/// Adds `value` (or `-value` when excluding) to `field`, or removes it when already present.
function toggleFilter(field, value, exclude) {
  withFilters((filters) => {
    const wanted = exclude ? '-' + value : value;
    const list = filters[field].filter((v) => v !== value && v !== '-' + value);
    if (!filters[field].includes(wanted)) list.push(wanted);
    filters[field] = list;
  });
}

// ---- DOM helpers ---------------------------------------------------------------------------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function decodeEntities(s) {
  const map = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" };
  return s.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (m, name) => map[name]);
}

/// Builds the snippet from text nodes and <mark> elements, never parsing it as HTML.
function snippetNode(snippet) {
  const p = el('p', { class: 'snippet' });
  let marked = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    if (!part) continue;
    const text = document.createTextNode(decodeEntities(part));
    p.append(marked ? el('mark', {}, text) : text);
  }
  return p;
}

function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch { return null; }
}

function entityField(type) {
  return ENTITY_FIELDS[type] || ENTITY_FIELDS.other;
}

function entityChip(entity) {
  const field = entityField(entity.type);
  return el('li', {}, el('button', {
    type: 'button', class: 'chip chip-' + field, text: entity.name,
    title: 'Filter by ' + field + ' ' + entity.name,
    on: { click: () => toggleFilter(field, entity.id || entity.name, false) },
  }));
}

function setStatus(text) { $('status').textContent = text; }

function showNotice(lines) {
  const n = $('notice');
  n.replaceChildren(...lines.filter(Boolean).map((l) => (typeof l === 'string' ? el('span', { text: l }) : l)));
  n.hidden = n.childNodes.length === 0;
}

/// One kind of request the page keeps current (the search, the claims ledger): a newer request
/// aborts the one in flight, and a URL already shown is not fetched again.
function loader() {
  let shown = null;
  let controller = null;
  return {
    forget() { shown = null; },
    async load(url, render, fail, { remember = true } = {}) {
      if (url === shown) return;
      if (controller) controller.abort();
      controller = new AbortController();
      document.body.classList.add('loading');
      try {
        const result = await fetchJson(url, controller.signal);
        shown = remember ? url : null;
        render(result);
      } catch (err) {
        if (err.name === 'AbortError') return;
        shown = null;
        fail(err);
      } finally {
        document.body.classList.remove('loading');
      }
    },
  };
}

async function fetchJson(url, signal) {
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) throw new Error((body && body.error) || 'request failed (' + res.status + ')');
  return body;
}

// ---- results view --------------------------------------------------------------------------

function formatDate(d) { return d || 'date unknown'; }

const NUMBER = new Intl.NumberFormat('en');  // one formatter (toLocaleString makes one per call)
function formatCount(n) { return NUMBER.format(n); }

/// An ISO UTC time from the API ("2026-11-29T02:25:24Z") as "2026-11-29 02:25 UTC".
function formatTime(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso || '');
  return m ? m[1] + ' ' + m[2] + ' UTC' : (iso || 'an unknown time');
}

function hitItem(hit, state, { showAdded = false } = {}) {
  const link = el('a', { href: pageUrl(Object.assign({}, state, { doc: hit.id })), text: hit.title || '(untitled)',
    on: { click: (e) => { if (e.ctrlKey || e.metaKey || e.shiftKey) return; e.preventDefault(); openDoc(hit.id); } } });
  const meta = el('p', { class: 'meta', text: [hit.outlet || 'unknown outlet', formatDate(hit.published),
    (showAdded || state.sort === 'added') && hit.added ? 'added ' + formatTime(hit.added) : ''].filter(Boolean).join(' · ') });
  if (hit.duplicates > 0) meta.append(el('span', { class: 'dups', text: ' · ' + hit.duplicates + ' similar' }));
  const chips = el('ul', { class: 'chips' }, ...(hit.entities || []).slice(0, 12).map(entityChip));
  return el('li', { class: 'hit' }, el('h3', {}, link), meta, snippetNode(hit.snippet || ''), chips);
}

function renderPager(result, state) {
  const pages = Math.max(1, Math.ceil(result.total / result.page_size));
  const nav = $('pager');
  nav.replaceChildren();
  if (pages <= 1) return;
  const go = (page) => { navigate(Object.assign({}, state, { page, doc: '' })); $('results').focus(); };
  nav.append(
    el('button', { type: 'button', text: '← Previous', on: { click: () => go(state.page - 1) } }),
    el('span', { text: 'Page ' + state.page + ' of ' + pages }),
    el('button', { type: 'button', text: 'Next →', on: { click: () => go(state.page + 1) } }));
  nav.firstChild.disabled = state.page <= 1;
  nav.lastChild.disabled = state.page >= pages;
}

function renderActiveFilters(state) {
  const items = [];
  for (const f of FILTER_FIELDS) {
    for (const v of state.filters[f]) {
      const exclude = v.startsWith('-');
      const value = exclude ? v.slice(1) : v;
      items.push(el('li', {}, el('button', {
        type: 'button', class: 'chip' + (exclude ? ' excluded' : ''),
        text: (exclude ? 'not ' : '') + f + ': ' + value + ' ×', 'aria-label': 'Remove filter ' + f + ' ' + v,
        on: { click: () => withFilters((fl) => { fl[f] = fl[f].filter((x) => x !== v); }) } })));
    }
  }
  if (state.from || state.to) {
    items.push(el('li', {}, el('button', { type: 'button', class: 'chip', text: 'date: ' + (state.from || '…') + ' – ' + (state.to || '…') + ' ×',
      'aria-label': 'Remove date range', on: { click: () => navigate(Object.assign({}, state, { from: '', to: '' })) } })));
  }
  $('active-list').replaceChildren(...items);
  $('active').hidden = items.length === 0;
}

function facetEntry(name, fv, state, isYear) {
  const value = fv.id || fv.value;
  const selected = isYear ? state.from === value && state.to === value : state.filters[name].includes(value);
  const excluded = !isYear && state.filters[name].includes('-' + value);
  const toggle = isYear
    ? () => navigate(Object.assign({}, state, selected ? { from: '', to: '' } : { from: value, to: value }))
    : () => toggleFilter(name, value, false);
  const main = el('button', { type: 'button', class: 'facet-value' + (selected ? ' selected' : '') + (excluded ? ' excluded' : ''),
    'aria-pressed': String(selected), on: { click: toggle } },
    el('span', { class: 'facet-name', text: fv.value }), el('span', { class: 'count', text: String(fv.count) }));
  const li = el('li', { 'data-name': fv.value.toLowerCase() }, main);
  if (!isYear) {
    li.append(el('button', { type: 'button', class: 'exclude' + (excluded ? ' selected' : ''), text: '−',
      title: 'Exclude ' + fv.value, 'aria-label': 'Exclude ' + fv.value, 'aria-pressed': String(excluded),
      on: { click: () => toggleFilter(name, value, true) } }));
  }
  return li;
}

function renderFacets(result, state) {
  const sections = [];
  for (const { name, label, rule } of PANELS) {
    const values = (result.facets && result.facets[name]) || [];
    if (values.length === 0) continue;
    // A year is chosen as a date range (from/to), like a timeline bar.
    const isYear = rule === 'year';
    const list = el('ul', { class: 'facet-list' }, ...values.map((fv) => facetEntry(name, fv, state, isYear)));
    const section = el('section', { class: 'facet', 'aria-label': label, 'data-facet': name },
      el('h2', { text: label }));
    if (values.length >= FACET_FILTER_MIN) {
      const box = el('input', { type: 'search', class: 'facet-filter', placeholder: 'Filter…',
        'aria-label': 'Filter ' + label + ' values' });
      box.addEventListener('input', () => {
        const needle = box.value.toLowerCase();
        for (const li of list.children) li.hidden = !li.dataset.name.includes(needle);
      });
      section.append(box);
    }
    section.append(list);
    sections.push(section);
  }
  if (!result.facets_exact && sections.length) sections.push(el('p', { class: 'meta', text: 'Facet counts are approximate.' }));
  $('facets').replaceChildren(...sections);
}

function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length < 1200) {
    out.push(y + '-' + String(m).padStart(2, '0'));
    if (++m > 12) { m = 1; y += 1; }
  }
  return out;
}

function renderTimeline(result, state) {
  const buckets = (result.timeline || []).filter((b) => /^\d{4}-\d{2}$/.test(b.period));
  $('timeline-section').hidden = buckets.length === 0;
  if (buckets.length === 0) return $('timeline').replaceChildren();
  const counts = new Map(buckets.map((b) => [b.period, b.count]));
  const periods = monthsBetween(buckets[0].period, buckets[buckets.length - 1].period);
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const bars = periods.map((period) => {
    const count = counts.get(period) || 0;
    const selected = state.from === period && state.to === period;
    const bar = el('span', { class: 'bar-fill' });
    bar.style.height = Math.max(count ? 4 : 0, Math.round((100 * count) / max)) + '%';
    return el('button', { type: 'button', class: 'bar' + (selected ? ' selected' : ''), 'data-period': period,
      title: period + ': ' + count, 'aria-label': period + ': ' + count + ' matches' + (selected ? ' (selected)' : ''),
      'aria-pressed': String(selected),
      on: { click: () => navigate(Object.assign({}, state, selected ? { from: '', to: '' } : { from: period, to: period })) } }, bar);
  });
  const axis = el('div', { class: 'timeline-axis' }, el('span', { text: periods[0] }), el('span', { text: periods[periods.length - 1] }));
  $('timeline').replaceChildren(el('div', { class: 'bars' }, ...bars), axis);
}

function renderResults(result, state, quiet) {
  renderFacets(result, state);
  renderTimeline(result, state);
  if (quiet) return;  // the claims view shows its own status
  const count = result.total === 0 ? 'No reports match' :
    (result.total_exact ? '' : 'About ') + result.total.toLocaleString('en') + ' report' + (result.total === 1 ? '' : 's');
  const pageInfo = result.total > 0 ? ' · page ' + result.page : '';
  setStatus(count + pageInfo + ' (' + Math.round(result.took_ms) + ' ms)');
  const notices = (result.warnings || []).slice();
  if (result.suggestion) {
    notices.push(el('span', {}, 'Did you mean ', el('button', { type: 'button', class: 'link', text: result.suggestion,
      on: { click: () => navigate(Object.assign({}, state, { q: result.suggestion })) } }), '?'));
  }
  showNotice(notices);
  $('results').replaceChildren(...result.hits.map((h) => hitItem(h, state)));
  renderPager(result, state);
}

function syncControls(state) {
  if (document.activeElement !== $('q')) $('q').value = state.q;
  $('from').value = state.from;
  $('to').value = state.to;
  $('sort').value = state.sort;
  $('collapse').checked = state.collapse;
  const p = apiParams(state);
  for (const format of ['csv', 'jsonl']) {  // the page's two export links: what is in view
    const e = new URLSearchParams(p);
    e.set('format', format);
    if (state.view === 'claims') e.set('what', 'claims');
    $('export-' + format).href = '/api/export?' + e.toString();
  }
  // The search tools belong to the reports and claims views (the ledger has its own order).
  const base = state.watch ? 'watch' : state.view;
  const searching = base === 'reports' || base === 'claims';
  $('sort').closest('label').hidden = base !== 'reports';
  $('collapse').closest('label').hidden = !searching;
  $('export-csv').closest('.export').hidden = !searching;
  $('watch-this').hidden = !searching;
  for (const v of VIEWS) $('view-' + v).setAttribute('aria-pressed', String(base === v));
  $('filters').hidden = base === 'watch';  // a watch has its own search: the sidebar lists watches
  renderActiveFilters(state);
}

/// What the main area shows: an article, a watch's new matches, or one of the views.
function pageMode(state) { return state.doc ? 'doc' : state.watch ? 'watch' : state.view; }

const searches = loader();
const ledgers = loader();

async function runSearch(state, { quiet = false } = {}) {
  const p = apiParams(state);
  if (state.page > 1) p.set('page', String(state.page));
  // A quiet search leaves the results list unrendered: not remembered as shown.
  return searches.load('/api/search?' + p.toString(), (result) => renderResults(result, state, quiet), (err) => {
    setStatus('Search failed: ' + err.message);
    $('results').replaceChildren();
    $('pager').replaceChildren();
  }, { remember: !quiet });
}

// ---- claims view ---------------------------------------------------------------------------

const CLAIMS_LIMIT = 50;

function claimFigure(c) {
  if (c.vague) return c.number;
  const n = c.low === c.high ? c.low.toLocaleString('en') : c.low.toLocaleString('en') + '–' + c.high.toLocaleString('en');
  return (c.qualifier ? c.qualifier + ' ' : '') + n;
}

/// The value a claim is drawn at: its number, or its order of magnitude when vague.
function claimValue(c) { return c.vague ? Math.pow(10, c.magnitude) : Math.max(c.high, 1); }

function claimantName(c) { return c.claimant ? c.claimant.name : (c.outlet || 'the outlet') + ' (own report)'; }

/// One mark per claim on a logarithmic axis, so disagreement between claimants shows at once.
function claimsChart(incident) {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 320, H = 34, PAD = 8;
  const values = incident.claims.map(claimValue);
  const lo = Math.log10(Math.max(1, Math.min(...values)));
  let hi = Math.log10(Math.max(...values, 1));
  if (hi - lo < 1) hi = lo + 1;
  const x = (v) => PAD + (Math.log10(Math.max(1, v)) - lo) / (hi - lo) * (W - 2 * PAD);
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'claims-chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Claimed figures: ' + incident.claims.map((c) => claimantName(c) + ' ' + claimFigure(c)).join('; '));
  const axis = document.createElementNS(NS, 'line');
  for (const [k, v] of Object.entries({ x1: PAD, x2: W - PAD, y1: H / 2, y2: H / 2, class: 'axis' })) axis.setAttribute(k, v);
  svg.append(axis);
  incident.claims.forEach((c) => {
    const mark = document.createElementNS(NS, c.low !== c.high && !c.vague ? 'rect' : 'circle');
    if (mark.tagName === 'rect') {
      const x1 = x(c.low), x2 = x(c.high);
      for (const [k, v] of Object.entries({ x: x1, y: H / 2 - 4, width: Math.max(2, x2 - x1), height: 8, rx: 4 })) mark.setAttribute(k, v);
    } else {
      for (const [k, v] of Object.entries({ cx: x(claimValue(c)), cy: H / 2, r: 5 })) mark.setAttribute(k, v);
    }
    mark.setAttribute('class', 'mark' + (c.vague ? ' vague' : '') + (c.claimant ? '' : ' own'));
    const title = document.createElementNS(NS, 'title');
    title.textContent = claimantName(c) + ': ' + claimFigure(c);
    mark.append(title);
    svg.append(mark);
  });
  const label = (v, anchor, xpos) => {
    const t = document.createElementNS(NS, 'text');
    for (const [k, val] of Object.entries({ x: xpos, y: H - 1, 'text-anchor': anchor, class: 'tick' })) t.setAttribute(k, val);
    t.textContent = Math.round(v).toLocaleString('en');
    return t;
  };
  svg.append(label(Math.pow(10, lo), 'start', PAD), label(Math.pow(10, hi), 'end', W - PAD));
  return svg;
}

/// The sentence with the claimed number marked; text nodes only.
function claimSentence(c) {
  const p = el('p', { class: 'claim-sentence', dir: 'auto' });
  const bytes = new TextEncoder().encode(c.sentence || '');
  const dec = new TextDecoder();
  const begin = Math.min(c.number_begin || 0, bytes.length), end = Math.min(c.number_end || 0, bytes.length);
  p.append(dec.decode(bytes.slice(0, begin)), el('mark', { text: dec.decode(bytes.slice(begin, end)) }), dec.decode(bytes.slice(end)));
  return p;
}

function claimItem(c, state) {
  const open = (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    articleFromResults = true;
    navigate(Object.assign(readState(), { doc: c.article, hl: c.sentence }));
  };
  const link = el('a', { href: pageUrl(Object.assign({}, state, { doc: c.article, hl: c.sentence })), class: 'claim-open', on: { click: open } },
    claimSentence(c));
  const meta = [c.outlet || 'unknown outlet', c.event_date || formatDate(c.published),
    c.victims ? c.victims : null, c.update ? 'revised toll' : null].filter(Boolean).join(' · ');
  return el('li', { class: 'claim' },
    el('p', { class: 'claim-head' }, el('strong', { text: claimantName(c) }), ' — ', el('span', { class: 'figure', text: claimFigure(c) + ' ' + c.outcome })),
    el('p', { class: 'meta', text: meta }), link);
}

function incidentItem(incident, state) {
  const where = incident.place ? incident.place.name : 'Place not named';
  const who = incident.victims + (incident.group ? ' (' + incident.group.name + ')' : '');
  const when = incident.from === incident.to || !incident.to ? (incident.from || 'undated') : incident.from + ' to ' + incident.to;
  const range = incident.low == null ? 'no exact figure' :
    incident.low === incident.high ? incident.low.toLocaleString('en') : incident.low.toLocaleString('en') + '–' + incident.high.toLocaleString('en');
  const summary = `${incident.claimants} claimant${incident.claimants === 1 ? '' : 's'} · ${incident.outlets} outlet${incident.outlets === 1 ? '' : 's'} · ${incident.articles} report${incident.articles === 1 ? '' : 's'}`;
  const list = el('ul', { class: 'claims' }, ...incident.claims.map((c) => claimItem(c, state)));
  if (incident.claims_total > incident.claims.length) list.append(el('li', { class: 'meta', text: (incident.claims_total - incident.claims.length) + ' more claims' }));
  return el('li', { class: 'incident' },
    el('h3', { dir: 'auto', text: `${where}: ${incident.outcome}, ${who}` }),
    el('p', { class: 'meta', text: `${when} · claimed ${range} · ${summary}` }),
    claimsChart(incident), list);
}

function renderClaims(result, state) {
  const shown = result.incidents.length;
  setStatus(result.incidents_total === 0 ? 'No casualty claims in ' + result.total.toLocaleString('en') + ' matching reports' :
    `${result.incidents_total.toLocaleString('en')} incident${result.incidents_total === 1 ? '' : 's'}, ${result.claims.toLocaleString('en')} claims in ` +
    `${result.articles_with_claims.toLocaleString('en')} of ${result.total.toLocaleString('en')} reports` +
    (shown < result.incidents_total ? ` · newest ${shown} shown` : '') + ` (${Math.round(result.took_ms)} ms)`);
  const notices = (result.warnings || []).slice();
  if (result.truncated) notices.push('Only the newest ' + result.articles_with_claims.toLocaleString('en') + ' reports with claims were read: narrow the search for the rest.');
  const n = $('claims-notice');
  n.replaceChildren(...notices.map((t) => el('span', { text: t })));
  n.hidden = notices.length === 0;
  $('incidents').replaceChildren(...result.incidents.map((i) => incidentItem(i, state)));
}

async function runClaims(state) {
  const p = apiParams(state);
  p.delete('sort');
  p.set('limit', String(CLAIMS_LIMIT));
  return ledgers.load('/api/claims?' + p.toString(), (result) => renderClaims(result, state), (err) => {
    setStatus('Claims failed: ' + err.message);
    $('incidents').replaceChildren();
  });
}

// ---- article view --------------------------------------------------------------------------

function openDoc(id) {
  articleFromResults = true;
  navigate(Object.assign(readState(), { doc: id }));
}

/// The paragraph `text` as nodes, with the first occurrence of `sentence` marked.
function paragraphWith(text, sentence) {
  const at = sentence ? text.indexOf(sentence) : -1;
  if (at < 0) return el('p', { dir: 'auto', text });
  return el('p', { dir: 'auto' }, text.slice(0, at), el('mark', { class: 'claim-hl', text: sentence }), text.slice(at + sentence.length));
}

function renderArticle(article, state) {
  $('article-title').textContent = article.title || '(untitled)';
  const meta = $('article-meta');
  meta.replaceChildren(document.createTextNode([article.outlet || 'unknown outlet', formatDate(article.published),
    article.author ? 'by ' + article.author : '', article.added ? 'added ' + formatTime(article.added) : '']
    .filter(Boolean).join(' · ')));
  const href = article.url && safeHref(article.url);
  if (href) meta.append(' · ', el('a', { href, rel: 'noopener noreferrer', target: '_blank', text: 'original' }));
  const paragraphs = (article.text || '').split(/\n\s*\n/).filter((t) => t.trim());
  $('article-text').replaceChildren(...paragraphs.map((t) => paragraphWith(t, state.hl)));
  const claims = article.claims || [];
  $('article-claims-section').hidden = claims.length === 0;
  $('article-claims').replaceChildren(...claims.map((c) => el('li', {},
    el('strong', { text: claimantName(Object.assign({ outlet: article.outlet }, c)) }), ' — ' + claimFigure(c) + ' ' + c.outcome +
    (c.victims ? ' (' + c.victims + ')' : '') + (c.place ? ' · ' + c.place.name : '') + (c.event_date ? ' · ' + c.event_date : ''))));
  $('article-entities').replaceChildren(...(article.entities || []).map(entityChip));
  $('article-sources').replaceChildren(...(article.sources || []).map((s) =>
    el('li', {}, el('button', { type: 'button', class: 'chip', text: s.name,
      on: { click: () => toggleFilter('source', s.id || s.name, false) } }))));
}

async function showArticle(state) {
  $('article').hidden = false;
  $('results-view').hidden = true;
  const id = encodeURIComponent(state.doc);
  try {
    const article = await fetchJson('/api/doc/' + id);
    renderArticle(article, state);
    setStatus('Showing report: ' + (article.title || state.doc));
    const hl = document.querySelector('#article-text .claim-hl');
    if (hl) { hl.scrollIntoView({ block: 'center' }); } else { $('article-title').focus(); }
  } catch (err) {
    $('article-title').textContent = 'Report not available';
    $('article-text').replaceChildren(el('p', { text: err.message }));
    return;
  }
  try {
    const related = await fetchJson('/api/doc/' + id + '/related');
    $('related').replaceChildren(...related.hits.map((h) => el('li', {},
      el('a', { href: pageUrl(Object.assign({}, state, { doc: h.id })), text: h.title || '(untitled)',
        on: { click: (e) => { e.preventDefault(); openDoc(h.id); } } }),
      el('span', { class: 'meta', text: ' ' + [h.outlet, h.published].filter(Boolean).join(' · ') }))));
  } catch {
    $('related').replaceChildren(el('li', { text: 'No related reports available.' }));
  }
}

// ---- writes: the write token ---------------------------------------------------------------

const TOKEN_KEY = 'searchd-write-token';
let tokenQuestion = null;  // the prompt in progress, shared by concurrent writes

function storedToken() {
  try { return localStorage.getItem(TOKEN_KEY) || ''; } catch { return ''; }
}

function storeToken(token) {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token); else localStorage.removeItem(TOKEN_KEY);
  } catch { /* storage disabled: the token lasts for this request only */ }
}

/// Asks the user for the write token once, however many writes are waiting for it.
function askToken(refused) {
  if (!tokenQuestion) {
    tokenQuestion = Promise.resolve().then(() => {
      const answer = window.prompt(refused
        ? 'The saved write token was refused. Enter the write token of this server:'
        : 'This server wants a write token to change watches or run batches. Enter it:');
      return (answer || '').trim();
    }).finally(() => { tokenQuestion = null; });
  }
  return tokenQuestion;
}

/// A write (POST, DELETE) to the server. Same-origin fetch, so the browser sends the headers the
/// server's write guard checks; the stored token goes along as a Bearer token. A 401 means the
/// server wants a token: the user is asked for it, it is kept in localStorage and the request
/// is sent again (once).
async function writeFetch(url, options = {}) {
  const send = (token) => {
    const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(url, Object.assign({}, options, { headers, credentials: 'same-origin' }));
  };
  const stored = storedToken();
  const res = await send(stored);
  if (res.status !== 401) return res;
  const token = await askToken(Boolean(stored));
  if (!token) return res;
  const again = await send(token);
  storeToken(again.status === 401 ? '' : token);
  return again;
}

/// A JSON write; the answer's JSON, or an Error carrying the server's error text.
async function writeJson(url, method, body) {
  const options = { method };
  if (body !== undefined) {
    options.body = JSON.stringify(body);
    options.headers = { 'Content-Type': 'application/json' };
  }
  const res = await writeFetch(url, options);
  let answer = null;
  try { answer = await res.json(); } catch { answer = null; }
  if (!res.ok) throw new Error((answer && answer.error) || 'request failed (' + res.status + ')');
  return answer;
}

// ---- watches -------------------------------------------------------------------------------

let watchList = [];
let watchesLoaded = false;
let watchListLoads = 0;   // the newest GET /api/watches wins
let watchShows = 0;       // the newest opened watch wins

function watchUrl(id) { return '/?watch=' + encodeURIComponent(id); }

/// A watch's saved query string ("q=palmyra&outlet=Reuters") in words.
function describeQuery(query) {
  const parts = [];
  for (const [name, value] of new URLSearchParams(query)) {
    parts.push(name === 'q' ? '“' + value + '”' : name + ': ' + value);
  }
  return parts.length ? parts.join(' · ') : 'all reports';
}

/// The search a "Watch this search" saves: the API parameters of the state, without the order
/// and the page (a watch lists new matches newest first).
function watchQuery(state) {
  const p = apiParams(state);
  p.delete('sort');
  p.delete('page');
  return p.toString();
}

async function loadWatches() {
  const mine = ++watchListLoads;
  try {
    const answer = await fetchJson('/api/watches');
    if (mine !== watchListLoads) return;
    watchList = answer.watches || [];
    watchesLoaded = true;
    renderWatches();
  } catch (err) {
    if (mine !== watchListLoads) return;
    watchList = [];
    renderWatches(err.message);
  }
}

function renderWatches(problem) {
  const current = readState().watch;
  const message = problem ? problem.charAt(0).toUpperCase() + problem.slice(1) :
    watchList.length || !watchesLoaded ? '' : 'No watches yet. “Watch this search” keeps a search and counts the reports added to it.';
  $('watches-message').textContent = message;
  $('watches-message').hidden = !message;
  $('watch-list').replaceChildren(...watchList.map((w) => {
    const id = String(w.id);
    const fresh = Number(w.new) || 0;
    const props = { href: watchUrl(id), class: 'watch-open', title: describeQuery(w.query),
      on: { click: (e) => { if (e.ctrlKey || e.metaKey || e.shiftKey) return; e.preventDefault(); openWatch(id); } } };
    if (id === current) props['aria-current'] = 'page';
    const open = el('a', props, el('span', { class: 'watch-name', text: w.name }),
      el('span', { class: 'badge' + (fresh ? '' : ' zero') }, String(fresh), el('span', { class: 'visually-hidden', text: ' new' })));
    return el('li', { 'data-watch': id }, open,
      el('a', { href: '/watches/' + encodeURIComponent(id) + '.atom', class: 'feed', text: 'Feed',
        title: 'Atom feed of new matches', 'aria-label': 'Atom feed of ' + w.name }),
      el('button', { type: 'button', class: 'exclude delete', text: '×', title: 'Delete this watch',
        'aria-label': 'Delete watch ' + w.name, on: { click: () => deleteWatch(w) } }));
  }));
  const total = watchList.reduce((sum, w) => sum + (Number(w.new) || 0), 0);
  $('watches-total').textContent = String(total);
  $('watches-total').hidden = total === 0;
  $('watches-jump').setAttribute('aria-label', 'Watches' + (total ? ', ' + total + ' new' : ''));
}

/// Opens a watch; opening the one on show again asks for its news afresh.
function openWatch(id) {
  const url = watchUrl(id);
  if (url === location.pathname + location.search) {
    history.replaceState(null, '', url);
    return render();
  }
  const filters = {};
  for (const f of FILTER_FIELDS) filters[f] = [];
  navigate({ q: '', filters, from: '', to: '', sort: 'relevance', collapse: false, view: 'reports', watch: id });
}

async function deleteWatch(w) {
  if (!window.confirm('Delete the watch “' + w.name + '”?')) return;
  try {
    await writeJson('/api/watches/' + encodeURIComponent(w.id), 'DELETE');
  } catch (err) {
    $('watches-message').textContent = 'Could not delete “' + w.name + '”: ' + err.message;
    $('watches-message').hidden = false;
    return;
  }
  if (readState().watch === String(w.id)) navigate({});
  loadWatches();
}

function closeWatchForm() {
  $('watch-form').hidden = true;
  $('watch-this').setAttribute('aria-expanded', 'false');
}

function openWatchForm() {
  const state = readState();
  const p = apiParams(state);
  p.delete('sort');
  const first = [...p.values()][0] || 'All reports';
  $('watch-name').value = (state.q || first).slice(0, 100);
  $('watch-form-error').textContent = '';
  $('watch-saved').textContent = '';
  $('watch-form').hidden = false;
  $('watch-this').setAttribute('aria-expanded', 'true');
  $('watch-name').focus();
  $('watch-name').select();
}

async function saveWatch() {
  const name = $('watch-name').value.trim();
  if (!name) { $('watch-form-error').textContent = 'Give the watch a name.'; return $('watch-name').focus(); }
  const button = $('watch-form').querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const watch = await writeJson('/api/watches', 'POST', { name, query: watchQuery(readState()) });
    closeWatchForm();
    $('watch-saved').replaceChildren('Watching ', el('a', { href: watchUrl(String(watch.id)), text: '“' + watch.name + '”',
      on: { click: (e) => { if (e.ctrlKey || e.metaKey || e.shiftKey) return; e.preventDefault(); openWatch(String(watch.id)); } } }),
      ': new matches will be counted in the Watches list.');
    $('watch-this').focus();
    loadWatches();
  } catch (err) {
    $('watch-form-error').textContent = 'Not saved: ' + err.message;
    $('watch-name').focus();
  } finally {
    button.disabled = false;
  }
}

/// The `since` this history entry showed its watch's news from: kept (in history.state, not
/// the URL) so that back from an article or a reload shows the same list after it was marked seen.
function shownSince(state) {
  const h = history.state;
  return h && h.watch === state.watch && h.since ? h.since : '';
}

async function showWatch(state) {
  const mine = ++watchShows;
  const id = state.watch;
  const since = shownSince(state);
  const p = new URLSearchParams({ size: String(WATCH_PAGE) });
  if (since) p.set('since', since);
  document.body.classList.add('loading');
  let news;
  try {
    news = await fetchJson('/api/watches/' + encodeURIComponent(id) + '/new?' + p.toString());
  } catch (err) {
    if (mine !== watchShows) return;
    setStatus('Watch not available: ' + err.message);
    $('watch-title').textContent = 'Watch not available';
    for (const n of ['watch-query', 'watch-heading']) $(n).textContent = '';
    $('watch-results').replaceChildren();
    $('watch-notice').hidden = true;
    $('watch-more').hidden = true;
    return;
  } finally {
    document.body.classList.remove('loading');
  }
  if (mine !== watchShows) return;
  renderWatchNews(news, state);
  // Mark what was shown as seen: up to the index's newest run when the news was read ("seen"
  // of the answer), so what arrives later is new next time.
  const watch = news.watch || {};
  if (news.seen && news.seen !== watch.seen) {
    try {
      await writeJson('/api/watches/' + encodeURIComponent(id) + '/seen', 'POST', { seen: news.seen });
    } catch (err) {
      if (mine !== watchShows) return;
      $('watch-notice').replaceChildren(el('span', { text: 'Not marked as seen: ' + err.message }));
      $('watch-notice').hidden = false;
    }
  }
  if (mine !== watchShows || readState().watch !== id) return;
  if (news.since && !since) history.replaceState({ watch: id, since: news.since }, '', location.href);
  loadWatches();
}

function renderWatchNews(news, state) {
  const watch = news.watch || {};
  $('watch-title').textContent = watch.name || 'Watch';
  $('watch-query').textContent = 'Search: ' + describeQuery(watch.query || '');
  $('watch-full').href = '/?' + (watch.query || '');
  $('watch-feed').href = '/watches/' + encodeURIComponent(watch.id) + '.atom';
  const count = (news.total_exact === false ? 'About ' : '') + news.total.toLocaleString('en');
  const since = news.since ? ' since ' + formatTime(news.since) : ' since the watch was made';
  const heading = news.total === 0 ? 'Nothing new' + since : count + ' new' + since;
  $('watch-heading').textContent = heading;
  setStatus('Watch “' + (watch.name || '') + '”: ' + (news.total === 0 ? 'nothing new' : count + ' new'));
  const notices = (news.warnings || []).map((t) => el('span', { text: t }));
  $('watch-notice').replaceChildren(...notices);
  $('watch-notice').hidden = notices.length === 0;
  $('watch-results').replaceChildren(...news.hits.map((h) => hitItem(h, state, { showAdded: true })));
  const more = news.total - news.hits.length;
  $('watch-more').textContent = more > 0 ? 'The newest ' + news.hits.length + ' are shown; ' + more.toLocaleString('en') +
    ' more are in the full search.' : '';
  $('watch-more').hidden = more <= 0;
}

// ---- batch search --------------------------------------------------------------------------

const batch = { rows: [], controller: null, file: null };

/// The page's filters and dates, which apply to every line of a batch (the search text does not).
function batchParams(state) {
  const p = apiParams(state);
  for (const name of ['q', 'sort', 'collapse']) p.delete(name);
  return p;
}

function isCsvFile(file) { return /\.csv$/i.test(file.name) || file.type === 'text/csv'; }

/// The header names of a CSV text (for the column suggestions); quotes are stripped, no more.
function csvHeader(text) {
  const first = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] || '';
  return first.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1').replace(/""/g, '"')).filter(Boolean);
}

function clearBatchFile() {
  batch.file = null;
  $('batch-file').value = '';
  $('batch-file-info').hidden = true;
  $('batch-file-clear').hidden = true;
  $('batch-column-label').hidden = true;
  $('batch-column').required = false;
  $('batch-text').disabled = false;
}

async function chooseBatchFile() {
  const file = $('batch-file').files[0];
  if (!file) return clearBatchFile();
  let text;
  try {
    text = await file.text();
  } catch (err) {
    clearBatchFile();
    return setBatchStatus('Cannot read ' + file.name + ': ' + err.message);
  }
  if (!isCsvFile(file)) {  // plain text: its lines go into the box, where they can be edited
    clearBatchFile();
    $('batch-text').value = text;
    return setBatchStatus('Read ' + text.split(/\r?\n/).filter((l) => l.trim()).length + ' lines from ' + file.name + '.');
  }
  batch.file = { name: file.name, text };
  const header = csvHeader(text);
  $('batch-columns').replaceChildren(...header.map((h) => el('option', { value: h })));
  const guess = header.find((h) => /name/i.test(h));
  if (guess && !$('batch-column').value) $('batch-column').value = guess;
  $('batch-file-info').textContent = 'CSV file ' + file.name + ' is run instead of the box above' +
    (header.length ? ' (columns: ' + header.join(', ') + ').' : '.');
  $('batch-file-info').hidden = false;
  $('batch-file-clear').hidden = false;
  $('batch-column-label').hidden = false;
  $('batch-column').required = true;
  $('batch-text').disabled = true;
  setBatchStatus('');
}

function setBatchStatus(text) { $('batch-status').textContent = text; }

function batchSummary(done, stopped) {
  const rows = batch.rows;
  const errors = rows.filter((r) => r.error).length;
  const found = rows.filter((r) => !r.error && r.total > 0).length;
  return (stopped ? 'Stopped after ' : done ? '' : 'Running… ') + formatCount(rows.length) + ' line' +
    (rows.length === 1 ? '' : 's') + ' · ' + formatCount(found) + ' with matches' +
    (errors ? ' · ' + formatCount(errors) + ' with errors' : '');
}

function batchCell(text, cls) { return el('td', cls ? { class: cls, text } : { text }); }

function batchRowNode(row) {
  const tr = el('tr', { class: row.error ? 'error-row' : '' },
    batchCell(String(row.line), 'num'), el('td', { class: 'query', dir: 'auto', text: row.query || '' }));
  if (row.error) {
    tr.append(el('td', { colspan: '6', class: 'error', text: 'Error: ' + row.error }));
    return tr;
  }
  const e = row.entity;
  const entity = e ? el('td', { class: 'entity' }, el('span', { class: 'entity-name', dir: 'auto', text: e.name }),
    el('span', { class: 'meta', dir: 'auto', text: [e.type, e.spelling && e.spelling !== e.name ? 'as “' + e.spelling + '”' : '']
      .filter(Boolean).join(' · ') })) : batchCell('—', 'none');
  const outlets = (row.outlets || []).map((o) => o.value + ' (' + formatCount(o.count) + ')').join(', ');
  const link = typeof row.link === 'string' && row.link.startsWith('/?') ? row.link : null;
  const search = el('td', {}, link ? el('a', { href: link, text: 'Search', 'aria-label': 'Search for ' + row.query,
    on: { click: (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
      ev.preventDefault();
      history.pushState(null, '', link);
      render();
      window.scrollTo(0, 0);
    } } }) : null);
  tr.append(entity, batchCell(formatCount(Number(row.total || 0)), 'num'), batchCell(row.first || '—', 'date'),
    batchCell(row.last || '—', 'date'), batchCell(outlets || '—', 'outlets'), search);
  return tr;
}

/// Reads a JSON Lines body as it streams in, handing over the complete rows of each piece
/// received (all at once where streams are missing).
async function readJsonLines(res, onRows) {
  const parse = (lines) => lines.filter((l) => l.trim()).map((l) => JSON.parse(l));
  if (!res.body || !res.body.getReader) return onRows(parse((await res.text()).split('\n')));
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const end = buffer.lastIndexOf('\n');
    if (end < 0) continue;
    const lines = buffer.slice(0, end).split('\n');
    buffer = buffer.slice(end + 1);
    await onRows(parse(lines));
  }
  buffer += decoder.decode();
  if (buffer.trim()) await onRows(parse([buffer]));
}

async function runBatch() {
  const params = batchParams(readState());
  let body;
  let type;
  if (batch.file) {
    const column = $('batch-column').value.trim();
    if (!column) {
      setBatchStatus('Name the CSV column that holds the names (its header or its number).');
      return $('batch-column').focus();
    }
    params.set('column', column);
    body = batch.file.text;
    type = 'text/csv';
  } else {
    body = $('batch-text').value;
    type = 'text/plain';
    if (!body.trim()) {
      setBatchStatus('Paste names, one per line, or choose a file first.');
      return $('batch-text').focus();
    }
  }
  if (batch.controller) batch.controller.abort();
  const controller = new AbortController();
  batch.controller = controller;
  batch.rows = [];
  $('batch-rows').replaceChildren();
  $('batch-table').hidden = true;
  $('batch-download').disabled = true;
  $('batch-run').disabled = true;
  $('batch-stop').hidden = false;
  setBatchStatus('Running…');
  let done = false;
  try {
    const qs = params.toString();
    const res = await writeFetch('/api/batch' + (qs ? '?' + qs : ''), {
      method: 'POST', body, signal: controller.signal, headers: { 'Content-Type': type + '; charset=utf-8' } });
    if (!res.ok) {
      let answer = null;
      try { answer = await res.json(); } catch { answer = null; }
      throw new Error((answer && answer.error) || 'request failed (' + res.status + ')');
    }
    await readJsonLines(res, async (rows) => {
      if (batch.controller !== controller) throw new DOMException('a newer batch runs', 'AbortError');
      const fragment = document.createDocumentFragment();
      for (const row of rows) {
        batch.rows.push(row);
        fragment.append(batchRowNode(row));
      }
      $('batch-rows').append(fragment);
      $('batch-table').hidden = batch.rows.length === 0;
      setBatchStatus(batchSummary(false, false));
      await new Promise((resolve) => setTimeout(resolve));  // let the page draw and take a Stop
    });
    done = true;
    setBatchStatus(batchSummary(true, false));
  } catch (err) {
    if (batch.controller !== controller) return;  // a newer run took over
    setBatchStatus(err.name === 'AbortError' ? batchSummary(false, true) : 'Batch failed: ' + err.message +
      (batch.rows.length ? ' (' + batchSummary(false, false).replace('Running… ', '') + ' read)' : ''));
  } finally {
    if (batch.controller === controller) {
      batch.controller = null;
      $('batch-run').disabled = false;
      $('batch-stop').hidden = true;
      $('batch-download').disabled = batch.rows.length === 0;
    }
  }
  return done;
}

/// A CSV field: always quoted, quotes doubled, and a leading = + - @ (or tab, CR) defused with
/// a ' so that spreadsheets show it as text instead of running it as a formula.
function csvField(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return '"' + s.replace(/"/g, '""') + '"';
}

/// The batch rows as CSV, the columns of `corpus-search --batch --csv` plus the entity type.
function batchCsv(rows) {
  const header = ['line', 'query', 'error', 'entity_id', 'entity_name', 'entity_type', 'spelling', 'total', 'first',
    'last', 'outlets', 'link'];
  const records = rows.map((r) => {
    const e = r.entity || {};
    const outlets = (r.outlets || []).map((o) => o.value + ' (' + o.count + ')').join('; ');
    const link = typeof r.link === 'string' && r.link.startsWith('/?') ? location.origin + r.link : '';
    return [r.line, r.query, r.error || '', e.id, e.name, e.type, e.spelling, r.error ? '' : r.total,
      r.first, r.last, outlets, link];
  });
  return [header, ...records].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function downloadBatchCsv() {
  if (batch.rows.length === 0) return;
  const blob = new Blob(['\ufeff' + batchCsv(batch.rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: 'batch-' + new Date().toISOString().slice(0, 10) + '.csv', hidden: '' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// ---- wiring --------------------------------------------------------------------------------

function render() {
  const state = readState();
  syncControls(state);
  $('watch-saved').textContent = '';
  closeWatchForm();  // its name was suggested for the search that was on show
  renderWatches();  // marks the watch on show
  const mode = pageMode(state);
  $('article').hidden = mode !== 'doc';
  $('results-view').hidden = mode !== 'reports';
  $('claims-view').hidden = mode !== 'claims';
  $('batch-view').hidden = mode !== 'batch';
  $('watch-view').hidden = mode !== 'watch';
  $('back').textContent = state.watch ? '← Back to the watch' : '← Back to results';
  if (mode !== 'watch') watchShows += 1;  // an answer still on its way is not shown
  if (mode === 'doc') return showArticle(state);
  if (mode === 'watch') return showWatch(state);
  if (mode !== 'claims') ledgers.forget();
  if (mode === 'batch') {
    const filters = describeQuery(batchParams(state).toString());
    setStatus('Batch search on ' + (filters === 'all reports' ? 'all reports' : 'the reports with ' + filters));
    // The facets beside the batch count what its filters select: the search text does not apply.
    return runSearch(Object.assign({}, state, { q: '', page: 1 }), { quiet: true });
  }
  const claims = mode === 'claims';
  // The search runs in both views: it fills the facets and the timeline beside the ledger.
  const search = runSearch(state, { quiet: claims });
  return claims ? Promise.all([search, runClaims(state)]) : search;
}

/// Reads the field table and the sort orders from the server: the page has no lists of its own.
async function loadSchema() {
  const schema = await fetchJson('/api/schema');
  FILTER_FIELDS = schema.filters;
  PANELS = schema.fields.filter((f) => f.facet && f.panel);
  ENTITY_FIELDS = schema.entity_fields;
  $('sort').replaceChildren(...schema.sorts.map((s) => el('option', { value: s.name, text: s.label })));
}

async function init() {
  try {
    await loadSchema();
  } catch (err) {
    setStatus('Cannot load the search schema: ' + err.message);
    return;
  }
  // Searching from the batch view goes to the reports: a batch does not use the search text.
  const searchFor = (q) => Object.assign({ q }, readState().view === 'batch' ? { view: 'reports' } : {});
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typingTimer);
    navigate(searchFor($('q').value.trim()));
  });
  $('q').addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => navigate(searchFor($('q').value.trim()), { replace: true }), DEBOUNCE_MS);
  });
  $('date-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!$('from').checkValidity() || !$('to').checkValidity()) return $('date-form').reportValidity();
    navigate({ from: $('from').value.trim(), to: $('to').value.trim() });
  });
  $('sort').addEventListener('change', () => navigate({ sort: $('sort').value }));
  $('view-reports').addEventListener('click', () => navigate({ view: 'reports' }));
  $('view-claims').addEventListener('click', () => navigate({ view: 'claims' }));
  $('view-batch').addEventListener('click', () => navigate({ view: 'batch' }));
  $('collapse').addEventListener('change', () => navigate({ collapse: $('collapse').checked }));
  $('clear-filters').addEventListener('click', () => {
    const filters = {};
    for (const f of FILTER_FIELDS) filters[f] = [];
    navigate({ filters, from: '', to: '' });
  });
  $('back').addEventListener('click', () => {
    if (articleFromResults) history.back(); else navigate({ doc: '', watch: readState().watch });
    articleFromResults = false;
  });
  $('watch-this').addEventListener('click', () => ($('watch-form').hidden ? openWatchForm() : closeWatchForm()));
  $('watch-form').addEventListener('submit', (e) => { e.preventDefault(); saveWatch(); });
  $('watch-cancel').addEventListener('click', () => { closeWatchForm(); $('watch-this').focus(); });
  $('watch-form').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { closeWatchForm(); $('watch-this').focus(); }
  });
  $('watches-jump').addEventListener('click', () => {
    $('watches').scrollIntoView({ block: 'start' });
    $('watches-h').focus({ preventScroll: true });
    loadWatches();
  });
  $('batch-form').addEventListener('submit', (e) => { e.preventDefault(); runBatch(); });
  $('batch-stop').addEventListener('click', () => { if (batch.controller) batch.controller.abort(); });
  $('batch-file').addEventListener('change', chooseBatchFile);
  $('batch-file-clear').addEventListener('click', () => { clearBatchFile(); $('batch-file').focus(); });
  $('batch-download').addEventListener('click', downloadBatchCsv);
  // The counts of new matches change as the index grows: fresh ones when the page is looked at again.
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') loadWatches(); });
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && !['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)) {
      e.preventDefault();
      $('q').focus();
    }
  });
  window.addEventListener('popstate', render);
  render();
  loadWatches();
}

document.addEventListener('DOMContentLoaded', init);
