// The search page. State lives in the URL with the API's parameter names (plus `view` for the
// claims ledger, the batch search and the comparison, `doc` for the article view, `hl` for the
// sentence it highlights, `watch` for a watch's new matches, `entity_page` for an entity's page
// and `cq`, `interval`, `normalise` for the compared queries), so searches can be shared and
// back/forward work. Every text that comes from
// the index is inserted with textContent/createElement, never innerHTML; snippets (escaped
// server-side, containing only <mark>) are split on the literal mark tags.
'use strict';

// Filled from GET /api/schema (the server's field table) before the first render.
let FILTER_FIELDS = [];   // filter parameter names, kept in the URL
let PANELS = [];          // facet fields shown as panels: {name, label, rule}
let ENTITY_FIELDS = {};   // entity type ("person", ..., "other") -> filter field
let FIELDS = {};          // field name -> {name, label, rule, ...}
const DEBOUNCE_MS = 300;
const FACET_FILTER_MIN = 7;
const FACET_SIZE = 10;    // values a facet lists unless asked for more (the API's default facet_size)
const FACET_MORE = [100, 1000];  // values a panel lists after its first and second "More" (facet_size; 1000 is the API's most)

const VIEWS = ['reports', 'claims', 'batch', 'compare'];
const INTERVALS = ['auto', 'day', 'week', 'month', 'year'];
const MAX_COMPARE = 5;     // queries compared at once (the API's limit)
const WATCH_PAGE = 50;     // new matches shown when a watch is opened (the API allows 100)

const $ = (id) => document.getElementById(id);
let typingTimer = null;
let articleFromResults = false;  // the article view was pushed on top of a results page
let entityFromPage = false;      // the entity page was pushed on top of another page

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
    entityPage: (p.get('entity_page') || '').trim(),
    cq: p.getAll('cq').map((q) => q.trim()).filter(Boolean).slice(0, MAX_COMPARE),
    interval: INTERVALS.includes(p.get('interval')) ? p.get('interval') : 'auto',
    normalise: p.get('normalise') === 'true',
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
  if (state.view === 'compare') {  // the compared queries belong to the comparison only
    for (const q of state.cq || []) p.append('cq', q);
    if (state.interval && state.interval !== 'auto') p.set('interval', state.interval);
    if (state.normalise) p.set('normalise', 'true');
  }
  if (state.watch) p.set('watch', state.watch);
  if (state.entityPage) p.set('entity_page', state.entityPage);
  if (state.doc) p.set('doc', state.doc);
  if (state.doc && state.hl) p.set('hl', state.hl);
  const s = p.toString();
  return s ? '/?' + s : '/';
}

/// Shows the state `change` makes of the current one, in a new history entry (or in place of the
/// current one with `replace`). A search `typed` in the box gets an entry of its own, except that
/// one typed on from the search typed just before (letters added or taken away) takes its place,
/// so that Back returns to the previous search, not to every pause in the typing. The promise
/// settles once the page shows the new state.
function navigate(change, { replace = false, typed = false } = {}) {
  const before = readState();
  const state = Object.assign(readState(), { page: 1, doc: '', hl: '', watch: '' }, change);
  const url = pageUrl(state);
  if (url === location.pathname + location.search) return render();
  if (typed) {
    const h = history.state;
    replace = Boolean(h && h.typed) && Boolean(before.q) && Boolean(state.q) &&
      (state.q.startsWith(before.q) || before.q.startsWith(state.q));
  }
  const entry = typed ? { typed: true } : null;
  if (replace) history.replaceState(entry, '', url); else history.pushState(entry, '', url);
  return render();
}

/// Once `rendered` settles, brings the status line and the results into view when they are out
/// of it (after paging from the bottom of the list, or choosing a facet value in the sidebar,
/// which a phone shows below the results).
function revealResults(rendered) {
  return Promise.resolve(rendered).then(() => {
    const top = $('main').getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight / 3) $('main').scrollIntoView({ block: 'start' });
  });
}

function withFilters(mutate) {
  const state = readState();
  const filters = {};
  for (const f of FILTER_FIELDS) filters[f] = state.filters[f].slice();
  mutate(filters);
  return navigate({ filters });
}

/// Adds `value` (or `-value` when excluding) to `field`, or removes it when already present.
function toggleFilter(field, value, exclude) {
  return withFilters((filters) => {
    const wanted = exclude ? '-' + value : value;
    const list = filters[field].filter((v) => v !== value && v !== '-' + value);
    if (!filters[field].includes(wanted)) list.push(wanted);
    filters[field] = list;
  });
}

/// A copy of the filter lists of `state`.
function copyFilters(state) {
  const filters = {};
  for (const f of FILTER_FIELDS) filters[f] = (state.filters[f] || []).slice();
  return filters;
}

/// Adds `id` to `filters` so that it narrows them (values of one field are ORed): under the
/// first of `fields` the filters do not use yet (else the first). Nothing when already there.
function addAnded(filters, fields, id) {
  const known = fields.filter((f) => FILTER_FIELDS.includes(f));
  if (known.some((f) => filters[f].includes(id))) return filters;
  const field = known.find((f) => filters[f].length === 0) || known[0];
  if (field) filters[field] = filters[field].concat(id);
  return filters;
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

const CONTROLS = 'button, a[href]';

/// Makes the controls of the rows `rowSelector` inside `box` a single Tab stop with a roving
/// focus: Up/Down move to the row before/after, Left/Right along the row (with `flat`, every key
/// along all of them), Home/End to the first/last; Enter and Space activate (Space on a link
/// too). Hidden rows are skipped. Returns a function that puts the Tab stop on `target`, or
/// (without one) back on a shown control: the chosen value, else the first.
function rovingFocus(box, rowSelector, { flat = false } = {}) {
  const rows = () => [...box.querySelectorAll(rowSelector)].filter((r) => !r.hidden)
    .map((r) => (r.matches(CONTROLS) ? [r] : [...r.querySelectorAll(CONTROLS)]));
  const setStop = (target) => {
    for (const c of box.querySelectorAll(CONTROLS)) c.tabIndex = c === target ? 0 : -1;
  };
  const reset = (target) => {
    const shown = rows();
    if (target) return setStop(target);
    const current = box.querySelector(CONTROLS.split(', ').map((c) => c + '[tabindex="0"]').join(', '));
    if (current && shown.some((r) => r.includes(current))) return setStop(current);
    const chosen = shown.map((r) => r[0]).find((c) => c.getAttribute('aria-pressed') === 'true');
    setStop(chosen || (shown[0] && shown[0][0]) || null);
  };
  box.addEventListener('focusin', (e) => { if (e.target.matches(CONTROLS)) setStop(e.target); });
  box.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key === ' ' && e.target.matches('a[href]')) { e.preventDefault(); e.target.click(); return; }
    const shown = rows();
    const r = shown.findIndex((row) => row.includes(e.target));
    if (r < 0) return;
    const c = shown[r].indexOf(e.target);
    const all = shown.flat();
    const at = all.indexOf(e.target);
    const inRow = (row) => row && row[Math.min(c, row.length - 1)];
    const moves = flat
      ? { ArrowRight: all[at + 1], ArrowDown: all[at + 1], ArrowLeft: all[at - 1], ArrowUp: all[at - 1] }
      : { ArrowDown: inRow(shown[r + 1]), ArrowUp: inRow(shown[r - 1]), ArrowRight: shown[r][c + 1], ArrowLeft: shown[r][c - 1] };
    Object.assign(moves, { Home: all[0], End: flat ? all[all.length - 1] : shown[shown.length - 1][0] });
    if (!(e.key in moves)) return;
    e.preventDefault();
    const target = moves[e.key];
    if (target) target.focus();
  });
  reset();
  return reset;
}

function decodeEntities(s) {
  const map = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" };
  return s.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (m, name) => map[name]);
}

/// Builds the snippet from text nodes and <mark> elements, never parsing it as HTML.
function snippetNode(snippet) {
  // dir="auto": an Arabic snippet runs right to left inside the left-to-right page.
  const p = el('p', { class: 'snippet', dir: 'auto' });
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

/// A link to a state of the page (`change` over the current one, as navigate() makes it): a
/// real href for a new tab, navigated in the page on a plain click.
function stateLink(props, change, onOpen) {
  const target = Object.assign(readState(), { page: 1, doc: '', hl: '', watch: '' }, change);
  return el('a', Object.assign({}, props, { href: pageUrl(target), on: { click: (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button) return;
    e.preventDefault();
    if (onOpen) onOpen();
    navigate(change);
    window.scrollTo(0, 0);
  } } }));
}

/// The link ("i") to the entity page of `id` (any page; the search's filters and dates stay).
function entityPageLink(id, name, props = {}) {
  return stateLink(Object.assign({ class: 'page-link', text: 'i', title: 'Page of ' + name,
    'aria-label': 'Page of ' + name }, props), { entityPage: id }, () => { entityFromPage = true; });
}

function entityChip(entity) {
  const field = entityField(entity.type);
  rememberName(entity.id, entity.name);
  return el('li', { class: 'chip-item' }, el('button', {
    type: 'button', class: 'chip chip-' + field, text: entity.name, dir: 'auto',
    title: 'Filter by ' + field + ' ' + entity.name,
    on: { click: () => revealResults(toggleFilter(field, entity.id || entity.name, false)) },
  }), entityPageLink(entity.id || entity.name, entity.name, { class: 'page-link chip-page chip-' + field }));
}

function setStatus(text) { $('status').textContent = text; }

/// A warning of the server as the page words things. The server's warnings are meant to be read
/// and are shown as they come (a loose spelling's names the entity it matched), except "no
/// article mentions org 'x-nobodyknown'", which quotes the field and the value as the request
/// had them: a filter from a facet or a shared link carries the value's id ("x-" before an
/// unknown name), so the page names the panel and the value as the filter chips do. Text only.
function warningText(warning) {
  const m = /^(query \d+: )?no article mentions ([a-z_]+) '([\s\S]*)'$/.exec(String(warning));
  if (!m || !FIELDS[m[2]]) return String(warning);
  const value = m[3];
  const name = entityNames.get(value) || value.replace(/^x-/, '');
  return (m[1] || '') + 'No report mentions “' + name + '” (' + fieldLabel(m[2]) + ').';
}

