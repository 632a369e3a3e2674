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
  const page = await api('/api/entities?' + query({ q, type, limit: 20, offset }));
  const filter = el('p', { class: 'filters' }, 'Type: ',
    ['', ...TYPES].map(t => el('a', { href: '#/search?' + query({ q, type: t }),
      class: t === type ? 'current' : null, text: t ? words(t) : 'any' })));
  const list = el('ol', { class: 'results', start: offset + 1 }, page.items.map(match =>
    el('li', {}, entityLink(match.entity), ' ', typeBadge(match.entity.type))));
  const more = page.next
    ? el('a', { class: 'more', href: '#/search?' + query({ q, type, offset: offset + 20 }),
      text: 'More results' }) : null;
  show(el('h1', { text: `Search: ${q}` }), filter,
    page.items.length ? list : el('p', { text: 'Nothing in the graph has that name.' }), more);
}

// ---------------------------------------------------------------------------------------------
// Home

async function homePage() {
  const [stats, articles, events] = await Promise.all([api('/api/stats'),
    api('/api/articles?limit=10'), api('/api/events?limit=8')]);
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
      section('Latest articles', articleList(articles.items)),
      section('Events', eventList(events.items))));
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
    el('span', { class: 'participants' }, event.participants.map(p => [entityLink(p), ' '])),
    event.place ? el('span', { class: 'place' }, 'in ', entityLink(event.place)) : null,
    el('a', { class: 'source', title: event.evidence.sentence,
      href: articleHref(event.evidence.article.id, event.evidence.sentenceStart,
        event.evidence.sentenceEnd), text: 'source' }))));
}

// ---------------------------------------------------------------------------------------------
// Entity page

async function entityPage(id) {
  const entity = await api('/api/entities/' + entityPath(id));
  const me = entity.entity;
  document.title = me.name + ' - Newsgraph';
  const aliases = entity.aliases.filter(alias => alias !== me.name);
  const wikipedia = (entity.sameAs || []).find(iri => iri.startsWith('https://en.wikipedia.org/wiki/'));
  show(
    el('h1', {}, me.name, ' ', typeBadge(me.type)),
    aliases.length ? el('p', { class: 'aliases' }, 'Also called: ', aliases.join(', ')) : null,
    wikipedia ? el('p', { class: 'aliases' }, 'Wikipedia: ',
      el('a', { href: wikipedia, rel: 'noopener', text: decodeURIComponent(wikipedia.split('/wiki/')[1]).replaceAll('_', ' ') })) : null,
    el('div', { class: 'columns' },
      el('div', {}, section('Facts', factGroups(entity.facts, me.id, factReview())),
        section('Events', eventList(entity.events)),
        entity.quotes.length ? section('Quotes', quoteList(entity.quotes)) : null,
        section('Articles', articleList(entity.articles))),
      section('Graph', graphView(me))),
    identityPanel(me));
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
  let request = 0;
  find.addEventListener('input', async () => {
    const mine = ++request;
    const text = find.value.trim();
    if (!text) return found.replaceChildren();
    try {
      const page = await api('/api/entities?' + query({ q: text, limit: 6 }));
      if (mine !== request) return;
      found.replaceChildren(...page.items.map(m => m.entity).filter(e => e.id !== me.id)
        .map(other => el('li', { 'data-id': other.id }, entityLink(other), ' ',
          typeBadge(other.type), ' ', ...choices(other))));
    } catch (error) {
      found.replaceChildren(el('li', {}, problem(error)));
    }
  });
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
      ' ', confidence(fact.confidence), ' ', factSources(fact),
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
      el('q', { text: source.sentence }), ' ', confidence(source.confidence)))));
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

