// Newsgraph's web page: a small single-page application over the REST API and the SPARQL
// endpoint. Pages are chosen by the part of the address after '#'. Text from the graph is only
// ever put into the page as text (textContent, never innerHTML), so markup in an article shows as
// markup and runs nothing.
'use strict';

const view = document.getElementById('view');
const TYPES = ['Person', 'Organization', 'Place', 'Product'];
const EVENT_TYPES = ['PressConference', 'Acquisition', 'FundingRound', 'Agreement', 'Lawsuit',
  'ProductLaunch', 'Appointment', 'Resignation'];
let server = null;

// ---------------------------------------------------------------------------------------------
// Building the page

/** Makes an element; attributes starting with "on" become listeners, children become text. */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function section(title, ...children) {
  return el('section', { class: 'panel' }, el('h2', { text: title }), ...children);
}

function show(...children) {
  view.replaceChildren(...children.filter(child => child !== null && child !== undefined));
  window.scrollTo(0, 0);
}

function problem(error) {
  return el('p', { class: 'error', role: 'alert', text: error.message });
}

/** An entity id ("person/sam-altman") as a path, each part encoded. */
function entityPath(id) {
  return id.split('/').map(encodeURIComponent).join('/');
}

function entityHref(id) {
  return '#/entity/' + entityPath(id);
}

function articleHref(id, start, end) {
  const where = start === undefined ? '' : `?s=${start}-${end}`;
  return '#/article/' + encodeURIComponent(id) + where;
}

function entityLink(entity) {
  return el('a', { href: entityHref(entity.id), class: 'entity type-' + entity.type.toLowerCase(),
    title: entity.type, text: entity.name });
}

function typeBadge(type) {
  return el('span', { class: 'badge type-' + type.toLowerCase(), text: words(type) });
}

/** "worksFor" to "works for", "PressConference" to "Press conference". */
function words(name) {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return /^[A-Z]/.test(name) ? spaced.charAt(0).toUpperCase() + spaced.slice(1) : spaced;
}

function confidence(value) {
  return el('span', { class: 'confidence', title: 'confidence', text: value.toFixed(2) });
}

// ---------------------------------------------------------------------------------------------
// Talking to the server

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options, headers: { Accept: 'application/json', ...(options.headers || {}) } });
  const body = await response.text();
  const json = body ? JSON.parse(body) : null;
  if (!response.ok) {
    const error = new Error((json && (json.detail || json.title)) || response.statusText);
    error.status = response.status;
    error.body = json;
    error.retryAfter = response.headers.get('Retry-After');
    throw error;
  }
  return json;
}

/** The API key field of a writer's form, filled with the key this tab last used. */
function keyField() {
  return el('input', { type: 'password', name: 'key', autocomplete: 'off',
    value: sessionStorage.getItem('newsgraph-key') || '' });
}

/** The headers of a writer's request: the form's API key, if it has one, kept for this tab. */
function writerHeaders(form) {
  const key = form.querySelector('input[name=key]');
  if (!key || !key.value) return {};
  sessionStorage.setItem('newsgraph-key', key.value);
  return { 'X-API-Key': key.value };
}

function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  return search.toString();
}

// ---------------------------------------------------------------------------------------------
// Search, with suggestions as one types

const searchForm = document.getElementById('search');
const searchInput = document.getElementById('search-input');
const suggestions = document.getElementById('suggestions');
let suggestionTimer = null;
let suggestionRequest = 0;

searchInput.addEventListener('input', () => {
  clearTimeout(suggestionTimer);
  suggestionTimer = setTimeout(suggest, 150);
});
searchInput.addEventListener('keydown', event => {
  const items = [...suggestions.querySelectorAll('li')];
  const current = items.findIndex(item => item.getAttribute('aria-selected') === 'true');
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    if (!items.length) return;
    const next = event.key === 'ArrowDown'
      ? (current + 1) % items.length : (current - 1 + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === next)));
  } else if (event.key === 'Enter' && current >= 0) {
    event.preventDefault();
    items[current].querySelector('a').click();
  } else if (event.key === 'Escape') {
    hideSuggestions();
  }
});
searchInput.addEventListener('blur', () => setTimeout(hideSuggestions, 200));
searchForm.addEventListener('submit', event => {
  event.preventDefault();
  if (searchInput.value.trim()) location.hash = '#/search?' + query({ q: searchInput.value.trim() });
  hideSuggestions();
});

async function suggest() {
  const text = searchInput.value.trim();
  const request = ++suggestionRequest;
  if (!text) return hideSuggestions();
  try {
    const page = await api('/api/entities?' + query({ q: text, limit: 8 }));
    if (request !== suggestionRequest) return;
    suggestions.replaceChildren(...page.items.map(match => el('li', { role: 'option' },
      el('a', { href: entityHref(match.entity.id), onclick: hideSuggestions },
        el('span', { class: 'name', text: match.entity.name }), ' ', typeBadge(match.entity.type)))));
    suggestions.hidden = page.items.length === 0;
  } catch (error) {
    hideSuggestions();
  }
}

function hideSuggestions() {
  suggestions.hidden = true;
}

async function searchPage(parameters) {
  const q = parameters.get('q') || '';
  const type = parameters.get('type') || '';
  const offset = Number(parameters.get('offset') || 0);
  searchInput.value = q;
  const inArticles = articleMatches(q);
  const page = await api('/api/entities?' + query({ q, type, limit: 20, offset }));
  const filter = el('p', { class: 'filters' }, 'Type: ',
    ['', ...TYPES].map(t => el('a', { href: '#/search?' + query({ q, type: t }),
      class: t === type ? 'current' : null, text: t ? words(t) : 'any' })));
  const list = el('ol', { class: 'results', start: offset + 1 }, page.items.map(match =>
    el('li', {}, entityLink(match.entity), ' ', typeBadge(match.entity.type))));
  const more = page.next
    ? el('a', { class: 'more', href: '#/search?' + query({ q, type, offset: offset + 20 }),
      text: 'More results' }) : null;
  show(el('h1', { text: `Search: ${q}` }), filter, searchExport(q, type), el('div', { class: 'columns' },
    section('Entities',
      page.items.length ? list : el('p', { text: 'Nothing in the graph has that name.' }), more),
    await inArticles));
}

// ---------------------------------------------------------------------------------------------
// Search in the articles' text: the passages beside the entities, and the words marked on an
// article page

/** The "In articles" panel: passages of the articles whose text holds the words sought. */
async function articleMatches(q) {
  let page;
  try {
    page = await api('/api/articles?' + query({ q, limit: 10 }));
  } catch (error) {
    return section('In articles', problem(error));
  }
  const list = el('ol', { class: 'passages' }, page.items.map(match => {
    const article = match.article;
    const marked = match.matchEnd > match.matchStart;
    const href = (marked ? articleHref(article.id, match.matchStart, match.matchEnd)
      : articleHref(article.id)) + (marked ? '&' : '?') + query({ mark: q });
    const from = match.matchStart - match.start;
    const to = match.matchEnd - match.start;
    return el('li', {},
      el('a', { href, class: 'passage-title', text: article.title || article.id }),
      article.published ? el('span', { class: 'date', text: article.published }) : null,
      el('p', { class: 'passage' }, match.start > 0 ? '…' : '', match.passage.slice(0, from),
        marked ? el('mark', { text: match.passage.slice(from, to) }) : null,
        match.passage.slice(to), '…'));
  }));
  return section('In articles', page.items.length ? list
    : el('p', { text: 'No article text holds these words.' }));
}

/**
 * The words of a search as the server reads them: split at spaces and punctuation (apostrophes
 * and ampersands belong to words), each to be found whole except the last, which may start one.
 */