function showNotice(lines) {
  const n = $('notice');
  n.replaceChildren(...lines.filter(Boolean).map((l) => (typeof l === 'string' ? el('span', { text: l }) : l)));
  n.hidden = n.childNodes.length === 0;
}

/// One kind of request the page keeps current (the search, the claims ledger): a newer request
/// aborts the one in flight, and a URL already shown is not fetched again: `again` gets its
/// answer instead (to say again what the view shows, as after Back from an article).
function loader() {
  let shown = null;
  let answer = null;
  let controller = null;
  return {
    forget() { shown = null; answer = null; },
    async load(url, render, fail, { remember = true, again = null } = {}) {
      if (url === shown) {
        if (controller) controller.abort();  // a request for another URL, no longer wanted
        controller = null;
        if (again) again(answer);
        return;
      }
      if (controller) controller.abort();
      controller = new AbortController();
      document.body.classList.add('loading');
      try {
        const result = await fetchJson(url, controller.signal);
        shown = remember ? url : null;
        answer = remember ? result : null;
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

const LANGUAGE_NAMES = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;
/// "ar" as "Arabic" (the code itself where the browser has no name for it).
function languageName(code) {
  if (!code) return '';
  try { return (LANGUAGE_NAMES && LANGUAGE_NAMES.of(code)) || code; } catch { return code; }
}

function hitItem(hit, state, { showAdded = false } = {}) {
  const link = el('a', { dir: 'auto', href: pageUrl(Object.assign({}, state, { doc: hit.id })), text: hit.title || '(untitled)',
    on: { click: (e) => { if (e.ctrlKey || e.metaKey || e.shiftKey) return; e.preventDefault(); openDoc(hit.id); } } });
  const meta = el('p', { class: 'meta', text: [hit.outlet || 'unknown outlet', formatDate(hit.published), languageName(hit.lang),
    (showAdded || state.sort === 'added') && hit.added ? 'added ' + formatTime(hit.added) : ''].filter(Boolean).join(' · ') });
  if (hit.duplicates > 0) meta.append(el('span', { class: 'dups', text: ' · ' + hit.duplicates + ' similar' }));
  return el('li', { class: 'hit' }, el('h3', {}, link), meta, snippetNode(hit.snippet || ''), hitChips(hit.entities || []));
}

const TYPED_ENTITIES = ['person', 'org', 'place'];
const HIT_CHIPS = 12;  // typed entities shown at once in a hit

/// A hit's entity chips: people, organisations and places first (up to HIT_CHIPS), the rest
/// (names of type "other", which are often noise) behind a "+N more" button that shows them.
function hitChips(entities) {
  const typed = TYPED_ENTITIES.flatMap((t) => entities.filter((e) => e.type === t));
  const rest = typed.slice(HIT_CHIPS).concat(entities.filter((e) => !TYPED_ENTITIES.includes(e.type)));
  const chips = el('ul', { class: 'chips' }, ...typed.slice(0, HIT_CHIPS).map(entityChip));
  if (rest.length) {
    const item = el('li', { class: 'chip-item' });
    item.append(el('button', { type: 'button', class: 'chip more-chips', text: '+' + rest.length + ' more',
      title: rest.map((e) => e.name).join(', '), 'aria-label': 'Show ' + rest.length + ' more names',
      on: { click: () => {
        const shown = rest.map(entityChip);
        item.replaceWith(...shown);
        shown[0].querySelector('button').focus();
      } } }));
    chips.append(item);
  }
  return chips;
}

function renderPager(result, state) {
  const pages = Math.max(1, Math.ceil(result.total / result.page_size));
  const nav = $('pager');
  nav.replaceChildren();
  if (pages <= 1) return;
  const go = (page) => revealResults(navigate(Object.assign({}, state, { page, doc: '' })))
    .then(() => $('results').focus({ preventScroll: true }));
  nav.append(
    el('button', { type: 'button', text: '← Previous', on: { click: () => go(state.page - 1) } }),
    el('span', { text: 'Page ' + state.page + ' of ' + pages }),
    el('button', { type: 'button', text: 'Next →', on: { click: () => go(state.page + 1) } }));
  nav.firstChild.disabled = state.page <= 1;
  nav.lastChild.disabled = state.page >= pages;
}

// ---- display names of filter values --------------------------------------------------------

/// Entity filter values (ids as the facets show them, or any spelling) -> their names, from the
/// facets, hits and pages loaded; null for a value the index does not know.
const entityNames = new Map();
const namesAsked = new Set();  // values whose GET /api/entity is under way or done

function isEntityField(field) { return Boolean(FIELDS[field] && FIELDS[field].rule === 'entity'); }

function rememberName(id, name) { if (id && name) entityNames.set(id, name); }

/// An unknown value as the user may know it: without the "x-" the index puts before the ids of
/// names not in the gazetteer.
function unknownLabel(value) { return '“' + value.replace(/^x-/, '') + '” (not found)'; }

/// The name of filter value `value` of `field`: the entity's name, the language's name, else the
/// value itself. An entity value not seen yet is shown as it is; with `ask` (once the search's
/// facets and hits, which name most values, are in) its name is asked for.
function filterValueName(field, value, ask) {
  if (field === 'lang') return languageName(value);
  if (!isEntityField(field)) return value;
  const name = entityNames.get(value);
  if (name === null) return unknownLabel(value);
  if (name) return name;
  if (ask && !namesAsked.has(value)) {
    namesAsked.add(value);
    fetchJson('/api/entity/' + encodeURIComponent(value)).then((profile) => {
      rememberName(value, profile.name);
      rememberName(profile.id, profile.name);
    }, () => entityNames.set(value, null)).then(namesArrived);
  }
  return value.replace(/^x-/, '');
}

/// Shows the names that arrived where values were shown as they are: the filter chips and the
/// searches described in words.
function namesArrived() {
  renderActiveFilters(readState(), { ask: true });
  refreshDescriptions();
}

function fieldLabel(field) { return (FIELDS[field] && FIELDS[field].label) || field; }

/// Filter value `v` of `field` ("-value" excludes) as its chip reads: {exclude, label}, the label
/// "Organisations: Islamic State" (the panel's label and the value's name).
function filterLabel(field, v, ask) {
  const exclude = v.startsWith('-');
  const value = exclude ? v.slice(1) : v;
  return { exclude, label: fieldLabel(field) + ': ' + filterValueName(field, value, ask) };
}

/// The chip text of a date range.
function dateLabel(from, to) { return 'Date: ' + (from || '…') + ' – ' + (to || '…'); }

/// A search's API parameters ("q=palmyra&org=islamic-state&outlet=-RT") in words, as the filter
/// chips put them: "“palmyra” · Organisations: Islamic State · not Outlet: RT". With `ask`, the
/// names of entity values not seen yet are asked for (describeInto shows them when they come).
function describeQuery(query, ask = false) {
  const p = new URLSearchParams(query);
  const parts = [];
  const told = new Set(['q', 'from', 'to', 'collapse', 'added_after', ...FILTER_FIELDS]);
  if (p.get('q')) parts.push('“' + p.get('q') + '”');
  for (const f of FILTER_FIELDS) {
    for (const v of p.getAll(f)) {
      const { exclude, label } = filterLabel(f, v, ask);
      parts.push((exclude ? 'not ' : '') + label);
    }
  }
  if (p.get('from') || p.get('to')) parts.push(dateLabel(p.get('from'), p.get('to')));
  if (p.get('added_after')) parts.push('Added after: ' + p.get('added_after'));
  if (p.get('collapse') === 'true') parts.push('duplicates folded');
  for (const [name, value] of p) if (!told.has(name)) parts.push(name + ': ' + value);
  return parts.length ? parts.join(' · ') : 'all reports';
}

/// Shows `query` in words in `node` (its text, or its attribute `attr`), again whenever names
/// arrive; `ask` asks for the names not seen yet at once (else they come with the facets).
function describeInto(node, query, { attr = '', ask = false } = {}) {
  node.dataset.query = query;
  if (attr) node.dataset.queryAttr = attr;
  const words = describeQuery(query, ask);
  if (attr) node.setAttribute(attr, words); else node.textContent = words;
  return node;
}

/// Describes again every search shown in words (names may have arrived since).
function refreshDescriptions() {
  for (const node of document.querySelectorAll('[data-query]')) {
    const words = describeQuery(node.dataset.query);
    if (node.dataset.queryAttr) node.setAttribute(node.dataset.queryAttr, words); else node.textContent = words;
  }
}

function renderActiveFilters(state, { ask = false } = {}) {
  const focused = [...$('active-list').querySelectorAll('button')].indexOf(document.activeElement);
  const items = [];
  for (const f of FILTER_FIELDS) {
    for (const v of state.filters[f]) {
      const { exclude, label } = filterLabel(f, v, ask);
      items.push(el('li', {}, el('button', {
        type: 'button', class: 'chip active-chip' + (exclude ? ' excluded' : ''), dir: 'auto',
        title: (exclude ? 'Excluded: ' : 'Filter: ') + label, 'aria-label': 'Remove filter ' + (exclude ? 'not ' : '') + label,
        on: { click: () => withFilters((fl) => { fl[f] = fl[f].filter((x) => x !== v); }) } },
      exclude ? el('span', { class: 'chip-not', text: 'not' }) : null, exclude ? ' ' : null, label,
      el('span', { class: 'chip-x', 'aria-hidden': 'true', text: ' ×' }))));
    }
  }
  if (state.from || state.to) {
    items.push(el('li', {}, el('button', { type: 'button', class: 'chip active-chip', text: dateLabel(state.from, state.to) + ' ×',
      'aria-label': 'Remove date range', on: { click: () => navigate(Object.assign({}, state, { from: '', to: '' })) } })));
  }
  $('active-list').replaceChildren(...items);
  $('active').hidden = items.length === 0;
  if (focused >= 0) {  // a chip removed or redrawn: the focus goes to the next one, else the results
    const buttons = $('active-list').querySelectorAll('button');
    if (buttons.length) buttons[Math.min(focused, buttons.length - 1)].focus(); else $('results').focus({ preventScroll: true });
  }
}

function facetEntry(name, fv, state, isYear, isEntity) {
  const value = fv.id || fv.value;
  const selected = isYear ? state.from === value && state.to === value : state.filters[name].includes(value);
  const excluded = !isYear && state.filters[name].includes('-' + value);
  const toggle = isYear
    ? () => revealResults(navigate(Object.assign({}, state, selected ? { from: '', to: '' } : { from: value, to: value })))
    : () => revealResults(toggleFilter(name, value, false));
  // A value the index does not know (chosen in the URL) comes back with its id for a name and
  // no reports: said in words, not as "x-name 0".
  const unknown = isEntity && fv.count === 0 && fv.value === value;
  if (isEntity && !unknown) rememberName(value, fv.value);
  const shown = name === 'lang' ? languageName(fv.value) : unknown ? '“' + value.replace(/^x-/, '') + '”' : fv.value;
  const main = el('button', { type: 'button', class: 'facet-value' + (selected ? ' selected' : '') + (excluded ? ' excluded' : '') +
    (unknown ? ' unknown' : ''), 'aria-pressed': String(selected), on: { click: toggle } },
    el('span', { class: 'facet-name', dir: 'auto', text: shown }),
    el('span', { class: 'count', text: unknown ? 'not found' : String(fv.count) }));
  // The filter box matches the name shown and the value itself ("English" and "en").
  const li = el('li', { 'data-name': (shown + (shown === fv.value ? '' : '\n' + fv.value)).toLowerCase(), 'data-value': value }, main);
  if (isEntity && !unknown) li.append(entityPageLink(value, fv.value, { class: 'page-link facet-page' }));
  if (!isYear) {
    li.append(el('button', { type: 'button', class: 'exclude' + (excluded ? ' selected' : ''), text: '−',
      title: 'Exclude ' + fv.value, 'aria-label': 'Exclude ' + fv.value, 'aria-pressed': String(excluded),
      on: { click: () => revealResults(toggleFilter(name, value, true)) } }));
  }
  return li;
}

// (facet-more marks both buttons under a list, More and Fewer; facet-fewer the latter.)
const FACET_CONTROLS = ['facet-value', 'facet-page', 'exclude', 'facet-filter', 'facet-fewer', 'facet-more'];

/// Where the focus is in the facet panels: {facet, value, kind, filter} (null when elsewhere).
function facetFocus() {
  const a = document.activeElement;
  const section = a && a.closest ? a.closest('#facets [data-facet]') : null;
  if (!section) return null;
  const li = a.closest('li');
  const box = section.querySelector('.facet-filter');
  return { facet: section.dataset.facet, value: li ? li.dataset.value : null,
    kind: FACET_CONTROLS.find((k) => a.classList.contains(k)), filter: box ? box.value : '' };
}

/// Puts the focus back where `focus` (from facetFocus) was, in the panels drawn anew: the same
/// control of the same value, else the list's Tab stop, else the results.
function restoreFacetFocus(focus, stops) {
  if (!focus) return;
  const section = [...$('facets').querySelectorAll('[data-facet]')].find((n) => n.dataset.facet === focus.facet);
  const box = section && section.querySelector('.facet-filter');
  if (box && focus.filter) {  // the values the box let through, as before
    box.value = focus.filter;
    box.dispatchEvent(new Event('input'));
  }
  if (box && focus.kind === 'facet-filter') return box.focus();
  if (focus.kind === 'facet-more' || focus.kind === 'facet-fewer') {  // the same button, else the other one
    const button = section && (section.querySelector(focus.kind === 'facet-fewer' ? '.facet-fewer' : '.facet-more:not(.facet-fewer)') ||
      section.querySelector('.facet-more'));
    if (button) return button.focus();
  }
  const li = section && [...section.querySelectorAll('.facet-list li')].find((n) => !n.hidden && n.dataset.value === focus.value);
  const target = li && li.querySelector('.' + focus.kind);
  if (target) {
    stops.get(focus.facet)(target);
    return target.focus();
  }
  const stop = section && section.querySelector('.facet-list [tabindex="0"]');
  if (stop) return stop.focus();
  $('results').focus({ preventScroll: true });
}

// ---- facet "More" --------------------------------------------------------------------------

/// The panels whose "More" was pressed and the values each lists (one of FACET_MORE), for the
/// search `key` they belong to: a new search (other words, filters or dates) lists the top
/// FACET_SIZE values again. Not kept in the URL.
const facetMore = { key: '', sizes: new Map() };
let facetsShown = null;  // the search whose facets the sidebar shows: {result, state, quiet, size: its facet_size}

/// What makes a search another one for the facets: its API parameters but the order.
function facetKey(state) {
  const p = apiParams(state);
  p.delete('sort');
  return p.toString();
}

/// The panels listing more values for the search of `state`: panel -> values it lists (a new
/// search empties the map).
function morePanels(state) {
  const key = facetKey(state);
  if (facetMore.key !== key) {
    facetMore.key = key;
    facetMore.sizes = new Map();
  }
  return facetMore.sizes;
}

/// The facet_size the search of `state` asks for: the most any panel lists (none: the default).
function facetSizeAsked(state) {
  const sizes = morePanels(state);
  return sizes.size ? Math.max(...sizes.values()) : 0;
}

/// The values a panel lists after the next "More" when it lists `size` now (none past the API's most).
function nextFacetSize(size) { return FACET_MORE.find((n) => n > size); }

/// True when the panel of `rule` lists every value anyway (every year and month is listed).
function listsAll(rule) { return rule === 'year' || rule === 'month'; }

/// "More" of panel `name`: it lists the next of FACET_MORE values (100, then 1000): the search on
/// show again, asking that many values of each facet (one answer serves every panel expanded;
/// none when the answer on show has them already), then the focus on the first value it added.
async function showMoreValues(name) {
  if (!facetsShown) return;
  const { result, state, quiet, size } = facetsShown;
  const next = nextFacetSize(morePanels(state).get(name) || FACET_SIZE);
  if (!next) return;
  const before = new Set(facetValues(name).map((li) => li.dataset.value));
  morePanels(state).set(name, next);
  if (size >= next) renderFacets(result, state);  // the answer on show has the longer lists already
  else await runSearch(state, { quiet, fresh: true });
  if (!facetsShown || facetsShown.state !== state || morePanels(state).get(name) !== next) return;  // another search took over
  // The first value added that the panel's filter box lets through (else the focus stays on "Fewer").
  const added = facetValues(name).find((li) => !li.hidden && !before.has(li.dataset.value));
  const target = added && added.querySelector('.facet-value');
  if (target) target.focus();
}

/// "Fewer": the panel lists its top FACET_SIZE values again (from the answer on show; the focus
/// stays on the button, now "More").
function showFewerValues(name) {
  if (!facetsShown) return;
  morePanels(facetsShown.state).delete(name);
  renderFacets(facetsShown.result, facetsShown.state);
}

/// The value rows of panel `name` as drawn.
function facetValues(name) {
  const section = [...$('facets').querySelectorAll('[data-facet]')].find((n) => n.dataset.facet === name);
  return section ? [...section.querySelectorAll('.facet-list li')] : [];
}

/// The values panel `name` shows of the answer's `values`: all of them when every period is
/// listed, else the chosen ones and the top `size` others, which is what an answer with that
/// facet_size lists (the API keeps the same order; the answer may list more for another panel).
function panelValues(name, values, state, size, rule) {
  if (listsAll(rule)) return values;
  const chosen = new Set(state.filters[name] || []);
  let others = 0;
  return values.filter((fv) => {
    const value = fv.id || fv.value;
    if (chosen.has(value) || chosen.has('-' + value)) return true;
    others += 1;
    return others <= size;
  });
}

function renderFacets(result, state) {
  const focus = facetFocus();
  const stops = new Map();  // facet -> the function that moves its list's Tab stop
  const sections = [];
  const more = morePanels(state);
  for (const { name, label, rule } of PANELS) {
    const size = more.get(name) || FACET_SIZE;  // the values listed (but the chosen ones)
    const expanded = size > FACET_SIZE && !listsAll(rule);
    const values = panelValues(name, (result.facets && result.facets[name]) || [], state, size, rule);
    if (values.length === 0) continue;
    // A year is chosen as a date range (from/to), like a timeline bar.
    const isYear = rule === 'year';
    const list = el('ul', { class: 'facet-list', 'aria-label': label + ' (arrow keys move between values)' },
      ...values.map((fv) => facetEntry(name, fv, state, isYear, rule === 'entity')));
    const stop = rovingFocus(list, 'li');
    stops.set(name, stop);
    const section = el('section', { class: 'facet', 'aria-label': label, 'data-facet': name },
      el('h2', { text: label }));
    // The answer lists the top values only (and the chosen ones): as many others as were asked
    // for means that there may be more.
    const chosen = new Set(state.filters[name] || []);
    const others = values.filter((fv) => !chosen.has(fv.id || fv.value) && !chosen.has('-' + (fv.id || fv.value))).length;
    const partial = !listsAll(rule) && others >= size;
    const next = partial ? nextFacetSize(size) : undefined;  // what a "More" would list
    if (values.length >= FACET_FILTER_MIN) {
      const box = el('input', { type: 'search', class: 'facet-filter', placeholder: 'Filter…',
        'aria-label': 'Filter ' + label + ' values' });
      // The API lists the top values only: say so when none of those matches.
      const none = el('p', { class: 'meta facet-none', hidden: '' });
      box.addEventListener('input', () => {
        const needle = box.value.trim().toLowerCase();
        let matches = 0;
        for (const li of list.children) {
          li.hidden = !li.dataset.name.includes(needle);
          if (!li.hidden) matches += 1;
        }
        stop();  // the list's Tab stop on a value still shown
        none.textContent = 'None of the ' + values.length + ' ' + label.toLowerCase() + ' shown' +
          (partial ? ' (the most frequent)' : '') + ' matches “' + box.value.trim() + '”.' +
          (next ? ' “More” lists up to ' + next + '.' : '');
        none.hidden = matches > 0;
      });
      section.append(box, none);
    }
    section.append(list);
    // "More" while the API may list more (100, then 1000), "Fewer" back to the top 10; at the
    // API's most, a line says how many are listed.
    if (next) {
      section.append(el('button', { type: 'button', class: 'link facet-more', text: 'More',
        'aria-label': 'Show more ' + label + ' (up to ' + next + ')', on: { click: () => showMoreValues(name) } }));
    }
    if (expanded) {
      section.append(el('button', { type: 'button', class: 'link facet-more facet-fewer', text: 'Fewer',
        'aria-label': 'Show the top ' + FACET_SIZE + ' ' + label + ' only', on: { click: () => showFewerValues(name) } }));
      if (partial && !next) section.append(el('p', { class: 'meta facet-most', text: 'The top ' + size + ' are listed.' }));
    }
    sections.push(section);
  }
  if (!result.facets_exact && sections.length) sections.push(el('p', { class: 'meta', text: 'Facet counts are approximate.' }));
  $('facets').replaceChildren(...sections);
  restoreFacetFocus(focus, stops);
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

// ---- timeline ------------------------------------------------------------------------------

/// The timeline of a search without its dates, by that search's parameters: the overview the
/// dates are chosen in, which the timeline keeps showing once they are. Kept from the last answer
/// without dates (choosing a month from it costs no request), else asked for once.
const overview = { key: null, timeline: null };
let overviewAsk = null;  // {key, answer}: the overview under way
let timelineDraws = 0;   // the newest drawing wins (an overview may arrive after a newer search)

/// The API parameters of the search of `state` without its dates.
function overviewKey(state) { return apiParams(Object.assign({}, state, { from: '', to: '' })).toString(); }

/// Draws the timeline of a search. Without dates it is the answer's own; with dates it is the
/// overview of the search without them (one request more when not at hand, the answer the page
/// had before the dates were chosen, so often from the server's cache), the chosen months
/// highlighted. `overview` false (a search not on show) asks for nothing.
function renderTimeline(result, state, { overview: wanted = true } = {}) {
  const mine = ++timelineDraws;
  const key = overviewKey(state);
  if (!state.from && !state.to) {
    Object.assign(overview, { key, timeline: result.timeline });
    return drawTimeline(result.timeline, state, key);
  }
  if (overview.key === key) return drawTimeline(overview.timeline, state, key);
  if (!wanted) return drawTimeline(result.timeline, state, '');
  if ($('timeline').dataset.key !== key) $('timeline-section').hidden = true;  // not another search's
  if (!overviewAsk || overviewAsk.key !== key) overviewAsk = { key, answer: fetchJson('/api/search?' + key) };
  const ask = overviewAsk;
  ask.answer.then((answer) => {
    Object.assign(overview, { key, timeline: answer.timeline });
    if (mine === timelineDraws) drawTimeline(answer.timeline, state, key);
  }, () => {
    if (overviewAsk === ask) overviewAsk = null;  // asked again next time
    if (mine === timelineDraws) drawTimeline(result.timeline, state, '');  // the dates' own months
  });
}

/// Puts the bars of `timeline` in the results view (`key`: the search they are the overview of).
function drawTimeline(timeline, state, key) {
  const a = document.activeElement;
  const focused = a && a.matches('#timeline .bar') ? a.dataset.period : null;
  const nodes = timelineNodes(timeline, state, 'matches');
  $('timeline-section').hidden = nodes.length === 0;
  $('timeline').replaceChildren(...nodes);
  $('timeline').dataset.key = key;
  if (focused) {  // the focus stays on the month (after Enter on its bar), else on the timeline
    const bars = [...$('timeline').querySelectorAll('.bar')];
    const bar = bars.find((b) => b.dataset.period === focused) || $('timeline').querySelector('.bar[tabindex="0"]');
    if (bar) { bar.tabIndex = 0; bars.forEach((b) => { if (b !== bar) b.tabIndex = -1; }); bar.focus(); }
    else $('results').focus({ preventScroll: true });
  }
}

const SHORT_MONTHS = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });
function shortMonth(period) {
  const [y, m] = period.split('-').map(Number);
  return SHORT_MONTHS.format(new Date(Date.UTC(y, m - 1, 1)));
}

/// The labels under the bars of `periods` (months) drawn `width` pixels wide, at sensible
/// intervals: a label per year, or per 2, 5, 10... years when they would crowd; per month (or
/// 2, 3, 6 months) when the range is two years or less. [{index, text}] with room for each
/// label, none running off the right end.
function timelineTicks(periods, width) {
  const n = periods.length;
  const byYear = n > 24;
  const labelPx = byYear ? 40 : 64;
  const room = Math.max(1, Math.floor(width / labelPx));
  const months = periods.map((p, index) => {
    const [y, m] = p.split('-').map(Number);
    return { index, y, m };
  });
  let ticks;
  if (byYear) {
    const years = months[n - 1].y - months[0].y + 1;
    const step = [1, 2, 5, 10, 20, 50, 100].find((k) => years / k <= room) || 100;
    ticks = months.filter(({ y, m, index }) => y % step === 0 && (m === 1 || index === 0))
      .map(({ index, y, m }) => ({ index, text: String(y), aligned: m === 1 }));
  } else {
    const step = [1, 2, 3, 6, 12].find((k) => n / k <= room) || 12;
    ticks = months.filter(({ m, index }) => (m - 1) % step === 0 || index === 0)
      .map(({ index, y, m }) => ({ index, text: shortMonth(periods[index]) + (m === 1 || index === 0 ? ' ' + y : ''),
        aligned: (m - 1) % step === 0 }));
  }
  const gap = (labelPx / width) * n;  // a label's width, in bars
  const kept = [];
  for (const t of ticks) {
    if (t.index > n - gap) continue;  // would run off the right end
    const last = kept[kept.length - 1];
    if (last && t.index - last.index < gap) {
      if (last.aligned || !t.aligned) continue;
      kept.pop();  // the first month's label gives way to a year's (or a step's) own
    }
    kept.push(t);
  }
  return kept;
}

/// The month bars of `timeline` ([{period, count}]) over a count scale (its top and middle),
/// labelled by year or month, with a line that reads out the count of the bar pointed at or
/// focused (the title of a bar only shows after a while, and never to a keyboard). A bar narrows
/// the page on show to its month (again: no longer); when the bars reach beyond the page's
/// dates, the months within them are highlighted. No nodes when no month is known.
function timelineNodes(timeline, state, what) {
  const buckets = (timeline || []).filter((b) => /^\d{4}-\d{2}$/.test(b.period));
  if (buckets.length === 0) return [];
  const counts = new Map(buckets.map((b) => [b.period, b.count]));
  const periods = monthsBetween(buckets[0].period, buckets[buckets.length - 1].period);
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const within = (period) => (!state.from || dayOf(period, true) >= dayOf(state.from, false)) &&
    (!state.to || dayOf(period, false) <= dayOf(state.to, true));
  const ranged = Boolean(state.from || state.to) && !periods.every(within);
  const one = { matches: 'match', reports: 'report' }[what] || what;
  const counted = (c) => formatCount(c) + ' ' + (c === 1 ? one : what);
  const bars = periods.map((period) => {
    const count = counts.get(period) || 0;
    const selected = state.from === period && state.to === period;
    const inRange = ranged && within(period);
    const bar = el('span', { class: 'bar-fill' });
    bar.style.height = Math.max(count ? 4 : 0, Math.round((100 * count) / max)) + '%';
    return el('button', { type: 'button', class: 'bar' + (selected ? ' selected' : '') + (inRange ? ' in-range' : ''),
      'data-period': period, 'data-count': String(count),
      'aria-label': period + ': ' + count + ' ' + what + (selected ? ' (selected)' : inRange ? ' (within the dates chosen)' : ''),
      'aria-pressed': String(selected),
      on: { click: () => navigate(Object.assign({}, state, selected ? { from: '', to: '' } : { from: period, to: period })) } }, bar);
  });
  // The scale: the highest count at the top, a whole count near half of it on the middle line
  // (a half count such as 47.5 would be wider than the top label, and cut off).
  const mid = Math.round(max / 2);
  const midTop = (100 - (100 * mid) / max) + '%';
  const midGrid = max >= 2 ? el('span', { class: 'timeline-grid grid-mid' }) : null;
  const midLabel = max >= 2 ? el('span', { class: 'y-mid', text: formatCount(mid) }) : null;
  if (midGrid) midGrid.style.top = midTop;
  if (midLabel) midLabel.style.top = midTop;
  const box = el('div', { class: 'bars' + (ranged ? ' ranged' : ''), role: 'group', 'aria-label': 'Months (arrow keys move between them)' },
    el('span', { class: 'timeline-grid grid-top' }), midGrid, ...bars);
  rovingFocus(box, '.bar', { flat: true });
  const scale = el('div', { class: 'timeline-y', 'aria-hidden': 'true' }, el('span', { class: 'y-top', text: formatCount(max) }),
    midLabel, el('span', { class: 'y-zero', text: '0' }));
  const width = Math.max(periods.length * 3, (($('main').clientWidth || 640) - 40));
  const axis = el('div', { class: 'timeline-x', 'aria-hidden': 'true' }, ...timelineTicks(periods, width).map((t) => {
    const label = el('span', { text: t.text });
    label.style.left = ((100 * t.index) / periods.length) + '%';
    return label;
  }));
  const plot = el('div', { class: 'timeline-plot' }, box, axis);
  plot.style.minWidth = periods.length * 3 + 'px';  // a bar of 2px at least and its gap: more scroll inside
  // The read-out: the month pointed at or focused, else the one chosen, else the span shown.
  const chosen = periods.find((p) => state.from === p && state.to === p);
  const rest = chosen ? monthName(chosen) + ' (chosen): ' + counted(counts.get(chosen) || 0)
    : monthName(periods[0]) + ' – ' + monthName(periods[periods.length - 1]) + ' · at most ' + counted(max) + ' a month' +
      (ranged ? ' · highlighted: ' + dateLabel(state.from, state.to).replace(/^Date: /, '') : '');
  const readout = el('p', { class: 'timeline-readout', 'aria-hidden': 'true', text: rest });
  const show = (bar) => {
    readout.textContent = bar ? monthName(bar.dataset.period) + (bar.classList.contains('selected') ? ' (chosen)' : '') + ': ' +
      counted(Number(bar.dataset.count)) : rest;
  };
  box.addEventListener('mouseover', (e) => show(e.target.closest('.bar')));
  box.addEventListener('mouseleave', () => show(box.contains(document.activeElement) ? document.activeElement : null));
  box.addEventListener('focusin', (e) => show(e.target.closest('.bar')));
  box.addEventListener('focusout', (e) => { if (!box.contains(e.relatedTarget)) show(null); });
  return [el('div', { class: 'timeline-chart' }, scale, plot), readout];
}

/// The status line of a search result.
function resultsStatus(result) {
  const count = result.total === 0 ? 'No reports match' :
    (result.total_exact ? '' : 'About ') + result.total.toLocaleString('en') + ' report' + (result.total === 1 ? '' : 's');
  const pageInfo = result.total > 0 ? ' · page ' + result.page : '';
  return count + pageInfo + ' (' + Math.round(result.took_ms) + ' ms)';
}

/// True when `state` is the landing page: the reports view of everything (no search, no filter).
function isLanding(state) {
  return state.view === 'reports' && !state.q && !state.from && !state.to && state.page === 1 &&
    FILTER_FIELDS.every((f) => state.filters[f].length === 0);
}

const MONTH_NAMES = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
function monthName(period) {
  const [y, m] = period.split('-').map(Number);
  return MONTH_NAMES.format(new Date(Date.UTC(y, m - 1, 1)));
}

/// The landing page's introduction: the size and dates of the corpus (`result` is the search of
/// everything) and examples of the query language, made of names the corpus holds.
function renderLanding(result, state) {
  const landing = isLanding(state);
  $('landing').hidden = !landing;
  if (!landing) return;
  const months = (result.timeline || []).filter((b) => /^\d{4}-\d{2}$/.test(b.period) && b.count > 0).map((b) => b.period);
  $('landing-corpus').textContent = formatCount(result.total) + ' report' + (result.total === 1 ? '' : 's') +
    (months.length ? ', published from ' + monthName(months[0]) + ' to ' + monthName(months[months.length - 1]) : '') + '.';
  const top = (facet, n) => ((result.facets && result.facets[facet]) || []).slice(0, n).map((fv) => fv.value);
  const quoted = (name) => (/\s/.test(name) ? '"' + name + '"' : name);
  const place = top('place', 1)[0] || 'Aleppo';
  const people = top('person', 2);
  const langs = ((result.facets && result.facets.lang) || []).map((fv) => fv.value);
  const lang = langs.find((l) => l !== 'en') || langs[0] || 'ar';
  const year = months.length ? months[months.length - 1].slice(0, 4) : '2016';
  const examples = [
    ['"air strikes"', 'the exact phrase'],
    ['place:' + quoted(place), 'reports about ' + place + ', under any of its spellings (also person:, org:)'],
    ['date:' + year + '-01..' + year + '-06', 'published in the first half of ' + year],
    ['lang:' + lang, 'written in ' + languageName(lang)],
    people.length === 2 ? [quoted(people[0]) + ' OR ' + quoted(people[1]), 'either of them'] : ['siege NOT aleppo', 'a word without another'],
  ];
  $('landing-examples').replaceChildren(...examples.map(([q, what]) => {
    const link = stateLink({ class: 'example', dir: 'auto', title: 'Search ' + q }, { q });
    link.append(el('code', { text: q }));
    return el('li', {}, link, ' ', el('span', { class: 'meta', text: what }));
  }));
}

function renderResults(result, state, quiet) {
  renderFacets(result, state);
  renderTimeline(result, state, { overview: !quiet });  // a quiet search's timeline is not on show
  renderActiveFilters(readState(), { ask: true });  // with the names the facets brought
  refreshDescriptions();
  if (quiet) return;  // the claims view shows its own status
  renderLanding(result, state);
  setStatus(resultsStatus(result));
  const notices = (result.warnings || []).map(warningText);
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
  const base = state.watch ? 'watch' : state.entityPage ? 'entity' : state.view;
  const searching = base === 'reports' || base === 'claims';
  $('sort').closest('label').hidden = base !== 'reports';
  $('collapse').closest('label').hidden = !searching;
  $('export-csv').closest('.export').hidden = !searching;
  $('watch-this').hidden = !searching;
  for (const v of VIEWS) $('view-' + v).setAttribute('aria-pressed', String(base === v));
  $('filters').hidden = base === 'watch';  // a watch has its own search: the sidebar lists watches
  renderActiveFilters(state);
}

/// What the main area shows: an article, a watch's new matches, an entity page or one of the views.
function pageMode(state) { return state.doc ? 'doc' : state.watch ? 'watch' : state.entityPage ? 'entity' : state.view; }

const searches = loader();
const ledgers = loader();

/// Runs the search of `state` and shows it (`quiet`: only in the sidebar); `fresh` asks again
/// even when its answer is on show.
async function runSearch(state, { quiet = false, fresh = false } = {}) {
  const p = apiParams(state);
  if (state.page > 1) p.set('page', String(state.page));
  const facetSize = facetSizeAsked(state);
  if (facetSize) p.set('facet_size', String(facetSize));  // a panel's "More"
  if (fresh) searches.forget();
  // A quiet search leaves the results list unrendered: not remembered as shown.
  return searches.load('/api/search?' + p.toString(), (result) => {
    facetsShown = { result, state, quiet, size: facetSize || FACET_SIZE };
    renderResults(result, state, quiet);
  }, (err) => {
    setStatus('Search failed: ' + err.message);
    $('results').replaceChildren();
    $('pager').replaceChildren();
  }, { remember: !quiet, again: quiet ? null : (result) => setStatus(resultsStatus(result)) });
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
  // Each part isolated (dir="auto"): an outlet, victims or claimant written in Arabic keeps its
  // own direction beside the English words around it.
  const meta = el('p', { class: 'meta' });
  [c.outlet || 'unknown outlet', c.event_date || formatDate(c.published), c.victims || null,
    c.update ? 'revised toll' : null].filter(Boolean).forEach((part, i) => {
    if (i > 0) meta.append(' · ');
    meta.append(el('span', { dir: 'auto', text: part }));
  });
  return el('li', { class: 'claim' },
    el('p', { class: 'claim-head' }, el('strong', { dir: 'auto', text: claimantName(c) }), ' — ', el('span', { class: 'figure', text: claimFigure(c) + ' ' + c.outcome })),
    meta, link);
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

/// The status line of a claims ledger.
function claimsStatus(result) {
  const shown = result.incidents.length;
  return result.incidents_total === 0 ? 'No casualty claims in ' + result.total.toLocaleString('en') + ' matching reports' :
    `${result.incidents_total.toLocaleString('en')} incident${result.incidents_total === 1 ? '' : 's'}, ${result.claims.toLocaleString('en')} claims in ` +
    `${result.articles_with_claims.toLocaleString('en')} of ${result.total.toLocaleString('en')} reports` +
    (shown < result.incidents_total ? ` · newest ${shown} shown` : '') + ` (${Math.round(result.took_ms)} ms)`;
}

function renderClaims(result, state) {
  setStatus(claimsStatus(result));
  const notices = (result.warnings || []).map(warningText);
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
  }, { again: (result) => setStatus(claimsStatus(result)) });
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
  const lang = (article.fields && article.fields.lang && article.fields.lang[0]) || '';
  const meta = $('article-meta');
  meta.replaceChildren(document.createTextNode([article.outlet || 'unknown outlet', formatDate(article.published), languageName(lang),
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
    el('li', {}, el('button', { type: 'button', class: 'chip', dir: 'auto', text: s.name,
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
      el('a', { dir: 'auto', href: pageUrl(Object.assign({}, state, { doc: h.id })), text: h.title || '(untitled)',
        on: { click: (e) => { e.preventDefault(); openDoc(h.id); } } }),
      el('span', { class: 'meta', text: ' ' + [h.outlet, h.published].filter(Boolean).join(' · ') }))));
  } catch {
    $('related').replaceChildren(el('li', { text: 'No related reports available.' }));
  }
}

// ---- entity page ---------------------------------------------------------------------------

const profiles = loader();
const ENTITY_TYPE_LABELS = { person: 'Person', org: 'Organisation', place: 'Place', other: 'Other name' };
const COOCCURRING = [['person', 'People'], ['org', 'Organisations'], ['place', 'Places']];
let shownEntity = '';  // the entity whose page is on show (its title takes the focus once)

/// What scopes an entity page: the page's search text, filters and dates.
function scopeParams(state) {
  const p = apiParams(state);
  p.delete('sort');
  p.delete('collapse');
  return p;
}

/// The API URL of the entity page of `state`.
function entityUrl(state) {
  const p = scopeParams(state);
  return '/api/entity/' + encodeURIComponent(state.entityPage) + (p.toString() ? '?' + p.toString() : '');
}

/// The filters of `state` narrowed to the entity `id` of `type`.
function entityFilters(state, id, type) {
  return addAnded(copyFilters(state), ['entity', entityField(type)], id);
}

/// A list of values with counts, each a link made by `link(value)`.
function countList(values, link, cls) {
  return el('ul', { class: 'count-list' + (cls ? ' ' + cls : '') }, ...values.map((v) =>
    el('li', {}, link(v), el('span', { class: 'count', text: formatCount(v.count) }))));
}

function entitySection(title, ...children) {
  return el('section', { class: 'entity-section' }, el('h3', { text: title }), ...children);
}

function incidentLine(incident) {
  const when = !incident.to || incident.from === incident.to ? (incident.from || 'undated') : incident.from + ' to ' + incident.to;
  const range = incident.low == null ? 'no exact figure' :
    incident.low === incident.high ? formatCount(incident.low) : formatCount(incident.low) + '–' + formatCount(incident.high);
  const victims = incident.victims + (incident.group ? ' (' + incident.group.name + ')' : '');
  return el('li', { dir: 'auto' }, el('span', { class: 'when', text: when }), ' · ',
    el('strong', { text: incident.outcome }), ' · ' + [victims, incident.place ? incident.place.name : 'place not named',
      range, incident.claimants + ' claimant' + (incident.claimants === 1 ? '' : 's')].join(' · '));
}

/// The search an entity page is narrowed to, with a link to the page over all reports.
function renderEntityScope(state) {
  const scope = scopeParams(state).toString();
  const node = $('entity-scope');
  if (scope) {
    // In words, with the names the sidebar's search brings (or asks for).
    node.replaceChildren('Within the search ', describeInto(el('span', { class: 'query-words' }), scope), ' · ',
      stateLink({ text: 'all reports' }, { q: '', filters: copyFilters({ filters: {} }), from: '', to: '' }));
  }
  node.hidden = !scope;
}

/// The status line of an entity page.
function entityStatus(profile) {
  return 'Entity page: ' + profile.name + ' · ' + formatCount(profile.articles) + ' report' + (profile.articles === 1 ? '' : 's');
}

function renderEntity(profile, state) {
  const first = shownEntity !== state.entityPage;
  shownEntity = state.entityPage;
  const type = ENTITY_TYPE_LABELS[profile.type] ? profile.type : 'other';
  rememberName(profile.id, profile.name);
  rememberName(state.entityPage, profile.name);
  const reports = formatCount(profile.articles) + ' report' + (profile.articles === 1 ? '' : 's');
  $('entity-title').textContent = profile.name;
  $('entity-type').textContent = ENTITY_TYPE_LABELS[type];
  $('entity-type').className = 'type-badge chip-' + entityField(type);
  $('entity-meta').textContent = reports + ' mention' + (profile.articles === 1 ? 's' : '') + ' it';
  setStatus(entityStatus(profile));
  renderEntityScope(state);
  const notices = (profile.warnings || []).map((t) => el('span', { text: warningText(t) }));
  $('entity-notice').replaceChildren(...notices);
  $('entity-notice').hidden = notices.length === 0;

  const own = entityFilters(state, profile.id, type);
  const search = (change) => Object.assign({ entityPage: '', view: 'reports' }, change);
  const sections = [];

  const spellings = profile.spellings || [];
  sections.push(entitySection('Spellings',
    el('p', { class: 'meta', text: profile.spellings_from < profile.articles
      ? 'In the ' + formatCount(profile.spellings_from) + ' most recently indexed of the ' + reports
      : 'In all ' + reports }),
    spellings.length ? el('ul', { class: 'count-list spellings', id: 'entity-spellings' }, ...spellings.map((sp) =>
      el('li', {}, el('span', { class: 'spelling', dir: 'auto', text: sp.spelling }),
        el('span', { class: 'count', text: formatCount(sp.articles) })))) : el('p', { class: 'meta', text: 'None recorded.' })));

  const timeline = entityTimeline(state, profile);
  sections.push(entitySection('Mentions per month', timeline.node));

  const groups = COOCCURRING.map(([key, label]) => {
    const values = (profile.cooccurring && profile.cooccurring[key]) || [];
    const field = ENTITY_FIELDS[key] || ENTITY_FIELDS.other;
    const list = values.length ? el('ul', { class: 'count-list cooccurring-list' }, ...values.map((v) => {
      const id = v.id || v.value;
      // Filters of one field are ORed: the other entity goes in its own typed field.
      const together = addAnded(addAnded(copyFilters(state), [field, 'entity'], id), ['entity', entityField(type)], profile.id);
      return el('li', { 'data-id': id },
        stateLink({ class: 'co-name', text: v.value, title: 'Page of ' + v.value }, { entityPage: id }, () => { entityFromPage = true; }),
        el('span', { class: 'count', text: formatCount(v.count) }),
        stateLink({ class: 'together', text: 'together', title: 'Reports mentioning ' + profile.name + ' and ' + v.value,
          'aria-label': 'Reports mentioning ' + profile.name + ' and ' + v.value }, search({ filters: together })));
    })) : el('p', { class: 'meta', text: 'None.' });
    return el('div', { class: 'cooccurring-group', 'data-type': key }, el('h4', { text: label }), list);
  });
  sections.push(entitySection('Mentioned with', el('div', { class: 'cooccurring', id: 'entity-cooccurring' }, ...groups)));

  const filterLink = (field) => (v) => stateLink({ text: v.value, dir: 'auto', title: 'Reports of ' + profile.name + ' with ' + field + ' ' + v.value },
    search({ filters: addAnded(entityFilters(state, profile.id, type), [field], v.id || v.value) }));
  const outlets = profile.outlets || [];
  const sources = profile.sources || [];
  sections.push(el('div', { class: 'entity-pair' },
    entitySection('Outlets', outlets.length ? countList(outlets, filterLink('outlet'), 'entity-outlets') : el('p', { class: 'meta', text: 'None.' })),
    entitySection('Cited sources', sources.length ? countList(sources, filterLink('source'), 'entity-sources') : el('p', { class: 'meta', text: 'None cited.' }))));

  sections.push(entitySection('Newest reports',
    el('ol', { class: 'results entity-newest' }, ...(profile.newest || []).map((h) => hitItem(h, state))),
    el('p', {}, stateLink({ class: 'entity-all', text: 'All ' + reports + ' in the search' }, search({ filters: own })))));

  const incidents = profile.incidents || [];
  const total = profile.incidents_total || 0;
  sections.push(entitySection('Incidents',
    el('p', { class: 'meta', text: total === 0 ? 'No casualty claims in these reports.' :
      formatCount(total) + ' incident' + (total === 1 ? '' : 's') + (incidents.length < total ? ', the newest ' + incidents.length + ' shown' : '') }),
    incidents.length ? el('ol', { class: 'compact-incidents' }, ...incidents.map(incidentLine)) : null,
    total ? el('p', {}, stateLink({ class: 'entity-claims', text: 'All incidents in the claims view' },
      { entityPage: '', view: 'claims', filters: addAnded(copyFilters(state), ['entity', entityField(type)], profile.id) })) : null));

  $('entity-body').replaceChildren(...sections);
  timeline.show();
  if (first) $('entity-title').focus();
}

/// The entity page's timeline overview: the months of the entity's reports under the page's
/// search without its dates, by the API URL of that page. The page without dates has it (choosing
/// a month from it costs no request more); the page narrowed to dates asks for it once.
const entityOverview = { key: null, timeline: null };
let entityOverviewAsk = null;  // {key, answer}: the overview under way

/// The entity page's "Mentions per month", as the results' timeline: the months of the overview,
/// those of the page's dates highlighted; a bar narrows the page to its month (again: no longer).
/// `profile`: the page's answer (null when nothing matched its dates), whose own months stand in
/// should the overview fail. {node, show}: show() draws the bars once `node` is in the page
/// (now, or when the overview arrives), the focus back on the month focused before.
function entityTimeline(state, profile) {
  const node = el('div', { class: 'timeline', id: 'entity-timeline' });
  const a = document.activeElement;
  const focused = a && a.matches && a.matches('#entity-timeline .bar') ? a.dataset.period : null;
  const key = entityUrl(Object.assign({}, state, { from: '', to: '' }));
  if (profile && !state.from && !state.to) Object.assign(entityOverview, { key, timeline: profile.timeline });
  const draw = (timeline) => {
    if (!node.isConnected) return;  // a newer page took its place
    node.removeAttribute('aria-busy');
    const nodes = timelineNodes(timeline, state, 'reports');
    node.replaceChildren(...(nodes.length ? nodes : [el('p', { class: 'meta', text: 'No dated report.' })]));
    // The focus stays on the month (after Enter on its bar) unless it went elsewhere meanwhile.
    const now = document.activeElement;
    if (!focused || (now && now !== document.body && !node.contains(now))) return;
    const bars = [...node.querySelectorAll('.bar')];
    const bar = bars.find((b) => b.dataset.period === focused) || node.querySelector('.bar[tabindex="0"]');
    if (!bar) return;
    bars.forEach((b) => { b.tabIndex = b === bar ? 0 : -1; });
    bar.focus();
  };
  const show = () => {
    if (entityOverview.key === key) return draw(entityOverview.timeline);
    node.setAttribute('aria-busy', 'true');
    if (!entityOverviewAsk || entityOverviewAsk.key !== key) entityOverviewAsk = { key, answer: fetchJson(key) };
    const ask = entityOverviewAsk;
    ask.answer.then((answer) => {
      Object.assign(entityOverview, { key, timeline: answer.timeline });
      draw(answer.timeline);
    }, () => {
      if (entityOverviewAsk === ask) entityOverviewAsk = null;  // asked again next time
      if (profile) draw(profile.timeline);  // the dates' own months
      else if (node.isConnected) node.closest('.entity-section').remove();
    });
  };
  return { node, show };
}

function showEntity(state) {
  const url = entityUrl(state);
  return profiles.load(url, (profile) => {
    renderEntity(profile, state);
    // The sidebar counts the entity's reports, so a filter chosen there narrows its page.
    runSearch(Object.assign({}, state, { filters: entityFilters(state, profile.id, profile.type), page: 1 }), { quiet: true });
  }, (err) => {
    const dated = Boolean(state.from || state.to);
    shownEntity = dated ? state.entityPage : '';  // a month without reports: still the entity's page
    const name = (dated && entityNames.get(state.entityPage)) || state.entityPage;
    $('entity-title').textContent = name;
    $('entity-type').textContent = '';
    $('entity-meta').textContent = 'No entity page: ' + err.message + '.';
    renderEntityScope(state);  // the search may be what leaves nothing
    $('entity-notice').hidden = true;
    // Nothing in the dates chosen (a month of the timeline without reports): the timeline stays,
    // to choose another month, or the same again to go back to every month.
    const timeline = dated ? entityTimeline(state, null) : null;
    $('entity-body').replaceChildren(...(timeline ? [entitySection('Mentions per month', timeline.node)] : []));
    if (timeline) timeline.show();
    setStatus('No entity page for ' + name);
    runSearch(state, { quiet: true });
  }, { again: (profile) => setStatus(entityStatus(profile)) });
}

// ---- compare view --------------------------------------------------------------------------

const comparisons = loader();
let lastCompared = [];  // the queries compared last in this visit (for the view button)
let compared = null;    // the comparison on show: {result, state}; redrawn at a new width
const NS = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text != null) node.textContent = text;
  return node;
}

function compareParams(state) {
  const p = new URLSearchParams();
  for (const q of state.cq) p.append('q', q);
  for (const f of FILTER_FIELDS) for (const v of state.filters[f]) p.append(f, v);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  p.set('interval', state.interval);
  if (state.normalise) p.set('normalise', 'true');
  return p;
}

function compareRow(value) {
  const input = el('input', { type: 'search', class: 'cq-input', autocomplete: 'off', spellcheck: 'false', maxlength: '500' });
  input.value = value;
  const row = el('li', { class: 'cq-row' }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), input);
  row.append(el('button', { type: 'button', class: 'cq-remove', text: '×', on: { click: () => removeCompareRow(row) } }));
  return row;
}

function updateCompareRows() {
  const rows = [...$('compare-queries').children];
  rows.forEach((row, i) => {
    row.className = 'cq-row s' + i;
    row.querySelector('input').setAttribute('aria-label', 'Search ' + (i + 1));
    row.querySelector('input').placeholder = i === 0 ? 'e.g. Palmyra' : 'another search';
    const remove = row.querySelector('.cq-remove');
    remove.setAttribute('aria-label', 'Remove search ' + (i + 1));
    remove.title = 'Remove this search';
    remove.hidden = rows.length === 1 && !row.querySelector('input').value;
  });
  $('compare-add').disabled = rows.length >= MAX_COMPARE;
}

let compareFormFor = null;  // the queries the boxes were filled with (edits survive other changes)

function renderCompareForm(state) {
  const list = $('compare-queries');
  const key = JSON.stringify(state.cq);
  if (key !== compareFormFor || list.children.length === 0) {
    compareFormFor = key;
    const focused = [...list.children].indexOf(document.activeElement && document.activeElement.closest('.cq-row'));
    list.replaceChildren(...(state.cq.length ? state.cq : ['']).map(compareRow));
    updateCompareRows();
    if (focused >= 0) list.children[Math.min(focused, list.children.length - 1)].querySelector('input').focus();
  }
  $('compare-interval').value = state.interval;
  $('compare-normalise').checked = state.normalise;
}

function addCompareInput() {
  const list = $('compare-queries');
  if (list.children.length >= MAX_COMPARE) return;
  const row = compareRow('');
  list.append(row);
  updateCompareRows();
  row.querySelector('input').focus();
}

function removeCompareRow(row) {
  const list = $('compare-queries');
  const at = [...list.children].indexOf(row);
  const had = row.querySelector('input').value.trim();
  row.remove();
  if (list.children.length === 0) list.append(compareRow(''));
  updateCompareRows();
  list.children[Math.min(at, list.children.length - 1)].querySelector('input').focus();
  if (had) submitCompare();
}

function submitCompare() {
  const values = [];
  for (const input of $('compare-queries').querySelectorAll('input')) {
    const v = input.value.trim();
    if (v && !values.includes(v)) values.push(v);
  }
  navigate({ cq: values.slice(0, MAX_COMPARE) });
}

/// The first and last day ("YYYY-MM-DD") a partial date stands for.
function dayOf(date, last) {
  if (/^\d{4}$/.test(date)) return date + (last ? '-12-31' : '-01-01');
  const m = /^(\d{4})-(\d{2})$/.exec(date);
  if (!m) return date;
  if (!last) return date + '-01';
  return date + '-' + String(new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate()).padStart(2, '0');
}

/// The from/to of a search restricted to `period` of `interval` (within the page's dates).
function periodRange(period, interval, state) {
  let from = period, to = period;
  if (interval === 'week' && /^\d{4}-\d{2}-\d{2}$/.test(period)) {
    const d = new Date(period + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 6);
    to = d.toISOString().slice(0, 10);
  }
  if (state.from && dayOf(state.from, false) > dayOf(from, false)) from = state.from;
  if (state.to && dayOf(state.to, true) < dayOf(to, true)) to = state.to;
  return { from, to };
}

function openPeriod(query, period, result, state) {
  const { from, to } = periodRange(period, result.interval, state);
  navigate({ view: 'reports', q: query, from, to });
  window.scrollTo(0, 0);
}

/// The value drawn for series `s` in period `i`: its count, or its share of all reports.
function seriesValue(s, i, result) {
  if (!result.normalised) return Number(s.counts[i]) || 0;
  if (Array.isArray(s.shares) && s.shares[i] != null) return Number(s.shares[i]) || 0;
  const base = result.baseline && result.baseline[i];
  return base ? (Number(s.counts[i]) || 0) / base : 0;
}

function formatShare(v, decimals = 1) { return (v * 100).toFixed(decimals) + '%'; }

/// Ticks from 0 to a round top at or over `max`: whole counts, or shares in round percents.
function niceScale(max, share) {
  const top0 = max > 0 ? max : share ? 0.01 : 1;
  const rough = top0 / 4;
  const mag = Math.pow(10, Math.floor(Math.log10(rough)));
  let step = [1, 2, 5, 10].map((k) => k * mag).find((v) => v >= rough - 1e-12);
  if (!share) step = Math.max(1, Math.round(step));
  const top = Math.ceil(top0 / step - 1e-9) * step;
  const ticks = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(v);
  let decimals = 0;
  while (share && decimals < 4 && Math.abs(Math.round(step * 100 * 10 ** decimals) - step * 100 * 10 ** decimals) > 1e-6) decimals += 1;
  return { top, ticks, label: (v) => (share ? formatShare(v, decimals) : formatCount(Math.round(v))) };
}

function periodWord(interval) { return INTERVALS.includes(interval) && interval !== 'auto' ? interval : 'period'; }

function valueText(s, i, result) {
  const count = Number(s.counts[i]) || 0;
  return formatCount(count) + ' report' + (count === 1 ? '' : 's') + (result.normalised ? ' (' + formatShare(seriesValue(s, i, result), 2) + ' of all)' : '');
}

function drawCompareChart(result, state) {
  const box = $('compare-chart');
  const periods = result.periods || [];
  const series = result.series || [];
  if (periods.length === 0 || series.length === 0) {
    box.replaceChildren(el('p', { class: 'meta', text: 'No dated reports match these searches.' }));
    return;
  }
  const values = series.map((s) => periods.map((_, i) => seriesValue(s, i, result)));
  const scale = niceScale(Math.max(0, ...values.flat()), result.normalised);
  const W = Math.max(260, Math.round(box.clientWidth || 640));
  const H = W < 480 ? 200 : 260;
  const labelWidth = Math.max(...scale.ticks.map((t) => scale.label(t).length)) * 7 + 10;
  const L = labelWidth, R = 12, T = 10, B = 26;
  const plotW = W - L - R, plotH = H - T - B;
  const IN = 10;  // the first and last points clear of the axis labels
  const n = periods.length;
  const x = (i) => L + IN + (n === 1 ? (plotW - 2 * IN) / 2 : (i * (plotW - 2 * IN)) / (n - 1));
  const y = (v) => T + plotH * (1 - v / scale.top);
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'compare-svg', role: 'img',
    'aria-label': (result.normalised ? 'Share of all reports' : 'Reports') + ' per ' + periodWord(result.interval) + ' from ' + periods[0] +
      ' to ' + periods[n - 1] + ' for ' + series.map((s) => s.query).join(', ') + '. The table below lists the values.' });
  for (const t of scale.ticks) {
    svg.append(svgEl('line', { x1: L, x2: W - R, y1: y(t), y2: y(t), class: t === 0 ? 'axis' : 'grid' }),
      svgEl('text', { x: L - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'tick y-tick' }, scale.label(t)));
  }
  // Period labels that do not collide: the first and last are anchored at their ends.
  const labelW = periods[0].length * 6.6 + 10;
  const labels = Math.max(2, Math.min(n, Math.floor((plotW - 2 * IN) / (1.7 * labelW)) + 1));
  const shown = new Set();
  for (let k = 0; k < labels; k++) shown.add(n === 1 ? 0 : Math.round((k * (n - 1)) / (labels - 1)));
  for (const i of shown) {
    const anchor = n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
    svg.append(svgEl('text', { x: x(i), y: H - 8, 'text-anchor': anchor, class: 'tick x-tick' }, periods[i]));
  }
  // The plot area takes clicks between the points: the nearest series' value of that period.
  svg.append(svgEl('rect', { x: L, y: T, width: plotW, height: plotH, class: 'hit-area' }));
  series.forEach((s, k) => {
    const d = values[k].map((v, i) => (i ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(v).toFixed(1)).join(' ');
    svg.append(svgEl('path', { d, class: 'line s' + k }));
  });
  // A point per period with reports (a search of an empty period finds nothing); points of
  // equal value side by side, where there is room, so that each can be clicked.
  if (n <= 240) {
    const r = n > 40 ? 2.5 : 4;
    const room = n === 1 ? plotW : (plotW - 2 * IN) / (n - 1);
    for (let i = 0; i < n; i++) {
      const groups = new Map();
      series.forEach((s, k) => {
        if (!(Number(s.counts[i]) > 0)) return;
        const key = Math.round(y(values[k][i]));
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(k);
      });
      for (const members of groups.values()) {
        const gap = members.length * (2 * r + 2) <= room ? 2 * r + 2 : 0;
        members.forEach((k, j) => {
          const s = series[k];
          const point = svgEl('circle', { cx: (x(i) + (j - (members.length - 1) / 2) * gap).toFixed(1), cy: y(values[k][i]).toFixed(1), r,
            class: 'point s' + k, 'data-series': k, 'data-period': periods[i] });
          point.append(svgEl('title', {}, s.query + ' · ' + periods[i] + ': ' + valueText(s, i, result)));
          svg.append(point);
        });
      }
    }
  }
  svg.addEventListener('click', (e) => {
    const point = e.target.closest && e.target.closest('circle.point');
    if (point) return openPeriod(series[+point.dataset.series].query, point.dataset.period, result, state);
    const ctm = svg.getScreenCTM();
    if (!ctm) return;
    const at = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    if (at.x < L - 4 || at.x > W - R + 4 || at.y < T - 4 || at.y > T + plotH + 4) return;
    const i = n === 1 ? 0 : Math.max(0, Math.min(n - 1, Math.round(((at.x - L - IN) * (n - 1)) / (plotW - 2 * IN))));
    let best = 0;
    values.forEach((vals, k) => { if (Math.abs(y(vals[i]) - at.y) < Math.abs(y(values[best][i]) - at.y)) best = k; });
    openPeriod(series[best].query, periods[i], result, state);
  });
  box.replaceChildren(svg);
}