function graphView(centre) {
  const canvas = el('div', { id: 'graph', class: 'graph', role: 'img',
    'aria-label': `The entities around ${centre.name}` });
  const depth = el('select', { id: 'graph-depth', 'aria-label': 'Depth' },
    [1, 2, 3].map(d => el('option', { value: d, text: `depth ${d}` })));
  const relations = el('fieldset', { class: 'relation-filter' }, el('legend', { text: 'Relations' }));
  const types = el('fieldset', { class: 'type-filter' }, el('legend', { text: 'Types' }),
    TYPES.map(type => el('label', {}, el('input', { type: 'checkbox', value: type, checked: true,
      onchange: () => applyFilters() }), ' ', words(type))));
  const listing = el('ul', { id: 'graph-list', class: 'graph-list' });
  const status = el('p', { class: 'graph-status' });
  // Cytoscape measures its container, so it starts once the view is on the page.
  let cy = null;
  const style = [
      { selector: 'node', style: { label: 'data(label)', 'background-color': 'data(colour)',
        color: '#1f2937', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3,
        width: 22, height: 22 } },
      { selector: 'node.centre', style: { width: 32, height: 32, 'border-width': 3,
        'border-color': '#111827' } },
      { selector: 'edge', style: { label: 'data(label)', 'font-size': 8, color: '#4b5563',
        width: 1.5, 'line-color': '#9ca3af', 'target-arrow-color': '#9ca3af',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'text-rotation': 'autorotate',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.8 } },
      { selector: '.hidden', style: { display: 'none' } }];

  function add(neighbourhood) {
    const added = [];
    for (const node of neighbourhood.nodes) {
      const entity = node.entity;
      if (cy.getElementById(entity.id).empty()) {
        added.push({ group: 'nodes', data: { id: entity.id, label: entity.name, type: entity.type,
          colour: TYPE_COLOURS[entity.type] || '#6b7280' } });
      }
    }
    cy.add(added);
    for (const edge of neighbourhood.edges) {
      const id = `${edge.source} ${edge.relation} ${edge.target}`;
      if (cy.getElementById(id).empty()) {
        cy.add({ group: 'edges', data: { id, source: edge.source, target: edge.target,
          label: words(edge.relation), relation: edge.relation } });
      }
    }
    cy.getElementById(centre.id).addClass('centre');
    canvas.dataset.drawn = 'false';
    const layout = cy.layout({ name: 'cose', animate: false, nodeRepulsion: () => 9000,
      idealEdgeLength: () => 90, padding: 20 });
    layout.one('layoutstop', () => { canvas.dataset.drawn = 'true'; });
    layout.run();
    status.textContent = `${cy.nodes().length} entities, ${cy.edges().length} relations`
      + (neighbourhood.truncated ? ' (the nearest ones only)' : '')
      + '. Click an entity to open it; right-click or long-press it to expand it here.';
    refreshRelations();
    applyFilters();
  }

  function refreshRelations() {
    const present = [...new Set(cy.edges().map(edge => edge.data('relation')))].sort();
    const known = new Set([...relations.querySelectorAll('input')].map(input => input.value));
    for (const relation of present.filter(r => !known.has(r))) {
      relations.append(el('label', {}, el('input', { type: 'checkbox', value: relation,
        checked: true, onchange: () => applyFilters() }), ' ', words(relation)));
    }
  }

  function applyFilters() {
    const shownTypes = new Set([...types.querySelectorAll('input:checked')].map(i => i.value));
    const shownRelations = new Set(
      [...relations.querySelectorAll('input:checked')].map(i => i.value));
    cy.batch(() => {
      cy.nodes().forEach(node => node.toggleClass('hidden',
        node.id() !== centre.id && !shownTypes.has(node.data('type'))));
      cy.edges().forEach(edge => edge.toggleClass('hidden', !shownRelations.has(edge.data('relation'))
        || edge.source().hasClass('hidden') || edge.target().hasClass('hidden')));
    });
    listing.replaceChildren(...cy.edges(':visible').map(edge => el('li', {},
      el('a', { href: entityHref(edge.source().id()), text: edge.source().data('label') }),
      ` ${edge.data('label')} `,
      el('a', { href: entityHref(edge.target().id()), text: edge.target().data('label') }))));
  }

  async function load() {
    cy.elements().remove();
    try {
      add(await api(`/api/entities/${entityPath(centre.id)}/neighbourhood?` + query({ depth: depth.value,
        limit: 150 })));
    } catch (error) {
      status.textContent = error.message;
    }
  }

  async function expand(node) {
    try {
      add(await api(`/api/entities/${entityPath(node.id())}/neighbourhood?depth=1&limit=50`));
    } catch (error) {
      status.textContent = error.message;
    }
  }

  setTimeout(() => {
    cy = cytoscape({ container: canvas, style, minZoom: 0.2, maxZoom: 3 });
    canvas.cy = cy;
    cy.on('tap', 'node', event => { location.hash = entityHref(event.target.id()); });
    cy.on('cxttap taphold', 'node', event => expand(event.target));
    depth.addEventListener('change', load);
    load();
  }, 0);
  return el('div', { class: 'graph-view' },
    el('div', { class: 'graph-controls' }, depth, types, relations), canvas, status,
    el('details', {}, el('summary', { text: 'The relations as a list' }), listing));
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
    const mark = text.querySelector('mark');
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
              fact.object ? fact.object.name : fact.value), ' ',
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
// Events timeline

async function eventsPage(parameters) {
  const filter = { type: parameters.get('type') || '', from: parameters.get('from') || '',
    to: parameters.get('to') || '' };
  const offset = Number(parameters.get('offset') || 0);
  const page = await api('/api/events?' + query({ ...filter, limit: 50, offset }));
  const form = el('form', { class: 'filters', id: 'event-filter', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    location.hash = '#/events?' + query(Object.fromEntries(data));
  } },
  el('label', {}, 'Type ', el('select', { name: 'type' }, el('option', { value: '', text: 'any' }),
    EVENT_TYPES.map(type => el('option', { value: type, selected: type === filter.type,
      text: words(type) })))),
  el('label', {}, 'From ', el('input', { type: 'date', name: 'from', value: filter.from })),
  el('label', {}, 'To ', el('input', { type: 'date', name: 'to', value: filter.to })),
  el('button', { type: 'submit', text: 'Show' }));
  const nav = el('p', { class: 'pages' },
    offset > 0 ? el('a', { href: '#/events?' + query({ ...filter, offset: Math.max(0, offset - 50) }),
      text: 'Earlier page' }) : null, ' ',
    page.next ? el('a', { href: '#/events?' + query({ ...filter, offset: offset + 50 }),
      text: 'Next page' }) : null);
  show(el('h1', { text: 'Timeline' }), form, eventList(page.items), nav);
}

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

async function sparqlPage() {
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
      drawResults(yasgui.getTab().getQuery(), graphPanel, status) }, 'Show the results as a graph')),
    status, graphPanel);
  const yasgui = new Yasgui(editor, {
    requestConfig: { endpoint: '/sparql', method: 'POST' },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: '/sparql' }] },
    yasqe: { value: withPrefixes(EXAMPLES['Who heads which company']),
      autocompleters: ['variables'] }
  });
  window.yasgui = yasgui;
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
      await entityPage(parts[1] + '/' + parts[2]);
    } else if (parts[0] === 'article' && parts.length === 2) {
      await articlePage(parts[1], parameters);
    } else if (parts[0] === 'search') {
      await searchPage(parameters);
    } else if (parts[0] === 'events') {
      await eventsPage(parameters);
    } else if (parts[0] === 'sparql') {
      await sparqlPage();
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