function searchPatterns(q) {
  const found = (q || '').toLowerCase().split(/[\s!-%(-\/:-@[-`{-~]+/u).filter(Boolean);
  return found.map((word, i) => new RegExp('(?<![\\p{L}\\p{N}])'
    + word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    + (i === found.length - 1 ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'), 'giu'));
}

/** Marks, in the text nodes under a container, each occurrence of the words of a search. */
function markSearched(container, q) {
  const patterns = searchPatterns(q);
  if (!patterns.length) return;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const spans = [];
    for (const pattern of patterns) {
      for (const m of node.data.matchAll(pattern)) {
        if (m[0]) spans.push([m.index, m.index + m[0].length]);
      }
    }
    if (!spans.length) continue;
    spans.sort((a, b) => a[0] - b[0]);
    const fragment = document.createDocumentFragment();
    let reached = 0;
    for (const [start, end] of spans) {
      if (start < reached) continue;
      fragment.append(node.data.slice(reached, start),
        el('mark', { class: 'searched', text: node.data.slice(start, end) }));
      reached = end;
    }
    fragment.append(node.data.slice(reached));
    node.replaceWith(fragment);
  }
}

// ---------------------------------------------------------------------------------------------
// Home

async function homePage() {
  const [stats, articles, events] = await Promise.all([api('/api/stats'),
    api('/api/articles?' + query({ limit: HOME_ARTICLES })),
    api('/api/events?limit=8&order=newest')]);
  const sum = counts => Object.values(counts).reduce((a, b) => a + b, 0);
  show(
    el('h1', { text: 'The graph' }),
    el('ul', { class: 'stats' },
      el('li', {}, el('strong', { text: stats.articles }), ' articles'),
      el('li', {}, el('strong', { text: sum(stats.entities) }), ' entities'),
      el('li', {}, el('strong', { text: sum(stats.facts) }), ' facts'),
      el('li', {}, el('strong', { text: sum(stats.events) }), ' events'),
      el('li', {}, el('strong', { text: stats.quotes }), ' quotes')),
    el('div', { class: 'columns' },
      section('Latest articles', pagedArticles(articles)),
      section('Latest events', eventList(events.items),
        el('p', {}, el('a', { href: '#/events?order=newest', text: 'The whole timeline' })))));
}

const HOME_ARTICLES = 10;

/** The latest articles, and a "More" button that adds the next ones below them. */
function pagedArticles(first) {
  const list = articleList(first.items);
  const said = el('span', { role: 'status' });
  const more = el('button', { type: 'button', class: 'more', text: 'More articles',
    hidden: !first.next, onclick: async () => {
      more.disabled = true;
      try {
        const page = await api('/api/articles?' + query({ limit: HOME_ARTICLES,
          offset: list.children.length }));
        list.append(...articleList(page.items).children);
        more.hidden = !page.next;
      } catch (error) {
        said.textContent = error.message;
      } finally {
        more.disabled = false;
      }
    } });
  return [list, el('p', {}, more, ' ', said)];
}

function articleList(articles) {
  return el('ul', { class: 'articles' }, articles.map(article => el('li', {},
    el('a', { href: articleHref(article.id), text: article.title || article.id }),
    article.published ? el('span', { class: 'date', text: article.published }) : null)));
}

function eventList(events) {
  if (!events.length) return el('p', { text: 'No events.' });
  return el('ol', { class: 'timeline' }, events.map(event => el('li', {},
    el('span', { class: 'date', text: event.date || 'undated' }),
    el('span', { class: 'event-type', text: words(event.type) }),
    eventStructure(event) ? el('span', { class: 'event-structure',
      text: ` · ${eventStructure(event)}` }) : null,
    // Each participant with its role where the API gives one: "Alder Health (acquirer)".
    el('span', { class: 'participants' }, event.participants.map((p, i) => [i ? ', ' : '',
      entityLink(p), p.role ? el('span', { class: 'role', text: ` (${p.role})` }) : null])),
    event.place ? el('span', { class: 'place' }, 'in ', entityLink(event.place)) : null,
    eventSources(event))));
}

/**
 * Where an event was read: its sentence's article, or, when several articles report the same
 * event (its storyline), each article's report with the date and status that article gave it.
 */
function eventSources(event) {
  const link = (evidence, text) => el('a', { class: 'source', title: evidence.sentence,
    href: articleHref(evidence.article.id, evidence.sentenceStart, evidence.sentenceEnd), text });
  const reports = event.reports || [];
  if (reports.length < 2) return link(event.evidence, 'source');
  return el('span', { class: 'reports' }, ` reported by ${counted(reports.length, 'article', 'articles')}: `,
    reports.map((report, i) => [i ? ', ' : '', link(report.evidence,
      [report.date || report.evidence.article.published || 'undated', report.status]
        .filter(Boolean).join(' '))]));
}

/**
 * Where an event stands, what it costs and from when it takes effect, as far as its article says:
 * "announced · $1.2 billion · effective 2025-06"; empty when it says none of them.
 */
function eventStructure(event) {
  return [event.status, event.amount && event.amount.text,
    event.effectiveDate && `effective ${event.effectiveDate}`].filter(Boolean).join(' · ');
}

/**
 * When a fact held, as its sources give it: "former, from 2019 until 2024", "from 2019",
 * "until 2024", "former"; empty for a fact stated as current and without dates.
 */
function factTime(time) {
  const dates = [time.start ? `from ${time.start}` : null, time.end ? `until ${time.end}` : null]
    .filter(Boolean).join(' ');
  return [time.former ? 'former' : null, dates].filter(Boolean).join(', ');
}

/** A fact's time in brackets after it, marked so that a former fact can be told at a glance. */
function factTimeSpan(time) {
  const text = factTime(time);
  return text ? el('span', { class: 'fact-time' + (time.former ? ' former' : ''),
    text: ` (${text})` }) : null;
}

// ---------------------------------------------------------------------------------------------
// Entity page

async function entityPage(id, parameters) {
  let entity;
  try {
    entity = await api('/api/entities/' + entityPath(id));
  } catch (error) {
    // The plain id of a name that several people share answers with the choice of them.
    if (error.status !== 300 || !error.body) throw error;
    return namesakesPage(error.body);
  }
  const me = entity.entity;
  document.title = me.name + ' - Newsgraph';
  const aliases = entity.aliases.filter(alias => alias !== me.name);
  const wikipedia = (entity.sameAs || []).find(iri => iri.startsWith('https://en.wikipedia.org/wiki/'));
  show(
    el('h1', {}, me.name, ' ', typeBadge(me.type)),
    aliases.length ? el('p', { class: 'aliases' }, 'Also called: ', aliases.join(', ')) : null,
    wikipedia ? el('p', { class: 'aliases' }, 'Wikipedia: ',
      el('a', { href: wikipedia, rel: 'noopener', text: decodeURIComponent(wikipedia.split('/wiki/')[1]).replaceAll('_', ' ') })) : null,
    entityTools(entity),
    el('div', { class: 'columns' },
      el('div', {}, section('Facts', factGroups(entity.facts, me.id, factReview())),
        section('Events', eventList(entity.events)),
        entity.quotes.length ? section('Quotes', quoteList(entity.quotes)) : null,
        section('Articles', articleList(entity.articles))),
      section('Graph', graphView(me, parameters))),
    identityPanel(me));
}

/** The people who share a name, each told apart by an organisation their articles state. */
function namesakesPage(choice) {
  document.title = 'Several people - Newsgraph';
  show(
    el('h1', { text: 'Several people share this name' }),
    el('p', { text: `The articles name more than one person ${choice.id} once stood for,`
      + ' told apart by the organisations the articles state. Which one?' }),
    // They share the name: the id, which carries the organisation, tells them apart.
    el('ul', { class: 'namesakes' }, ...choice.namesakes.map(one =>
      el('li', {}, entityLink(one), ' ', el('code', { text: one.id })))));
}

// ---------------------------------------------------------------------------------------------
// Correcting who is who: the decisions API (/api/decisions) from the entity page

/** Sends a decision; the page is drawn again from the graph as it now is. */
async function decide(decision, form, status) {
  try {
    await api('/api/decisions', { method: 'POST', body: JSON.stringify(decision),
      headers: { 'Content-Type': 'application/json', ...writerHeaders(form) } });
    await route();
  } catch (error) {
    status.replaceChildren(problem(error));
  }
}

/** Whether this server keeps analysts' decisions and takes writes: the page then offers them. */
function decisionsOffered() {
  return !!server && server.writes !== 'DISABLED' && server.decisions;
}

/**
 * Confirming or rejecting the facts of an entity page: the form that carries the API key and the
 * reason, with a sender for each fact's buttons; null where the page offers no decisions.
 */
function factReview() {
  if (!decisionsOffered()) return null;
  const status = el('div', { class: 'decision-status', role: 'status' });
  const reason = el('input', { name: 'reason', placeholder: 'why (optional)', maxlength: 2000 });
  const form = el('form', { class: 'fact-review', onsubmit: event => event.preventDefault() },
    el('label', {}, 'Reason for a confirm or reject: ', reason),
    server.writes === 'CREDENTIALS' ? el('label', {}, ' API key: ', keyField()) : null, status);
  const send = (fact, kind) => decide({ kind, entity: fact.subject.id, relation: fact.relation,
    other: fact.object ? fact.object.id : null, value: fact.object ? null : fact.value,
    reason: reason.value || null }, form, status);
  return { form, send };
}

/** A fact's verdict, if an analyst gave one, and the buttons to give one where they may. */
function factVerdict(fact, review) {
  const confirmed = fact.review && fact.review.verdict === 'confirmed';
  return [
    confirmed ? [' ', el('span', { class: 'confirmed', title: fact.review.reason || '',
      text: `✓ confirmed by ${fact.review.by}, ${fact.review.at.slice(0, 10)}` })] : null,
    review ? [' ', confirmed ? null : el('button', { type: 'button', class: 'confirm',
      text: 'Confirm', title: 'This fact holds', onclick: () => review.send(fact, 'confirm-fact') }),
    ' ', el('button', { type: 'button', class: 'reject', text: 'Reject',
      title: 'This fact does not hold: hide it everywhere',
      onclick: () => review.send(fact, 'reject-fact') })] : null];
}

/** A decision about a fact, as the decisions list says it. */
function factDecisionText(d) {
  return `${d.kind === 'reject-fact' ? 'rejected' : 'confirmed'}: ${d.entity} ${words(d.relation)} `
    + (d.other || d.value);
}

/**
 * "Who is this?": merge another entity into this one, keep one apart from it, rename it, answer the
 * review queue's pairs that involve it, and undo the decisions made about it.
 */
function identityPanel(me) {
  if (!decisionsOffered()) return null;
  const status = el('div', { class: 'decision-status', role: 'status' });
  const reason = el('input', { name: 'reason', placeholder: 'why (optional)', maxlength: 2000 });
  const found = el('ul', { class: 'identity-matches' });
  const find = el('input', { type: 'search', name: 'other', autocomplete: 'off',
    placeholder: 'another entity’s name', 'aria-label': 'another entity' });
  const form = el('form', { class: 'identity', onsubmit: event => event.preventDefault() });
  const pair = (other, kind) => decide(
    kind === 'merge' ? { kind, entity: other.id, other: me.id, reason: reason.value || null }
      : { kind, entity: me.id, other: other.id, reason: reason.value || null }, form, status);
  const choices = other => [
    el('button', { type: 'button', class: 'merge', text: 'Same as this one',
      title: 'Merge ' + other.name + ' into ' + me.name, onclick: () => pair(other, 'merge') }),
    ' ',
    el('button', { type: 'button', class: 'not-same', text: 'Not the same',
      onclick: () => pair(other, 'not-same') })];
  namesWhileTyping(find, found, 6, me.id, others => others.map(other =>
    el('li', { 'data-id': other.id }, entityLink(other), ' ', typeBadge(other.type), ' ',
      ...choices(other))));
  const name = el('input', { name: 'name', value: me.name, maxlength: 200,
    'aria-label': 'new name' });
  const queue = el('ul', { class: 'identity-queue' });
  const made = el('ul', { class: 'identity-decisions' });
  form.append(...[
    el('label', {}, 'This is the same as, or not the same as: ', find), found,
    el('label', {}, 'Shown as: ', name, ' ', el('button', { type: 'button', class: 'rename',
      text: 'Rename', onclick: () => decide({ kind: 'rename', entity: me.id,
        name: name.value, reason: reason.value || null }, form, status) })),
    el('label', {}, 'Reason: ', reason),
    server && server.writes === 'CREDENTIALS' ? el('label', {}, 'API key: ', keyField()) : null,
    el('h3', { text: 'Possibly the same (review queue)' }), queue,
    el('h3', { text: 'Decisions about it' }), made, status].filter(Boolean));
  // The pairs and decisions that involve this entity, asked for when the panel is first opened.
  const load = () => api('/api/decisions/candidates?' + query({ entity: me.id, limit: 500 })).then(page => {
    const pairs = page.items;
    queue.replaceChildren(...(pairs.length ? pairs.map(c => {
      const other = c.first.id === me.id ? c.second : c.first;
      return el('li', { 'data-id': other.id, title: c.reason }, entityLink(other), ' ',
        el('span', { class: 'rule', text: c.reason }), ' ', ...choices(other));
    }) : [el('li', { text: 'None.' })]));
  }, error => queue.replaceChildren(el('li', {}, problem(error))));
  const loadDecisions = () => api('/api/decisions').then(decisions => {
    const mine = decisions.filter(d => d.entity === me.id || d.other === me.id);
    made.replaceChildren(...(mine.length ? mine.map(d => el('li', { 'data-kind': d.kind },
      d.kind === 'rename' ? `renamed to “${d.name}”`
        : d.kind === 'merge' ? `${d.entity} merged into ${d.other}`
        : d.kind === 'not-same' ? `${d.entity} is not ${d.other}` : factDecisionText(d),
      ` by ${d.by}, ${d.at.slice(0, 10)}`, d.reason ? ` (${d.reason})` : '', ' ',
      // Undoing a rejection shows the fact again: a restore.
      el('button', { type: 'button', class: 'undo',
        text: d.kind === 'reject-fact' ? 'Restore' : 'Undo', onclick: async () => {
        try {
          await api('/api/decisions/' + encodeURIComponent(d.id),
            { method: 'DELETE', headers: writerHeaders(form) });
          await route();
        } catch (error) {
          status.replaceChildren(problem(error));
        }
      } }))) : [el('li', { text: 'None.' })]));
  }, error => made.replaceChildren(el('li', {}, problem(error))));
  let loaded = false;
  const panel = el('details', { class: 'identity-panel', ontoggle: () => {
    if (!panel.open || loaded) return;
    loaded = true;
    load();
    loadDecisions();
  } }, el('summary', { text: 'Who is this? Correct it' }), form);
  return panel;
}

function factGroups(facts, centre, review) {
  if (!facts.length) return el('p', { text: 'No facts.' });
  const groups = new Map();
  for (const fact of facts) {
    const key = fact.relation;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(fact);
  }
  return el('div', { class: 'facts' }, [...groups].map(([relation, group]) => el('div',
    { class: 'fact-group', 'data-relation': relation },
    el('h3', { text: words(relation) }),
    el('ul', {}, group.map(fact => el('li', { class: 'fact' },
      fact.subject.id === centre ? null : [entityLink(fact.subject), ' '],
      el('span', { class: 'relation', text: fact.subject.id === centre ? '→ ' : '← ' }),
      fact.object ? (fact.object.id === centre ? null : entityLink(fact.object))
        : el('span', { class: 'value', text: fact.value }),
      factTimeSpan(fact), ' ', confidence(fact.confidence), ' ', factSources(fact),
      factVerdict(fact, review)))))), review ? review.form : null);
}

/** The link to a source's sentence, highlighted on its article's page. */
function sourceLink(source, text) {
  return el('a', { class: 'source', title: source.sentence,
    href: articleHref(source.article.id, source.sentenceStart, source.sentenceEnd), text });
}

/** A fact's one sentence as a link, or its sources under "N sources", each sentence a link. */
function factSources(fact) {
  if (fact.sources.length === 1) return sourceLink(fact.sources[0], 'sentence');
  const count = `${fact.sources.length} sources`
    + (fact.articles > 1 ? ` · ${fact.articles} articles` : '');
  return el('details', { class: 'sources' }, el('summary', { text: count }),
    el('ol', {}, fact.sources.map(source => el('li', {},
      sourceLink(source, source.article.title || source.article.id), ' ',
      el('q', { text: source.sentence }), factTimeSpan(source), ' ',
      confidence(source.confidence)))));
}

function quoteList(quotes) {
  return el('ul', { class: 'quotes' }, quotes.map(quote => el('li', {},
    el('q', { text: quote.text }), ' ',
    el('a', { class: 'source', href: articleHref(quote.evidence.article.id, quote.start, quote.end),
      text: quote.evidence.article.title || quote.evidence.article.id }))));
}

// ---------------------------------------------------------------------------------------------
// Graph view: an entity's neighbourhood, drawn by Cytoscape.js

const TYPE_COLOURS = { Person: '#2563eb', Organization: '#c2410c', Place: '#15803d',
  Product: '#7c3aed' };

/** How entity graphs are drawn: the entity page's neighbourhood and the paths page alike. */
const GRAPH_STYLE = [
  { selector: 'node', style: { label: 'data(label)', 'background-color': 'data(colour)',
    color: '#1f2937', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3,
    width: 22, height: 22 } },
  { selector: 'node.centre', style: { width: 32, height: 32, 'border-width': 3,
    'border-color': '#111827' } },
  { selector: 'edge', style: { label: 'data(label)', 'font-size': 8, color: '#4b5563',
    width: 1.5, 'line-color': '#9ca3af', 'target-arrow-color': '#9ca3af',
    'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'text-rotation': 'autorotate',
    'text-background-color': '#ffffff', 'text-background-opacity': 0.8 } },
  { selector: 'node.event', style: { shape: 'round-diamond', 'background-color': '#d97706',
    width: 20, height: 20, 'text-wrap': 'wrap', 'font-size': 9, color: '#92400e',
    'text-background-color': '#ffffff', 'text-background-opacity': 0.8 } },
  { selector: 'edge.role', style: { 'line-style': 'dashed', 'line-color': '#d97706',
    'target-arrow-color': '#d97706', color: '#92400e' } },
  { selector: 'edge.quiet', style: { label: '' } },
  { selector: '.hidden', style: { display: 'none' } }];

// fCoSE, a force-directed layout that sizes nodes with their labels, comes from its webjar (with
// the two libraries it is built on) and registers itself when Cytoscape is loaded first; it is
// registered here if it did not.
if (!cytoscape('layout', 'fcose')) cytoscape.use(cytoscapeFcose);

/**
 * Lays an entity graph out so that no two nodes' labels overlap: fCoSE counts each node as its
 * circle and its label together, and keeps these boxes apart. Its own spacing (edges of 50 px,
 * its default repulsion) is then enough; more spread the demo's graphs so wide that the fitted
 * labels became too small to read. "proof" is its slow cooling, cheap at a few hundred nodes.
 */
function labelledLayout(cy) {
  return cy.layout({ name: 'fcose', quality: 'proof', animate: false,
    nodeDimensionsIncludeLabels: true, packComponents: false, padding: 20 });
}

/**
 * Pushes apart the nodes whose boxes, labels included, still overlap after a layout (fCoSE counts
 * labels as part of the nodes but does not promise that no two touch, and a long name beside
 * another can), each pair along the axis where they overlap less, and moves each node off any
 * edge's label that covers it (the layouts do not see edge labels at all): an edge's own end away
 * from the other end, which lengthens the edge, any other node aside. Until nothing overlaps, or
 * for at most 100 rounds; then fits the graph to its frame again. A few dozen nodes take a few
 * rounds.
 */
function separateLabels(cy) {
  const gap = 2;
  for (let round = 0; round < 100; round++) {
    const pushed = pushNodesApart(cy, gap);
    if (!pushOffEdgeLabels(cy, gap) && !pushed) break;
  }
  // The edges' pushes can undo the nodes' (a node between two edges whose labels cover it): the
  // nodes alone again, which always settle, and the edge labels still over a node are left out;
  // the list of relations under the graph names them all.
  for (let round = 0; round < 100 && pushNodesApart(cy, gap); round++);
  cy.edges('.quiet').removeClass('quiet');
  cy.edges(':visible[label]').forEach(edge => {
    const label = edgeLabelBox(edge);
    if (label && cy.nodes(':visible').some(node => {
      const q = node.boundingBox({ includeLabels: true });
      return label.x1 < q.x2 && q.x1 < label.x2 && label.y1 < q.y2 && q.y1 < label.y2;
    })) edge.addClass('quiet');
  });
  cy.fit(undefined, 20);
}

/** One round of pushing apart the visible nodes whose boxes overlap; says whether any moved. */
function pushNodesApart(cy, gap) {
  const boxes = cy.nodes(':visible').map(node => [node, node.boundingBox({ includeLabels: true })]);
  let moved = false;
  boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
    const width = Math.min(p.x2, q.x2) - Math.max(p.x1, q.x1);
    const height = Math.min(p.y2, q.y2) - Math.max(p.y1, q.y1);
    if (width <= 0 || height <= 0) return;
    moved = true;
    const horizontal = width < height;
    const before = horizontal ? p.x1 + p.x2 <= q.x1 + q.x2 : p.y1 + p.y2 <= q.y1 + q.y2;
    const half = ((horizontal ? width : height) + gap) / 2 * (before ? 1 : -1);
    const axis = horizontal ? 'x' : 'y';
    a.position(axis, a.position(axis) - half);
    b.position(axis, b.position(axis) + half);
  }));
  return moved;
}

/**
 * One round of moving nodes off the edge labels that cover them: an edge's own end away from its
 * other end, any other node aside; says whether any moved.
 */
function pushOffEdgeLabels(cy, gap) {
  let moved = false;
  cy.edges(':visible[label]').forEach(edge => {
    const label = edgeLabelBox(edge);
    if (!label) return;
    cy.nodes(':visible').forEach(node => {
      const q = node.boundingBox({ includeLabels: true });
      const width = Math.min(label.x2, q.x2) - Math.max(label.x1, q.x1);
      const height = Math.min(label.y2, q.y2) - Math.max(label.y1, q.y1);
      if (width <= 0 || height <= 0) return;
      moved = true;
      const other = edge.source().same(node) ? edge.target()
        : edge.target().same(node) ? edge.source() : null;
      if (other) {
        // The label is halfway along the edge: moving this end by s moves it by s / 2.
        const dx = node.position('x') - other.position('x');
        const dy = node.position('y') - other.position('y');
        const length = Math.hypot(dx, dy) || 1;
        const step = 2 * (Math.abs(dx) / length * width + Math.abs(dy) / length * height + gap);
        node.position({ x: node.position('x') + dx / length * step,
          y: node.position('y') + dy / length * step });
      } else {
        const horizontal = width < height;
        const axis = horizontal ? 'x' : 'y';
        const after = horizontal ? q.x1 + q.x2 >= label.x1 + label.x2
          : q.y1 + q.y2 >= label.y1 + label.y2;
        node.position(axis, node.position(axis) + ((horizontal ? width : height) + gap)
          * (after ? 1 : -1));
      }
    });
  });
  return moved;
}

/** The box an edge's label takes on the graph, as Cytoscape measures it; null for no label. */
function edgeLabelBox(edge) {
  const box = edge.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true,
    includeOverlays: false, includeUnderlays: false });
  return box.w > 0 && box.h > 0 ? box : null;
}

/**
 * A node for an event, apart from the entities by its shape and colour, labelled with its type,
 * status and amount ("Acquisition · announced · $1.2 billion") and its date; it leads to the
 * sentence that reports it.
 */
function eventNode(event) {
  const source = event.evidence;
  const title = [words(event.type), event.status, event.amount && event.amount.text]
    .filter(Boolean).join(' · ');
  return { group: 'nodes', classes: 'event', data: { id: event.iri, type: 'Event',
    label: `${title}\n${event.date || 'undated'}`, date: event.date || '',
    href: articleHref(source.article.id, source.sentenceStart, source.sentenceEnd) } };
}

/** Where a click on a node of the entity graph leads: an entity's page, or an event's sentence. */
function nodeHref(node) {
  return node.data('href') || entityHref(node.id());
}

/**
 * Whether a date (YYYY, YYYY-MM or YYYY-MM-DD) is known to lie outside the days from and to
 * (YYYY-MM-DD, either empty for no bound): a year or a month is outside only when all of it is.
 */
function outsideDates(date, from, to) {
  return outsideSpan(date, date, from, to);
}

/**
 * Whether a time from start to end (each YYYY, YYYY-MM or YYYY-MM-DD, either empty when not known)
 * is known to lie outside the days from and to: a fact that ended before from, or started after to.
 */
function outsideSpan(start, end, from, to) {
  const first = !start ? '' : start.length === 4 ? start + '-01-01'
    : start.length === 7 ? start + '-01' : start;
  const last = !end ? '' : end.length === 4 ? end + '-12-31' : end.length === 7 ? end + '-31' : end;
  return (!!from && !!last && last < from) || (!!to && !!first && first > to);
}

/** A node of an entity graph, coloured by the entity's type. */
function entityNode(entity) {
  return { group: 'nodes', data: { id: entity.id, label: entity.name, type: entity.type,
    colour: TYPE_COLOURS[entity.type] || '#6b7280' } };
}

/** A number with its noun, singular for one: "1 event", "3 events". */
function counted(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Cytoscape keeps where its container is on the screen and forgets it only when the container is
 * resized or scrolled. Parts of a page that load after the graph (facts, events, new relations'
 * boxes) move it down without either, and clicks would then land as if it were still where it
 * was; so it is told to measure again at every press.
 */
function followMoves(cy, canvas) {
  canvas.addEventListener('pointerdown', () => cy.resize(), { capture: true });
}

function graphView(centre, parameters = new URLSearchParams()) {
  const asked = graphState(parameters);
  const canvas = el('div', { id: 'graph', class: 'graph', role: 'img',
    'aria-label': `The entities around ${centre.name}` });
  const depth = el('select', { id: 'graph-depth', 'aria-label': 'Depth' },
    [1, 2, 3].map(d => el('option', { value: d, selected: d === asked.depth,
      text: `depth ${d}` })));
  const relations = el('fieldset', { class: 'relation-filter' }, el('legend', { text: 'Relations' }));
  const types = el('fieldset', { class: 'type-filter' }, el('legend', { text: 'Types' }),
    [...TYPES, 'Event'].map(type => el('label', {}, el('input', { type: 'checkbox', value: type,
      checked: !asked.types || asked.types.includes(type), onchange: () => applyFilters() }),
    ' ', words(type))));
  const dates = ['from', 'to'].map(end => el('label', {}, `${end} `, el('input', { type: 'date',
    id: `graph-${end}`, name: end, value: asked[end] || '', onchange: () => applyFilters() })));
  const time = el('fieldset', { class: 'time-filter',
    title: 'Hides the events, and the relations whose sources date them, wholly outside these days' },
  el('legend', { text: 'Events between' }), dates);
  const listing = el('ul', { id: 'graph-list', class: 'graph-list' });
  const status = el('p', { class: 'graph-status' });
  // Cytoscape measures its container, so it starts once the view is on the page.
  let cy = null;

  function add(neighbourhood) {
    const added = [];
    for (const node of neighbourhood.nodes) {
      const entity = node.entity;
      if (cy.getElementById(entity.id).empty()) added.push(entityNode(entity));
    }
    cy.add(added);
    addEvents(neighbourhood.events);
    for (const edge of neighbourhood.edges) {
      const id = `${edge.source} ${edge.relation} ${edge.target}`;
      if (cy.getElementById(id).empty()) {
        // A former relation says so on its label; its dates, where known, let the time filter
        // hide it.
        cy.add({ group: 'edges', data: { id, source: edge.source, target: edge.target,
          label: words(edge.relation) + (edge.former ? ' (former)' : ''), relation: edge.relation,
          start: edge.start || '', end: edge.end || '' } });
      }
    }
    cy.getElementById(centre.id).addClass('centre');
    canvas.dataset.drawn = 'false';
    const layout = labelledLayout(cy);
    layout.one('layoutstop', () => {
      separateLabels(cy);
      canvas.dataset.drawn = 'true';
    });
    layout.run();
    status.textContent = `${counted(cy.nodes('[type != "Event"]').length, 'entity', 'entities')},`
      + ` ${counted(cy.nodes('.event').length, 'event', 'events')},`
      + ` ${counted(cy.edges().length, 'relation', 'relations')}`
      + (neighbourhood.truncated ? ' (the nearest ones only)' : '')
      + '. Click an entity to open it; right-click or long-press it to expand it here'
      + ' or to find a path to it. Click an event to read the sentence that reports it.';
    refreshRelations();
    cy.resize();
    applyFilters();
  }

  /**
   * Draws each event once, joined to each of its participants (drawn too when the neighbourhood
   * did not reach them, so that no event loses a side) by an edge named with the participant's
   * role where the API gives one.
   */
  function addEvents(events) {
    for (const event of events) {
      if (!cy.getElementById(event.iri).empty()) continue;
      cy.add(eventNode(event));
      for (const participant of event.participants) {
        if (cy.getElementById(participant.id).empty()) cy.add(entityNode(participant));
        // A plain participant (one whose role says no more than the types) is named as such.
        cy.add({ group: 'edges', classes: 'role', data: {
          id: `${event.iri} participant ${participant.id}`, source: event.iri,
          target: participant.id, label: participant.role || 'participant',
          relation: 'participant' } });
      }
    }
  }

  function refreshRelations() {
    const present = [...new Set(cy.edges().map(edge => edge.data('relation')))].sort();
    const known = new Set([...relations.querySelectorAll('input')].map(input => input.value));
    for (const relation of present.filter(r => !known.has(r))) {
      relations.append(el('label', {}, el('input', { type: 'checkbox', value: relation,
        checked: !asked.relations || asked.relations.includes(relation),
        onchange: () => applyFilters() }), ' ', words(relation)));
    }
  }

  function applyFilters() {
    const shownTypes = new Set([...types.querySelectorAll('input:checked')].map(i => i.value));
    const shownRelations = new Set(
      [...relations.querySelectorAll('input:checked')].map(i => i.value));
    const [from, to] = dates.map(label => label.querySelector('input').value);
    cy.batch(() => {
      // Events fall outside the dates by their own date; relations by the time their sources give
      // them (those without one stay), and entities stay, since they are not bound to a time.
      cy.nodes().forEach(node => node.toggleClass('hidden',
        node.id() !== centre.id && (!shownTypes.has(node.data('type'))
          || outsideDates(node.data('date'), from, to))));
      cy.edges().forEach(edge => edge.toggleClass('hidden', !shownRelations.has(edge.data('relation'))
        || edge.source().hasClass('hidden') || edge.target().hasClass('hidden')
        || outsideSpan(edge.data('start'), edge.data('end'), from, to)));
    });
    // Cytoscape restyles an element whose class changed only when it next draws (a frame later)
    // or when that element's style is read; until then ':visible' answers as it did before the
    // change. Reading each element's display restyles them now, so that the list below and
    // whatever next asks the graph what it shows see these filters, not the previous ones.
    cy.elements().forEach(element => element.style('display'));
    listing.replaceChildren(...cy.edges(':visible').map(edge => el('li', {},
      el('a', { href: nodeHref(edge.source()), text: edge.source().data('label') }),
      ` ${edge.data('label')} `,
      el('a', { href: nodeHref(edge.target()), text: edge.target().data('label') }))));
    rememberGraph(centre, depth.value, types, relations, { from, to });
  }

  async function load() {
    cy.elements().remove();
    try {
      add(await api(`/api/entities/${entityPath(centre.id)}/neighbourhood?` + query({ depth: depth.value,
        limit: 150, events: true })));
    } catch (error) {
      status.textContent = error.message;
    }
  }

  async function expand(node) {
    try {
      add(await api(`/api/entities/${entityPath(node.id())}/neighbourhood?depth=1&limit=50&events=true`));
    } catch (error) {
      status.textContent = error.message;
    }
  }

  setTimeout(() => {
    cy = cytoscape({ container: canvas, style: GRAPH_STYLE, minZoom: 0.2, maxZoom: 3 });
    canvas.cy = cy;
    followMoves(cy, canvas);
    cy.on('tap', 'node', event => { location.hash = nodeHref(event.target); });
    cy.on('cxttap taphold', 'node[type != "Event"]', event => nodeMenu(menu, event, centre, expand));
    cy.on('tap pan zoom', () => { menu.hidden = true; });
    depth.addEventListener('change', load);
    load();
  }, 0);
  const menu = el('div', { class: 'node-menu', role: 'menu', hidden: true });
  return el('div', { class: 'graph-view' },
    el('div', { class: 'graph-controls' }, depth, types, time, relations),
    el('div', { class: 'graph-frame' }, canvas, menu), status,
    el('p', { class: 'graph-actions' }, copyLink(), ' ',
      exportButton('PNG', 'Download the graph as a picture',
        () => [fileName(centre.id) + '-graph.png', graphPicture(cy)])),
    el('details', {}, el('summary', { text: 'The relations as a list' }), listing));
}

/**
 * The menu a right-click or long-press opens on a node of the entity graph: expand it in place,
 * open it, or find how it connects to the entity at the centre.
 */
function nodeMenu(menu, event, centre, expand) {
  const node = event.target;
  const name = node.data('label');
  const close = () => { menu.hidden = true; };
  menu.replaceChildren(
    el('button', { type: 'button', role: 'menuitem', class: 'expand', text: `Expand ${name} here`,
      onclick: () => { close(); expand(node); } }),
    el('a', { role: 'menuitem', href: entityHref(node.id()), text: `Open ${name}` }),
    node.id() === centre.id ? null : el('a', { role: 'menuitem', class: 'path-to',
      href: pathsHref(centre.id, node.id()), text: `Paths from ${centre.name} to ${name}` }));
  const at = event.renderedPosition || node.renderedPosition();
  menu.style.left = `${Math.round(at.x)}px`;
  menu.style.top = `${Math.round(at.y)}px`;
  menu.hidden = false;
  menu.querySelector('button').focus();
  menu.onkeydown = key => { if (key.key === 'Escape') close(); };
}

// ---------------------------------------------------------------------------------------------
// Paths: how two entities are connected (/api/paths), as a graph and as a list of hops

const PATH_LENGTHS = [1, 2, 3, 4, 5];

function pathsHref(from, to, max) {
  return '#/paths?' + query({ from, to, max });
}

/** A name search whose matches are links, href(entity) each: how a second entity is picked. */
function entityPicker(label, href, exclude) {
  const found = el('ul', { class: 'picker-matches' });
  const input = el('input', { type: 'search', autocomplete: 'off', placeholder: 'a name',
    'aria-label': label });
  namesWhileTyping(input, found, 8, exclude, matches => matches.length
    ? matches.map(entity => el('li', { 'data-id': entity.id },
      el('a', { href: href(entity), text: entity.name }), ' ', typeBadge(entity.type)))
    : [el('li', { text: 'No entity has that name.' })]);
  return el('div', { class: 'picker' }, el('label', {}, label + ' ', input), found);
}

/**
 * Searches entity names as they are typed into an input and lists the matches, but the excluded
 * one, in a list: rows(entities) makes its items. An answer that a later keystroke overtook is
 * dropped; an empty input empties the list.
 */
function namesWhileTyping(input, list, limit, exclude, rows) {
  let request = 0;
  input.addEventListener('input', async () => {
    const mine = ++request;
    const text = input.value.trim();
    if (!text) return list.replaceChildren();
    try {
      const page = await api('/api/entities?' + query({ q: text, limit }));
      if (mine !== request) return;
      list.replaceChildren(...rows(page.items.map(match => match.entity)
        .filter(entity => entity.id !== exclude)));
    } catch (error) {
      list.replaceChildren(el('li', {}, problem(error)));
    }
  });
}

/** What an analyst does from an entity's page besides reading it: find paths from it. */
function entityTools(entity) {
  return el('div', { class: 'entity-tools' }, entityExports(entity), pathFinder(entity.entity));
}

/** "Find a path to…" on an entity's page. */
function pathFinder(me) {
  return el('details', { class: 'path-finder' }, el('summary', { text: 'Find a path to…' }),
    entityPicker(`From ${me.name} to`, other => pathsHref(me.id, other.id), me.id));
}

async function pathsPage(parameters) {
  const from = parameters.get('from') || '';
  const to = parameters.get('to') || '';
  const max = PATH_LENGTHS.includes(Number(parameters.get('max'))) ? Number(parameters.get('max')) : 3;
  document.title = 'Paths - Newsgraph';
  if (!from || !to) {
    show(el('h1', { text: 'Paths between two entities' }),
      el('p', { text: 'Pick the entities: the page shows the shortest chains of relations'
        + ' between them, each step with the sentence that states it.' }),
      from ? el('p', {}, 'From ', el('code', { text: from }))
        : entityPicker('From', entity => pathsHref(entity.id, to, max), to),
      to ? el('p', {}, 'To ', el('code', { text: to }))
        : entityPicker('To', entity => pathsHref(from, entity.id, max), from));
    return;
  }
  let answer;
  try {
    answer = await api('/api/paths?' + query({ from, to, maxLength: max, limit: 10 }));
  } catch (error) {
    if (error.status !== 404) throw error;
    show(el('h1', { text: 'Paths between two entities' }),
      el('p', { class: 'error', role: 'alert', text: await unknownEnds([from, to], error) }));
    return;
  }
  const entities = answer.entities;
  const lengths = el('select', { id: 'path-length', 'aria-label': 'Longest path',
    onchange: () => { location.hash = pathsHref(from, to, lengths.value); } },
  PATH_LENGTHS.map(n => el('option', { value: n, selected: n === max,
    text: `at most ${n} relation${n > 1 ? 's' : ''}` })));
  const heading = el('h1', {}, 'Paths from ', entityLink(answer.from), ' to ', entityLink(answer.to));
  const controls = el('p', { class: 'filters' }, lengths,
    el('a', { href: pathsHref(to, from, max), text: 'The other way round' }), copyLink(),
    answer.paths.length ? exportButton('PNG', 'Download the graph as a picture', () => [
      `paths-${fileName(from)}-to-${fileName(to)}.png`,
      graphPicture(document.getElementById('path-graph').cy)]) : null);
  if (!answer.paths.length) {
    show(heading, controls, el('p', { class: 'no-path', role: 'status', text:
      `No chain of at most ${max} relation${max > 1 ? 's' : ''} connects ${answer.from.name}`
      + ` and ${answer.to.name} in the graph.` }),
    max < 5 ? el('p', {}, el('a', { href: pathsHref(from, to, 5),
      text: 'Look for longer ones, up to 5 relations' })) : null);
    return;
  }
  const canvas = el('div', { id: 'path-graph', class: 'graph', role: 'img',
    'aria-label': `The paths from ${answer.from.name} to ${answer.to.name}` });
  const list = el('ol', { class: 'paths' }, answer.paths.map(path => el('li', {},
    el('ol', { class: 'hops' }, path.map(hop => el('li', { class: 'hop' },
      entityLink(entities[hop.source]), ' ',
      el('span', { class: 'relation', text: words(hop.relation) }), ' ',
      entityLink(entities[hop.target]), ' ',
      hop.evidence ? el('a', { class: 'source', title: hop.evidence.sentence,
        href: articleHref(hop.evidence.article.id, hop.evidence.sentenceStart,
          hop.evidence.sentenceEnd), text: 'sentence' })
        : el('span', { class: 'source', text: 'no sentence stored' })))))));
  show(heading, controls, el('div', { class: 'columns' },
    section('Graph', canvas),
    section(answer.paths.length === 1 ? 'One path' : `${answer.paths.length} paths`, list)));
  drawPaths(canvas, answer);
}

/** Says which of the entities the store does not hold, asking for each in turn. */
async function unknownEnds(ids, error) {
  const unknown = [];
  for (const id of ids) {
    const response = await fetch('/api/entities/' + entityPath(id), { method: 'HEAD' });
    if (response.status === 404 || response.status === 400) unknown.push(id);
  }
  return unknown.length
    ? unknown.map(id => `No entity with the id ${id} is stored.`).join(' ') : error.message;
}

/** Draws every entity and relation on the paths, the two ends marked. */
function drawPaths(canvas, answer) {
  const elements = new Map();
  for (const path of answer.paths) {
    for (const hop of path) {
      for (const id of [hop.source, hop.target]) {
        if (!elements.has(id)) elements.set(id, entityNode(answer.entities[id]));
      }
      const id = `${hop.source} ${hop.relation} ${hop.target}`;
      elements.set(id, { group: 'edges', data: { id, source: hop.source, target: hop.target,
        label: words(hop.relation), relation: hop.relation } });
    }
  }
  const cy = cytoscape({ container: canvas, style: GRAPH_STYLE, minZoom: 0.2, maxZoom: 1.5,
    elements: [...elements.values()] });
  canvas.cy = cy;
  followMoves(cy, canvas);
  cy.getElementById(answer.from.id).addClass('centre');
  cy.getElementById(answer.to.id).addClass('centre');
  cy.on('tap', 'node', event => { location.hash = entityHref(event.target.id()); });
  canvas.dataset.drawn = 'false';
  const layout = cy.layout({ name: 'breadthfirst', roots: cy.getElementById(answer.from.id),
    directed: false, padding: 20, spacingFactor: 1.1, animate: false,
    nodeDimensionsIncludeLabels: true });
  layout.one('layoutstop', () => {
    separateLabels(cy);
    canvas.dataset.drawn = 'true';
  });
  layout.run();
}


// ---------------------------------------------------------------------------------------------
// The page's state in its address, so that a link or a bookmark reopens what the analyst sees

/** A comma-separated list in the address: null when absent (everything), [] for "none". */
function listParameter(parameters, name) {
  const value = parameters.get(name);
  if (value === null) return null;
  return value === 'none' ? [] : value.split(',').filter(Boolean);
}

/** A day (YYYY-MM-DD) in the address, or null when it holds none. */
function dayParameter(parameters, name) {
  const value = parameters.get(name);
  return /^\d{4}-\d{2}-\d{2}$/.test(value || '') ? value : null;
}

/** The entity graph's depth and filters as the address asks for them. */
function graphState(parameters) {
  const depth = Number(parameters.get('depth'));
  return { depth: [1, 2, 3].includes(depth) ? depth : 1, types: listParameter(parameters, 'types'),
    relations: listParameter(parameters, 'relations'), from: dayParameter(parameters, 'from'),
    to: dayParameter(parameters, 'to') };
}

/**
 * Writes the entity graph's depth and filters into the address, leaving out what is as a fresh page
 * has it; the history gains no entry. Nothing is written once the reader has moved on.
 */
function rememberGraph(centre, depth, types, relations, dates) {
  const base = entityHref(centre.id);
  if (location.hash.split('?')[0] !== base) return;
  const shown = fieldset => {
    const all = [...fieldset.querySelectorAll('input')];
    const on = all.filter(input => input.checked).map(input => input.value);
    return on.length === all.length ? null : on.join(',') || 'none';
  };
  const state = query({ depth: depth === '1' ? null : depth, types: shown(types),
    relations: shown(relations), from: dates.from, to: dates.to })
    .replaceAll('%2C', ',');
  history.replaceState(null, '', base + (state ? '?' + state : ''));
}

/** Writes the SPARQL editor's query into the address, while the SPARQL page is open. */
function rememberQuery(text) {
  if (location.hash.split('?')[0] !== '#/sparql') return;
  history.replaceState(null, '', '#/sparql?' + query({ query: text }));
}

/** "Copy link": the address as it is now, to the clipboard, or shown to copy by hand. */
function copyLink() {
  const said = el('span', { class: 'copied', role: 'status' });
  const button = el('button', { type: 'button', class: 'copy-link', text: 'Copy link',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(location.href);
        said.replaceChildren('Link copied');
      } catch (error) {
        // No clipboard (a page not served over HTTPS, or permission refused): the link to copy.
        const field = el('input', { readonly: true, value: location.href, 'aria-label': 'Link' });
        said.replaceChildren(field);
        field.select();
      }
    } });
  return el('span', { class: 'copy' }, button, ' ', said);
}


// ---------------------------------------------------------------------------------------------
// Export: files for spreadsheets and other tools, made from what the API answers

/** Hands a file to the browser to save under the name. */
function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the file when the click is handled; the address is freed well after.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** "person/ada-lovelace" as a file name: "person-ada-lovelace". */
function fileName(id) {
  return id.replaceAll('/', '-');
}

/** A button that makes a file, [name, blob or promise of one], and downloads it. */
function exportButton(label, title, make) {
  const said = el('span', { class: 'export-status', role: 'status' });
  const button = el('button', { type: 'button', class: 'export', text: label, title,
    onclick: async () => {
      said.textContent = '';
      try {
        const [name, blob] = await make();
        download(name, await blob);
      } catch (error) {
        said.textContent = error.message;
        said.classList.add('error');
      }
    } });
  return el('span', { class: 'export-control' }, button, said);
}

/** The whole graph, as drawn, as a PNG picture on white at twice the screen's scale. */
function graphPicture(cy) {
  if (!cy) throw new Error('The graph is not drawn yet.');
  return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
}

/**
 * One CSV field, quoted where it must be. A text starting with = + - @ gets a leading apostrophe,
 * so that a spreadsheet shows it rather than running it as a formula.
 */
function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
}

/** A header and rows as CSV (RFC 4180: lines end with CRLF), UTF-8 with a byte order mark. */
function csv(header, rows) {
  const lines = [header, ...rows].map(row => row.map(csvField).join(',') + '\r\n');
  return new Blob(['\ufeff', ...lines], { type: 'text/csv;charset=utf-8' });
}

/** Every item a listing answers, a page of `limit` at a time, at most `most`. */
async function allItems(path, parameters, limit, most) {
  const items = [];
  while (items.length < most) {
    const page = await api(path + '?' + query({ ...parameters, limit, offset: items.length }));
    items.push(...page.items);
    if (!page.next || !page.items.length) break;
  }
  return items.slice(0, most);
}

/**
 * Every page of a listing as one JSON-LD document: each page asked for as JSON-LD, the next one
 * named by the page's Link header, and their nodes gathered in one @graph under the first page's
 * context, which the server gives every page alike. At most `most` items' pages are read.
 */
async function allLinkedData(path, parameters, limit, most) {
  const nodes = [];
  let context;
  for (let offset = 0; offset < most; offset += limit) {
    const response = await fetch(path + '?' + query({ ...parameters, limit, offset }),
      { headers: { Accept: 'application/ld+json' } });
    if (!response.ok) throw new Error(`The server answered ${response.status}.`);
    const page = await response.json();
    const { '@context': pageContext, '@graph': graph, ...node } = Array.isArray(page)
      ? { '@graph': page } : page;
    if (context === undefined) context = pageContext;
    else if (JSON.stringify(pageContext || null) !== JSON.stringify(context || null)) {
      throw new Error('The pages of the listing give different JSON-LD contexts.');
    }
    nodes.push(...pageBlankNodes(graph || (Object.keys(node).length ? [node] : []), offset));
    if (!/rel="next"/.test(response.headers.get('Link') || '')) break;
  }
  const linked = context === undefined ? { '@graph': nodes }
    : { '@context': context, '@graph': nodes };
  return new Blob([JSON.stringify(linked, null, 2)], { type: 'application/ld+json' });
}

/**
 * A page's JSON-LD with its blank nodes renamed after the page: each page names its own from
 * _:b0, and two pages' _:b0 in one document would be taken for one node.
 */
function pageBlankNodes(value, page) {
  if (Array.isArray(value)) return value.map(item => pageBlankNodes(item, page));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key,
    key === '@id' && typeof item === 'string' && item.startsWith('_:')
      ? `_:page${page}-${item.slice(2)}` : pageBlankNodes(item, page)]));
}

const EVIDENCE_COLUMNS = ['article', 'article_title', 'published', 'sentence'];

function evidenceColumns(evidence) {
  return [evidence.article.id, evidence.article.title, evidence.article.published,
    evidence.sentence];
}

/** An entity's facts as CSV, and the entity as JSON-LD: its triples, as the API gives them. */
function entityExports(entity) {
  const me = entity.entity;
  return el('p', { class: 'exports' }, 'Download: ',
    exportButton('Facts (CSV)',
      'Every fact about ' + me.name + ', how many articles state it, and its surest sentence', () => [
        fileName(me.id) + '-facts.csv',
        csv(['subject', 'subject_id', 'relation', 'object', 'object_id', 'value', 'confidence',
          'articles', ...EVIDENCE_COLUMNS], entity.facts.map(fact => [fact.subject.name,
          fact.subject.id, fact.relation, fact.object && fact.object.name,
          fact.object && fact.object.id, fact.value, fact.confidence, fact.articles,
          ...evidenceColumns(fact.sources[0])]))]),
    ' ',
    exportButton('JSON-LD', 'What the graph says about ' + me.name + ', as linked data',
      async () => {
        const response = await fetch('/api/entities/' + entityPath(me.id),
          { headers: { Accept: 'application/ld+json' } });
        if (!response.ok) throw new Error(`The server answered ${response.status}.`);
        return [fileName(me.id) + '.jsonld',
          new Blob([await response.text()], { type: 'application/ld+json' })];
      }));
}

/** The events the timeline's filter lets through, every page of them, as CSV and as JSON-LD. */
function timelineExport(filter) {
  const named = Object.values(filter).filter(Boolean).join('-');
  return el('p', { class: 'exports' }, exportButton('Download as CSV',
    'Every event the filter lets through', async () => [
      'timeline' + (named ? '-' + named : '') + '.csv',
      csv(['date', 'type', 'participants', 'participant_ids', 'place', 'place_id', 'trigger',
        'confidence', ...EVIDENCE_COLUMNS],
      (await allItems('/api/events', filter, 500, 100000)).map(event => [event.date, event.type,
        event.participants.map(p => p.name).join('; '),
        event.participants.map(p => p.id).join('; '), event.place && event.place.name,
        event.place && event.place.id, event.trigger, event.evidence.confidence,
        ...evidenceColumns(event.evidence)]))]), ' ',
  exportButton('Download as JSON-LD',
    'Every event the filter lets through, each article\'s report of it apart, as linked data',
    async () => ['timeline' + (named ? '-' + named : '') + '.jsonld',
      await allLinkedData('/api/events', filter, 500, 100000)]));
}

/** A search's matches, every page of them, as CSV, and as JSON-LD (their types and names). */
function searchExport(q, type) {
  const named = `search-${slug(q) || 'results'}${type ? '-' + type : ''}`;
  return el('p', { class: 'exports' }, exportButton('Download as CSV', 'Every match', async () => [
    named + '.csv',
    csv(['name', 'id', 'type', 'score'],
      (await allItems('/api/entities', { q, type }, 200, 10200)).map(match => [
        match.entity.name, match.entity.id, match.entity.type, match.score]))]), ' ',
  exportButton('Download as JSON-LD', 'Every match with its type and names, as linked data',
    async () => [named + '.jsonld', await allLinkedData('/api/entities', { q, type }, 200, 10200)]));
}

// ---------------------------------------------------------------------------------------------
// Article page: the text with its mentions marked, and what was extracted from it

async function articlePage(id, parameters) {
  const article = await api('/api/articles/' + encodeURIComponent(id));
  const meta = article.article;
  document.title = (meta.title || meta.id) + ' - Newsgraph';
  const types = new Map(article.entities.map(entity => [entity.id, entity]));
  const text = el('div', { id: 'article-text', class: 'article-text' });
  const render = highlight => {
    text.replaceChildren(markedText(article.text, article.mentions, types, highlight));
    markSearched(text, parameters.get('mark'));
    const mark = text.querySelector('mark:not(.searched)') || text.querySelector('mark.searched');
    if (mark) mark.scrollIntoView({ block: 'center' });
  };
  const selected = /^(\d+)-(\d+)$/.exec(parameters.get('s') || '');
  const highlightOf = evidence => () => {
    history.replaceState(null, '', articleHref(meta.id, evidence.sentenceStart,
      evidence.sentenceEnd));
    render({ start: evidence.sentenceStart, end: evidence.sentenceEnd });
  };
  show(
    el('h1', { text: meta.title || meta.id }),
    el('p', { class: 'byline' }, meta.published ? `Published ${meta.published}` : 'Undated',
      // Only web addresses become links: a javascript: or data: URL stays text.
      article.url ? [' · ', /^https?:\/\//i.test(article.url)
        ? el('a', { href: article.url, rel: 'noopener noreferrer nofollow', text: article.url })
        : el('span', { text: article.url })] : null),
    el('p', { class: 'legend' }, TYPES.map(type => [typeBadge(type), ' '])),
    el('div', { class: 'columns' },
      section('Text', text),
      el('div', {},
        section('Facts', article.facts.length ? el('ul', { class: 'article-facts' },
          article.facts.map(fact => el('li', {},
            el('button', { type: 'button', class: 'fact', onclick: highlightOf(fact.sources[0]),
              title: 'Show the sentence' }, fact.subject.name, ' ',
              el('span', { class: 'relation', text: words(fact.relation) }), ' ',
              fact.object ? fact.object.name : fact.value), factTimeSpan(fact), ' ',
            confidence(fact.confidence),
            // The other sentences of the article that state it, each highlighted by its button.
            fact.sources.slice(1).map((source, i) => [' ', el('button', { type: 'button',
              class: 'also', onclick: highlightOf(source), title: source.sentence,
              text: `sentence ${i + 2}` })])))) : el('p', { text: 'No facts.' })),
        section('Events', eventList(article.events)),
        section('Quotes', article.quotes.length ? el('ul', { class: 'quotes' },
          article.quotes.map(quote => el('li', {}, el('q', { text: quote.text }), ' ',
            el('span', { class: 'speaker' }, '— ', entityLink(quote.speaker)))))
          : el('p', { text: 'No quotes.' })),
        section('Entities', el('ul', { class: 'entities' }, article.entities.map(entity =>
          el('li', {}, entityLink(entity), ' ', typeBadge(entity.type))))))));
  render(selected ? { start: Number(selected[1]), end: Number(selected[2]) } : null);
}

/** The text as text nodes, with links over its mentions and a mark over the highlight. */
function markedText(text, mentions, entities, highlight) {
  const chosen = [];
  let reached = 0;
  for (const mention of mentions) {
    if (mention.start >= reached && mention.end <= text.length && entities.has(mention.entity)) {
      chosen.push(mention);
      reached = mention.end;
    }
  }
  const cuts = new Set([0, text.length]);
  chosen.forEach(m => { cuts.add(m.start); cuts.add(m.end); });
  if (highlight) {
    cuts.add(Math.max(0, Math.min(text.length, highlight.start)));
    cuts.add(Math.max(0, Math.min(text.length, highlight.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  let mention = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    while (mention < chosen.length && chosen[mention].end <= start) mention++;
    let piece = document.createTextNode(text.slice(start, end));
    const inside = chosen[mention];
    if (inside && inside.start <= start && end <= inside.end) {
      const entity = entities.get(inside.entity);
      piece = el('a', { href: entityHref(entity.id), title: `${entity.name} (${entity.type})`,
        class: 'mention type-' + entity.type.toLowerCase() }, piece);
    }
    if (highlight && highlight.start <= start && end <= highlight.end) {
      piece = el('mark', {}, piece);
    }
    fragment.append(piece);
  }
  return fragment;
}

// ---------------------------------------------------------------------------------------------
// Events timeline: timeline.js, loaded after this file, draws it (eventsPage).

// ---------------------------------------------------------------------------------------------
// SPARQL: the YASGUI editor, example queries, results as a table or as a graph

const EXAMPLES = {
  'Who heads which company': `SELECT ?person ?company WHERE {
  ?p ng:heads ?c . ?p rdfs:label ?person . ?c rdfs:label ?company .
} ORDER BY ?company LIMIT 100`,
  'Who competes with whom': `SELECT ?a ?b WHERE {
  ?x ng:competesWith ?y . ?x rdfs:label ?a . ?y rdfs:label ?b . FILTER(STR(?x) < STR(?y))
} LIMIT 100`,
  'Facts with their sentence': `SELECT ?subject ?relation ?object ?sentence ?confidence WHERE {
  ?fact a ng:Assertion ; rdf:subject ?s ; rdf:predicate ?relation ; rdf:object ?o ;
        ng:sentence ?sentence ; ng:confidence ?confidence .
  ?s rdfs:label ?subject . OPTIONAL { ?o rdfs:label ?object }
} ORDER BY DESC(?confidence) LIMIT 50`,
  'Events in time order': `SELECT ?date ?type ?who WHERE {
  ?event a ng:Event ; a ?type ; ng:date ?date ; ng:participant ?p . ?p rdfs:label ?who .
  FILTER(?type != ng:Event)
} ORDER BY ?date LIMIT 100`,
  'Who works where, as a graph': `CONSTRUCT { ?person ng:worksFor ?company . ?person rdfs:label ?a .
  ?company rdfs:label ?b } WHERE {
  ?person ng:worksFor ?company . ?person rdfs:label ?a . ?company rdfs:label ?b .
} LIMIT 200`
};

function loadOnce(tag, attributes) {
  const key = attributes.src || attributes.href;
  if (document.querySelector(`[data-loaded="${key}"]`)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const element = el(tag, { ...attributes, 'data-loaded': key });
    element.addEventListener('load', resolve);
    element.addEventListener('error', () => reject(new Error('could not load ' + key)));
    document.head.append(element);
  });
}

async function sparqlPage(parameters) {
  await Promise.all([
    loadOnce('link', { rel: 'stylesheet', href: 'webjars/zazuko__yasgui/build/yasgui.min.css' }),
    loadOnce('script', { src: 'webjars/zazuko__yasgui/build/yasgui.min.js' })]);
  const prefixes = Object.entries((server && server.prefixes) || {})
    .map(([prefix, iri]) => `PREFIX ${prefix}: <${iri}>`).join('\n');
  const withPrefixes = body => prefixes + '\n\n' + body;
  const editor = el('div', { id: 'yasgui' });
  const graphPanel = el('div', { id: 'sparql-graph', class: 'graph', hidden: true });
  const status = el('p', { class: 'graph-status' });
  show(el('h1', { text: 'SPARQL' }),
    el('p', {}, 'Queries run against ', el('code', { text: location.origin + '/sparql' }),
      ', which any SPARQL 1.1 client can use. The ontology\'s prefixes are declared already.'),
    el('p', { class: 'examples' }, 'Examples: ', Object.keys(EXAMPLES).map(name =>
      el('button', { type: 'button', class: 'example', onclick: () => {
        const tab = yasgui.getTab();
        tab.setQuery(withPrefixes(EXAMPLES[name]));
        tab.getYasqe().query();
      } }, name))),
    editor,
    el('p', {}, el('button', { type: 'button', id: 'show-graph', onclick: () =>
      drawResults(yasgui.getTab().getQuery(), graphPanel, status) }, 'Show the results as a graph'),
    ' ', copyLink()),
    status, graphPanel);
  const yasgui = new Yasgui(editor, {
    requestConfig: { endpoint: '/sparql', method: 'POST' },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: '/sparql' }] },
    yasqe: { value: parameters.get('query') || withPrefixes(EXAMPLES['Who heads which company']),
      autocompleters: ['variables'] }
  });
  window.yasgui = yasgui;
  // A shared query is opened, not run: the reader sees it before anything is sent.
  const yasqe = yasgui.getTab().getYasqe();
  yasqe.on('change', () => rememberQuery(yasqe.getValue()));
  rememberQuery(yasqe.getValue());
}

/**
 * Runs the query again and draws its answer as a graph: a CONSTRUCT's triples, or for a SELECT
 * each row's values linked in column order, each link named by the column it leads to.
 */
async function drawResults(text, panel, status) {
  panel.hidden = false;
  status.textContent = 'Running the query…';
  const response = await fetch('/sparql', { method: 'POST', body: new URLSearchParams({ query: text }),
    headers: { Accept: 'application/sparql-results+json, application/ld+json;q=0.9' } });
  const body = await response.json();
  if (!response.ok) {
    status.textContent = body.detail || response.statusText;
    return;
  }
  const nodes = new Map();
  const edges = [];
  const name = iri => iri.replace(/^.*[/#]/, '');
  const node = (iri, label) => {
    if (!nodes.has(iri)) nodes.set(iri, label || name(iri));
    else if (label) nodes.set(iri, label);
  };
  if (body.results) {
    const id = term => (term.type === 'uri' ? term.value : 'value: ' + term.value);
    for (const row of body.results.bindings) {
      const bound = body.head.vars.filter(v => row[v]);
      bound.forEach(v => node(id(row[v]), row[v].type === 'uri' ? null : row[v].value));
      for (let i = 0; i + 1 < bound.length; i++) {
        edges.push([id(row[bound[i]]), bound[i + 1], id(row[bound[i + 1]])]);
      }
    }
  } else {
    for (const subject of [].concat(body['@graph'] || body)) {
      if (!subject['@id']) continue;
      node(subject['@id']);
      for (const [property, values] of Object.entries(subject)) {
        for (const value of [].concat(values)) {
          if (value && value['@id'] && !property.startsWith('@')) {
            node(value['@id']);
            edges.push([subject['@id'], name(property), value['@id']]);
          } else if (property.endsWith('label') && typeof value === 'string') {
            node(subject['@id'], value);
          } else if (property.endsWith('label') && value && value['@value']) {
            node(subject['@id'], value['@value']);
          }
        }
      }
    }
  }
  const cy = cytoscape({ container: panel,
    elements: [...[...nodes].map(([id, label]) => ({ data: { id, label } })),
      ...edges.map(([source, label, target], i) => ({ data: { id: 'e' + i, source, target, label } }))],
    style: [{ selector: 'node', style: { label: 'data(label)', 'font-size': 10,
      'background-color': '#2563eb', width: 18, height: 18 } },
    { selector: 'edge', style: { label: 'data(label)', 'font-size': 8, 'curve-style': 'bezier',
      'target-arrow-shape': 'triangle', width: 1.5 } }],
    layout: { name: 'cose', animate: false } });
  panel.cy = cy;
  status.textContent = `${nodes.size} nodes, ${edges.length} edges`;
}

// ---------------------------------------------------------------------------------------------
// Adding an article

function addPage() {
  if (server && server.writes === 'DISABLED') {
    show(el('h1', { text: 'Add an article' }), el('p', { class: 'error', text:
      'This server takes no articles: it has no credentials configured for writers'
      + ' (newsgraph.security.api-keys or newsgraph.security.users).' }));
    return;
  }
  const key = keyField();
  const progress = el('div', { class: 'progress', role: 'status' });
  const form = el('form', { id: 'add-article', class: 'add', onsubmit: async event => {
    event.preventDefault();
    const data = new FormData(form);
    const headers = writerHeaders(form);
    const file = data.get('file');
    try {
      if (file && file.size) await upload(file, data, headers, progress);
      else await submit(articleOf(data, data.get('text')), headers, progress);
    } catch (error) {
      progress.replaceChildren(problem(error));
    }
  } },
  el('label', {}, 'Title', el('input', { name: 'title', id: 'article-title' })),
  el('label', {}, 'Id (letters, digits, dashes; from the title when empty)',
    el('input', { name: 'id', id: 'article-id', pattern: '[^/]+' })),
  el('label', {}, 'Published', el('input', { name: 'published', type: 'date' })),
  el('label', {}, 'URL', el('input', { name: 'url', type: 'url' })),
  el('label', {}, 'Text', el('textarea', { name: 'text', id: 'article-body', rows: 14 })),
  el('label', {}, 'Or a file: text, HTML, or JSON lines of articles',
    el('input', { name: 'file', type: 'file', accept: '.txt,.html,.htm,.json,.jsonl,.ndjson' })),
  server && server.writes === 'CREDENTIALS' ? el('label', {}, 'API key', key) : null,
  el('button', { type: 'submit', text: 'Add' }));
  show(el('h1', { text: 'Add an article' }), form, progress);
}

function articleOf(data, text) {
  const title = (data.get('title') || '').trim();
  const id = (data.get('id') || '').trim() || slug(title) || 'article-' + Date.now();
  return { id, text, title: title || null, url: data.get('url') || null,
    published: data.get('published') || null };
}

function slug(text) {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/** Posts one article, waiting out the pipeline's loading; lands on its page. */
async function submit(article, headers, progress) {
  const started = Date.now();
  const tick = setInterval(() => {
    progress.textContent = `Extracting entities, facts and events… ${Math.round(
      (Date.now() - started) / 1000)} s`;
  }, 500);
  try {
    for (;;) {
      try {
        await api('/api/articles', { method: 'POST', body: JSON.stringify(article),
          headers: { 'Content-Type': 'application/json', ...headers } });
        break;
      } catch (error) {
        if (error.status !== 503) throw error;
        progress.textContent = 'The NLP pipeline is still loading; trying again shortly…';
        await new Promise(resolve => setTimeout(resolve, 5000));
      }
    }
  } finally {
    clearInterval(tick);
  }
  location.hash = articleHref(article.id);
}

/** Sends a file: one article from text or HTML, or a batch from JSON lines, followed as a job. */
async function upload(file, data, headers, progress) {
  const content = await file.text();
  if (/\.(jsonl|ndjson|json)$/i.test(file.name)) {
    const job = await api('/api/articles', { method: 'POST', body: content,
      headers: { 'Content-Type': file.name.endsWith('.json') ? 'application/json'
        : 'application/x-ndjson', ...headers } });
    await follow(job, progress);
    return;
  }
  let text = content;
  if (/\.html?$/i.test(file.name)) {
    // DOMParser builds an inert document: nothing in it runs or loads.
    const page = new DOMParser().parseFromString(content, 'text/html');
    page.querySelectorAll('script, style, noscript, template').forEach(node => node.remove());
    text = (page.body ? page.body.innerText || page.body.textContent : '').trim();
    if (!data.get('title') && page.title) data.set('title', page.title);
  }
  await submit(articleOf(data, text), headers, progress);
}

async function follow(job, progress) {
  const bar = el('progress', { max: job.total, value: 0 });
  const line = el('span');
  progress.replaceChildren(bar, ' ', line);
  let first = null;
  for (;;) {
    bar.value = job.done + job.failed;
    line.textContent = `${job.done} of ${job.total} stored, ${job.failed} failed`
      + (job.secondsLeft ? `, about ${job.secondsLeft} s left` : '');
    if (job.state === 'DONE') break;
    await new Promise(resolve => setTimeout(resolve, 1000));
    job = await api('/api/jobs/' + encodeURIComponent(job.id));
  }
  if (job.errors.length) progress.append(el('ul', {}, job.errors.map(e => el('li', { text: e }))));
  const latest = await api('/api/articles?limit=1');
  first = latest.items[0];
  if (first) progress.append(' ', el('a', { href: articleHref(first.id), text: 'Open the latest' }));
}

// ---------------------------------------------------------------------------------------------
// The review queue: the facts and the "possibly the same" pairs that most need an analyst's look

const REVIEW_PAGE = 50;

/** The Review link in the header, shown where the page offers decisions. */
function showReviewLink() {
  document.getElementById('review-link').hidden = !decisionsOffered();
}

/**
 * The facts without a verdict, least confident first, and the pairs of entities that may be one,
 * those touching the most facts first; each answer is sent and the page drawn again from the
 * graph, where the item answered is no longer waiting.
 */
async function reviewPage(parameters) {
  const factsFrom = Math.max(0, parseInt(parameters.get('facts') || '0', 10) || 0);
  const pairsFrom = Math.max(0, parseInt(parameters.get('pairs') || '0', 10) || 0);
  const [facts, pairs] = await Promise.all([
    api('/api/decisions/facts?' + query({ limit: REVIEW_PAGE, offset: factsFrom })),
    api('/api/decisions/candidates?' + query({ limit: REVIEW_PAGE, offset: pairsFrom }))]);
  document.title = 'Review - Newsgraph';
  const review = factReview();
  const status = el('div', { class: 'decision-status', role: 'status' });
  const pairDecision = (kind, entity, other) => decide({ kind, entity: entity.id, other: other.id,
    reason: review.form.querySelector('input[name=reason]').value || null }, review.form, status);
  const more = (name, page, from) => [
    from > 0 ? el('a', { class: 'more', href: '#/review?' + query({ facts: factsFrom,
      pairs: pairsFrom, [name]: Math.max(0, from - REVIEW_PAGE) }), text: 'Previous' }) : null,
    ' ',
    page.next ? el('a', { class: 'more', href: '#/review?' + query({ facts: factsFrom,
      pairs: pairsFrom, [name]: from + REVIEW_PAGE }), text: 'Next' }) : null];
  show(
    el('h1', { text: 'Review' }),
    el('p', { class: 'aliases', text: 'What most needs a look: facts no analyst has confirmed or'
      + ' rejected, the least confident first, and entities that may be one, those in the most'
      + ' facts first.' }),
    review ? review.form : null, status,
    el('div', { class: 'columns' },
      section('Facts to check',
        facts.items.length ? el('ul', { class: 'review-facts' }, facts.items.map(item =>
          reviewFact(item, review))) : el('p', { class: 'empty', text: 'No facts wait for a look.' }),
        more('facts', facts, factsFrom)),
      section('Possibly the same',
        pairs.items.length ? el('ul', { class: 'review-pairs' }, pairs.items.map(pair =>
          reviewPair(pair, review ? pairDecision : null)))
          : el('p', { class: 'empty', text: 'No pairs wait for a decision.' }),
        more('pairs', pairs, pairsFrom))));
}

/** A fact waiting for a verdict, with its sources and, where the page offers them, its buttons. */
function reviewFact(item, review) {
  const fact = item.fact;
  return el('li', { class: 'fact', 'data-relation': fact.relation,
    'data-subject': fact.subject.id, 'data-object': fact.object ? fact.object.id : fact.value },
    entityLink(fact.subject), ' ', el('span', { class: 'relation', text: words(fact.relation) }),
    ' ', fact.object ? entityLink(fact.object) : el('span', { class: 'value', text: fact.value }),
    ' ', confidence(fact.confidence), ' ', factSources(fact), ' ',
    el('span', { class: 'reach', text: factCount(item.facts),
      title: 'facts its subject and object take part in' }),
    factVerdict(fact, review));
}

function factCount(n) {
  return n === 1 ? '1 fact' : `${n} facts`;
}

/**
 * A pair that may be one entity, with "Same" (the shorter name merged into the longer, which says
 * more) and "Not the same" where the page offers them.
 */
function reviewPair(pair, send) {
  const [merged, kept] = pair.first.name.length <= pair.second.name.length
    ? [pair.first, pair.second] : [pair.second, pair.first];
  return el('li', { class: 'pair', 'data-first': pair.first.id, 'data-second': pair.second.id },
    entityLink(pair.first), ' and ', entityLink(pair.second), ' ',
    el('span', { class: 'rule', text: pair.reason }), ' ',
    el('span', { class: 'reach', text: factCount(pair.facts),
      title: 'facts the two take part in' }),
    send ? [' ', el('button', { type: 'button', class: 'merge', text: 'Same',
      title: 'Merge ' + merged.name + ' into ' + kept.name,
      onclick: () => send('merge', merged, kept) }), ' ',
    el('button', { type: 'button', class: 'not-same', text: 'Not the same',
      onclick: () => send('not-same', pair.first, pair.second) })] : null);
}

// ---------------------------------------------------------------------------------------------
// Routing

async function route() {
  const [path, search] = location.hash.replace(/^#/, '').split('?');
  const parameters = new URLSearchParams(search || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  document.title = 'Newsgraph';
  document.querySelectorAll('.links a').forEach(link =>
    link.classList.toggle('current', link.getAttribute('href') === '#/' + (parts[0] || '')));
  try {
    if (parts[0] === 'entity' && parts.length === 3) {
      await entityPage(parts[1] + '/' + parts[2], parameters);
    } else if (parts[0] === 'article' && parts.length === 2) {
      await articlePage(parts[1], parameters);
    } else if (parts[0] === 'search') {
      await searchPage(parameters);
    } else if (parts[0] === 'events') {
      await eventsPage(parameters);
    } else if (parts[0] === 'paths') {
      await pathsPage(parameters);
    } else if (parts[0] === 'sparql') {
      await sparqlPage(parameters);
    } else if (parts[0] === 'review') {
      await reviewPage(parameters);
    } else if (parts[0] === 'add') {
      addPage();
    } else {
      await homePage();
    }
  } catch (error) {
    show(el('h1', { text: error.status === 404 ? 'Not found' : 'Something went wrong' }),
      problem(error));
  }
}

window.addEventListener('hashchange', route);
api('/api/server').then(info => { server = info; }, () => {}).finally(() => {
  if (server && server.writes === 'DISABLED') document.getElementById('add-link').hidden = true;
  showReviewLink();
  route();
});