/// The values as a table of buttons (each opens its search): the chart for keyboards and screen
/// readers. The baseline only when normalised (the server fills it only then).
function buildCompareTable(result, state) {
  const series = result.series || [];
  const head = el('tr', {}, el('th', { scope: 'col', text: periodWord(result.interval).replace(/^./, (c) => c.toUpperCase()) }),
    ...series.map((s, k) => el('th', { scope: 'col', class: 's' + k }, el('span', { class: 'swatch', 'aria-hidden': 'true' }),
      el('span', { dir: 'auto', text: s.query }))),
    result.normalised ? el('th', { scope: 'col', text: 'All reports' }) : null);
  const rows = (result.periods || []).map((period, i) => el('tr', {}, el('th', { scope: 'row', text: period }),
    ...series.map((s) => el('td', {}, el('button', { type: 'button', class: 'cell-open', text: result.normalised
      ? formatCount(Number(s.counts[i]) || 0) + ' · ' + formatShare(seriesValue(s, i, result), 2) : formatCount(Number(s.counts[i]) || 0),
    'aria-label': s.query + ', ' + period + ': ' + valueText(s, i, result) + '. Search them.', 'data-period': period,
    on: { click: () => openPeriod(s.query, period, result, state) } }))),
    result.normalised ? el('td', { class: 'num', text: formatCount(Number((result.baseline || [])[i]) || 0) }) : null));
  $('compare-table').replaceChildren(el('caption', { class: 'visually-hidden', text: 'Reports per ' + periodWord(result.interval) }),
    el('thead', {}, head), el('tbody', {}, ...rows));
}

function renderCompare(result, state) {
  compared = { result, state };
  const word = periodWord(result.interval);
  const series = result.series || [];
  setStatus('Comparing ' + series.length + ' search' + (series.length === 1 ? '' : 'es') + ' per ' + word +
    (state.interval === 'auto' ? ' (chosen to fit the dates)' : '') + (result.normalised ? ', as a share of all reports' : ''));
  const notices = (result.warnings || []).map((t) => el('span', { text: warningText(t) }));
  $('compare-notice').replaceChildren(...notices);
  $('compare-notice').hidden = notices.length === 0;
  $('compare-scale').textContent = result.normalised ? 'Share of all reports per ' + word + ' (%)' : 'Reports per ' + word;
  $('compare-legend').replaceChildren(...series.map((s, k) => el('li', { class: 's' + k },
    el('span', { class: 'swatch', 'aria-hidden': 'true' }),
    el('span', { class: 'legend-query', dir: 'auto', text: s.query }),
    el('span', { class: 'legend-total', text: formatCount(s.total) + ' report' + (s.total === 1 ? '' : 's') }),
    s.dated < s.total ? el('span', { class: 'meta', text: formatCount(s.total - s.dated) + ' undated' }) : null,
    stateLink({ class: 'legend-search', text: 'search', 'aria-label': 'Search ' + s.query }, { view: 'reports', q: s.query }))));
  $('compare-results').hidden = false;  // before drawing: the chart is drawn at the width it gets
  drawCompareChart(result, state);
  if ($('compare-table-box').open) buildCompareTable(result, state); else $('compare-table').replaceChildren();
}

function runCompare(state) {
  if (state.cq.length === 0) {
    compared = null;
    comparisons.forget();
    $('compare-results').hidden = true;
    $('compare-notice').hidden = true;
    setStatus('Compare how often up to ' + MAX_COMPARE + ' searches were reported over time.');
    return Promise.resolve();
  }
  lastCompared = state.cq.slice();
  return comparisons.load('/api/timeline?' + compareParams(state).toString(), (result) => renderCompare(result, state), (err) => {
    compared = null;
    setStatus('Comparison failed: ' + err.message);
    $('compare-results').hidden = true;
  });
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
    // The names in the search's description are asked for when it is about to be read.
    const ask = () => describeQuery(w.query, true);
    const props = { href: watchUrl(id), class: 'watch-open',
      on: { click: (e) => { if (e.ctrlKey || e.metaKey || e.shiftKey) return; e.preventDefault(); openWatch(id); },
        mouseenter: ask, focus: ask } };
    if (id === current) props['aria-current'] = 'page';
    const open = describeInto(el('a', props, el('span', { class: 'watch-name', text: w.name }),
      el('span', { class: 'badge' + (fresh ? '' : ' zero') }, String(fresh), el('span', { class: 'visually-hidden', text: ' new' }))),
    w.query || '', { attr: 'title' });
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
  navigate({ q: '', filters, from: '', to: '', sort: 'relevance', collapse: false, view: 'reports', watch: id, entityPage: '' });
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
  // No search on show names its values (a watch's page has no filters): their names are asked for.
  $('watch-query').replaceChildren('Search: ', describeInto(el('span', { class: 'query-words' }), watch.query || '', { ask: true }));
  $('watch-full').href = '/?' + (watch.query || '');
  $('watch-feed').href = '/watches/' + encodeURIComponent(watch.id) + '.atom';
  const count = (news.total_exact === false ? 'About ' : '') + news.total.toLocaleString('en');
  const since = news.since ? ' since ' + formatTime(news.since) : ' since the watch was made';
  const heading = news.total === 0 ? 'Nothing new' + since : count + ' new' + since;
  $('watch-heading').textContent = heading;
  setStatus('Watch “' + (watch.name || '') + '”: ' + (news.total === 0 ? 'nothing new' : count + ' new'));
  const notices = (news.warnings || []).map((t) => el('span', { text: warningText(t) }));
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
  $('entity-view').hidden = mode !== 'entity';
  $('compare-view').hidden = mode !== 'compare';
  if (!isLanding(state)) $('landing').hidden = true;  // at once, not when the search answers
  $('back').textContent = state.watch ? '← Back to the watch' : state.entityPage ? '← Back to the entity page' : '← Back to results';
  if (mode !== 'watch') watchShows += 1;  // an answer still on its way is not shown
  if (mode !== 'claims') ledgers.forget();
  if (mode !== 'entity') profiles.forget();
  if (mode !== 'compare') comparisons.forget();
  if (mode === 'doc') return showArticle(state);
  if (mode === 'watch') return showWatch(state);
  if (mode === 'entity') return showEntity(state);
  if (mode === 'compare') {
    renderCompareForm(state);
    // The sidebar counts what the filters select: the search text does not apply.
    return Promise.all([runSearch(Object.assign({}, state, { q: '', page: 1 }), { quiet: true }), runCompare(state)]);
  }
  if (mode === 'batch') {
    // The filters in words, with the names the sidebar's search brings (or asks for).
    const filters = batchParams(state).toString();
    if (filters) $('status').replaceChildren('Batch search · ', describeInto(el('span', { class: 'query-words' }), filters));
    else setStatus('Batch search on all reports');
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
  FIELDS = Object.fromEntries(schema.fields.map((f) => [f.name, f]));
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
  // Nor does the comparison, and a search leaves an entity page for the reports.
  const searchFor = (q) => Object.assign({ q, entityPage: '' }, ['batch', 'compare'].includes(readState().view) ? { view: 'reports' } : {});
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typingTimer);
    navigate(searchFor($('q').value.trim()));
  });
  $('q').addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => navigate(searchFor($('q').value.trim()), { typed: true }), DEBOUNCE_MS);
  });
  $('date-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!$('from').checkValidity() || !$('to').checkValidity()) return $('date-form').reportValidity();
    navigate({ from: $('from').value.trim(), to: $('to').value.trim() });
  });
  $('sort').addEventListener('change', () => navigate({ sort: $('sort').value }));
  $('view-reports').addEventListener('click', () => navigate({ view: 'reports', entityPage: '' }));
  $('view-claims').addEventListener('click', () => navigate({ view: 'claims', entityPage: '' }));
  $('view-batch').addEventListener('click', () => navigate({ view: 'batch', entityPage: '' }));
  $('view-compare').addEventListener('click', () => {
    const state = readState();
    // The queries compared last (this visit), else the search on show.
    const cq = state.view === 'compare' ? state.cq : lastCompared.length ? lastCompared : state.q ? [state.q] : [];
    navigate({ view: 'compare', entityPage: '', cq });
  });
  $('entity-back').addEventListener('click', () => {
    if (entityFromPage) history.back(); else navigate({ entityPage: '' });
    entityFromPage = false;
  });
  $('compare-form').addEventListener('submit', (e) => { e.preventDefault(); submitCompare(); });
  $('compare-add').addEventListener('click', addCompareInput);
  $('compare-interval').addEventListener('change', () => navigate({ interval: $('compare-interval').value }));
  $('compare-normalise').addEventListener('change', () => navigate({ normalise: $('compare-normalise').checked }));
  $('compare-table-box').addEventListener('toggle', () => {
    if ($('compare-table-box').open && compared) buildCompareTable(compared.result, compared.state);
  });
  let resizeTimer = null;  // the chart is drawn at the width it has (its text stays readable)
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { if (!$('compare-view').hidden && compared) drawCompareChart(compared.result, compared.state); }, 150);
  });
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
  window.addEventListener('popstate', () => {
    clearTimeout(typingTimer);  // the typing belonged to the page left
    $('q').value = readState().q;  // even while the box has the focus
    render();
  });
  render();
  loadWatches();
}

document.addEventListener('DOMContentLoaded', init);
