// Newsgraph's timeline: the events on a time axis that zooms and pans, the undated ones listed
// apart, an event's participants and sources on a click. It is loaded after app.js and uses its
// helpers; an event's entry is written by app.js's eventList alone, here as everywhere else.
'use strict';

const TIMELINE_DAY = 86400000;
/** How many events the axis draws at most: all of a filter's events, up to this many. */
const TIMELINE_MOST = 2000;
/** The narrowest window (two days, where each day is wide) and the widest (five centuries). */
const TIMELINE_NARROWEST = 2 * TIMELINE_DAY;
const TIMELINE_WIDEST = 500 * 365.25 * TIMELINE_DAY;
const TIMELINE_EARLIEST = Date.UTC(1000, 0, 1);
const TIMELINE_LATEST = Date.UTC(3000, 0, 1);
/** The axis's rows: the tick labels' band at the top, then the lanes of events. */
const TIMELINE_HEADER = 30;
const TIMELINE_LANE = 24;
/** Above this many lanes the labels are left out, so that markers alone need fewer lanes. */
const TIMELINE_LABELLED_LANES = 10;
/** How long the axis waits, after the window last moved, to write it in the address. */
const TIMELINE_ADDRESS_DELAY = 150;
const TIMELINE_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct',
  'Nov', 'Dec'];

/**
 * Each event type's colour and marker, so that neither alone has to tell them apart (a reader who
 * does not see the colours still sees the shapes). A type the page does not know yet is grey.
 */
const TIMELINE_MARKS = {
  PressConference: { colour: '#0072b2', shape: 'circle' },
  Acquisition: { colour: '#d55e00', shape: 'square' },
  FundingRound: { colour: '#009e73', shape: 'diamond' },
  Agreement: { colour: '#56b4e9', shape: 'hexagon' },
  Lawsuit: { colour: '#1f2937', shape: 'triangle' },
  ProductLaunch: { colour: '#cc79a7', shape: 'star' },
  Appointment: { colour: '#e69f00', shape: 'pentagon' },
  Resignation: { colour: '#7c3aed', shape: 'down' } };

function timelineMark(type) {
  return TIMELINE_MARKS[type] || { colour: '#9ca3af', shape: 'circle' };
}

/** Makes an SVG element, as el makes an HTML one. */
function svgElement(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value);
  }
  element.append(...children.flat().filter(child => child !== null && child !== undefined));
  return element;
}

/** A marker's outline, centred on 0,0, about 2r across. */
function markPath(shape, r) {
  if (shape === 'circle') return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
  const corners = (n, turn, radius) => Array.from({ length: n }, (_, i) => {
    const angle = turn + i * 2 * Math.PI / n;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
  const points = {
    square: () => corners(4, Math.PI / 4, r * 1.25),
    diamond: () => corners(4, 0, r * 1.35),
    triangle: () => corners(3, -Math.PI / 2, r * 1.35),
    down: () => corners(3, Math.PI / 2, r * 1.35),
    pentagon: () => corners(5, -Math.PI / 2, r * 1.15),
    hexagon: () => corners(6, 0, r * 1.15),
    star: () => corners(10, -Math.PI / 2, 1).map(([x, y], i) =>
      [x * r * (i % 2 ? 0.6 : 1.4), y * r * (i % 2 ? 0.6 : 1.4)]) }[shape]();
  return 'M' + points.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join('L') + 'Z';
}

function markIcon(type) {
  const mark = timelineMark(type);
  return svgElement('svg', { class: 'tl-icon', width: 16, height: 16, viewBox: '-8 -8 16 16',
    'aria-hidden': 'true' }, svgElement('path', { d: markPath(mark.shape, 5), fill: mark.colour }));
}

/**
 * The time a date (YYYY, YYYY-MM or YYYY-MM-DD) covers, [first instant, the instant after it) in
 * milliseconds of UTC: a whole year, month or day. Null for anything else.
 */
function datePeriod(date) {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date || '')) return null;
  const [y, m, d] = date.split('-').map(Number);
  if (date.length === 4) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if (date.length === 7) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
}

/** An instant in the address: a day (YYYY-MM-DD) or a minute (YYYY-MM-DDTHH:MM) of UTC. */
function instantParameter(parameters, name) {
  const value = parameters.get(name) || '';
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(value)) return null;
  const instant = Date.parse(value.length === 10 ? value + 'T00:00Z' : value + 'Z');
  return Number.isNaN(instant) ? null : instant;
}

/**
 * An instant as the address keeps it: the nearest day when the window spans months (half a day is
 * then too little to see), else to the minute.
 */
function instantText(instant, span) {
  const coarse = span > 90 * TIMELINE_DAY;
  const rounded = coarse ? Math.round(instant / TIMELINE_DAY) * TIMELINE_DAY
    : Math.round(instant / 60000) * 60000;
  const iso = new Date(rounded).toISOString();
  return coarse || iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : iso.slice(0, 16);
}

function dayText(instant) {
  const d = new Date(instant);
  return `${d.getUTCDate()} ${TIMELINE_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * The tick steps from the finest to the coarsest; the axis takes the finest whose ticks stand far
 * enough apart for their labels.
 */
const TIMELINE_STEPS = [['day', 1], ['day', 2], ['day', 7], ['month', 1], ['month', 3],
  ['month', 6], ['year', 1], ['year', 2], ['year', 5], ['year', 10], ['year', 20], ['year', 50],
  ['year', 100]];
const TIMELINE_UNIT = { day: TIMELINE_DAY, month: 30.44 * TIMELINE_DAY,
  year: 365.25 * TIMELINE_DAY };

function tickStep(span, width) {
  return TIMELINE_STEPS.find(([unit, n]) =>
    n * TIMELINE_UNIT[unit] * width / span >= (unit === 'year' ? 48 : 64))
    || TIMELINE_STEPS[TIMELINE_STEPS.length - 1];
}

/** The ticks between two instants, each [instant, label]: years, months or days of the month. */
function ticks(start, end, [unit, n]) {
  const found = [];
  const first = new Date(start);
  const year = first.getUTCFullYear();
  if (unit === 'year') {
    for (let y = Math.floor(year / n) * n, t; (t = Date.UTC(y, 0, 1)) <= end; y += n) {
      if (t >= start) found.push([t, String(y)]);
    }
  } else if (unit === 'month') {
    for (let m = Math.floor(first.getUTCMonth() / n) * n, t; (t = Date.UTC(year, m, 1)) <= end;
      m += n) {
      const d = new Date(t);
      if (t >= start) found.push([t, `${TIMELINE_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`]);
    }
  } else {
    for (let t = Math.floor(start / TIMELINE_DAY) * TIMELINE_DAY; t <= end; t += TIMELINE_DAY) {
      const d = new Date(t);
      const day = d.getUTCDate();
      const days = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
      // Steps start again on each month's first, and skip a day too near the next month's first.
      if (t >= start && (day - 1) % n === 0 && (n === 1 || day + n / 2 <= days)) {
        found.push([t, `${day} ${TIMELINE_MONTHS[d.getUTCMonth()]}`]);
      }
    }
  }
  return found;
}

/** The width of a label as the axis draws it, measured once per text. */
const timelineTextWidths = new Map();
function labelWidth(text) {
  if (!timelineTextWidths.has(text)) {
    const context = (labelWidth.canvas ||= document.createElement('canvas')).getContext('2d');
    context.font = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    timelineTextWidths.set(text, Math.ceil(context.measureText(text).width));
  }
  return timelineTextWidths.get(text);
}

/** What the axis writes beside an event's marker: who took part (the legend says the type). */
function axisLabel(event) {
  const names = event.participants.map(p => p.name).join(', ') || words(event.type);
  return names.length > 34 ? names.slice(0, 33) + '…' : names;
}

/**
 * Puts each item, sorted by where it starts, in the first lane where it overlaps nothing, and
 * returns how many lanes it took: events on the same day stack instead of covering each other.
 */
function stackInLanes(items, extent) {
  const ends = [];
  for (const item of items) {
    const [left, right] = extent(item);
    let lane = ends.findIndex(end => end + 4 <= left);
    if (lane < 0) lane = ends.push(-Infinity) - 1;
    ends[lane] = right;
    item.lane = lane;
  }
  return ends.length;
}

// ---------------------------------------------------------------------------------------------
// The timeline page

async function eventsPage(parameters) {
  document.title = 'Timeline - Newsgraph';
  // Taken before the events are asked for, as the reader may go elsewhere while they come.
  const address = location.hash;
  const filter = { type: parameters.get('type') || '', from: parameters.get('from') || '',
    to: parameters.get('to') || '', order: parameters.get('order') === 'newest' ? 'newest' : '' };
  const events = await allItems('/api/events', filter, 500, TIMELINE_MOST + 1);
  const truncated = events.length > TIMELINE_MOST;
  const shown = events.slice(0, TIMELINE_MOST);
  const dated = [];
  const undated = [];
  for (const event of shown) {
    const period = datePeriod(event.date);
    if (period) dated.push({ event, start: period[0], end: period[1] });
    else undated.push(event);
  }
  const form = el('form', { class: 'filters', id: 'event-filter', onsubmit: submitted => {
    submitted.preventDefault();
    location.hash = '#/events?' + query(Object.fromEntries(new FormData(submitted.target)));
  } },
  el('label', {}, 'Type ', el('select', { name: 'type' }, el('option', { value: '', text: 'any' }),
    EVENT_TYPES.map(type => el('option', { value: type, selected: type === filter.type,
      text: words(type) })))),
  el('label', {}, 'From ', el('input', { type: 'date', name: 'from', value: filter.from })),
  el('label', {}, 'To ', el('input', { type: 'date', name: 'to', value: filter.to })),
  el('label', {}, 'Order ', el('select', { name: 'order' },
    el('option', { value: '', text: 'oldest first' }),
    el('option', { value: 'newest', selected: filter.order === 'newest', text: 'newest first' }))),
  el('button', { type: 'submit', text: 'Show' }));
  const detail = el('section', { class: 'panel', id: 'event-detail' }, el('h2', { text: 'Event' }),
    el('p', { class: 'graph-status', text: 'Click an event on the axis to see who took part, in'
      + ' which role, and the sentences that report it.' }));
  const axis = timelineAxis(dated, filter, parameters, address,
    event => showEventDetail(detail, event));
  const undatedPanel = section(`Undated events (${undated.length})`, undated.length
    ? eventList(undated) : el('p', { text: 'None: every event listed has a date.' }));
  undatedPanel.id = 'undated-events';
  show(el('h1', { text: 'Timeline' }), form, timelineExport(filter),
    truncated ? el('p', { class: 'error', text: `Only the first ${TIMELINE_MOST} events are`
      + ' drawn: narrow the filter to see the others.' }) : null,
    axis.panel, detail, el('div', { class: 'columns' }, axis.listed, undatedPanel));
  axis.start();
}

/** Shows an event's entry, its participants with their roles, and its sources with sentences. */
function showEventDetail(panel, event) {
  // An event that several articles report lists each article's report; else its one sentence.
  const reports = event.reports && event.reports.length ? event.reports
    : [{ evidence: event.evidence }];
  // What is absent (no place, say) is null here, and replaceChildren would write it as "null".
  panel.replaceChildren(...[el('h2', { text: words(event.type) + (event.date ? ', ' + event.date : '') }),
    eventList([event]),
    el('h3', { text: 'Who took part' }),
    event.participants.length ? el('ul', { class: 'tl-participants' }, event.participants.map(p =>
      el('li', {}, entityLink(p), ' ', el('span', { class: 'role', text: p.role || 'participant' }))))
      : el('p', { text: 'No participant is named.' }),
    event.place ? el('p', {}, 'Where: ', entityLink(event.place)) : null,
    el('h3', { text: reports.length === 1 ? 'Source' : `Sources (${reports.length})` }),
    el('ul', { class: 'tl-sources' }, reports.map(({ evidence: source, date, status }) => el('li', {},
      el('a', { href: articleHref(source.article.id), text: source.article.title || source.article.id }),
      source.article.published ? el('span', { class: 'date', text: source.article.published }) : null,
      ' ', confidence(source.confidence),
      date || status ? el('span', { class: 'report', text: ` says ${[date, status]
        .filter(Boolean).join(', ')}` }) : null,
      el('blockquote', {}, el('a', { class: 'sentence', title: 'The sentence in its article',
        href: articleHref(source.article.id, source.sentenceStart, source.sentenceEnd),
        text: source.sentence })))))].filter(Boolean));
  panel.scrollIntoView({ block: 'nearest' });
}

/**
 * The axis: dated events placed by date in an SVG, zoomed with the wheel, a pinch or the buttons,
 * moved by dragging; its window is kept in the address, that of its page, while the page is shown.
 * Returns its panel, the list of the events in its window, and start(), which draws it once the
 * panel is on the page (it measures its width).
 */
function timelineAxis(dated, filter, parameters, address, selected) {
  const svg = svgElement('svg', { class: 'tl-axis', id: 'timeline-axis', tabindex: 0,
    role: 'group', 'aria-label': 'The events on a time axis: drag to move, wheel, pinch or'
      + ' the + and − keys to zoom' });
  const frame = el('div', { class: 'tl-frame' }, svg);
  const windowText = el('span', { class: 'tl-window', role: 'status' });
  const button = (label, title, action, extra = {}) => el('button', { type: 'button',
    title, 'aria-label': title, text: label, onclick: action, ...extra });
  const counts = new Map();
  dated.forEach(item => counts.set(item.event.type, (counts.get(item.event.type) || 0) + 1));
  const legend = el('ul', { class: 'tl-legend', 'aria-label': 'Event types' },
    [...new Set([...EVENT_TYPES, ...counts.keys()])].map(type => el('li', {
      class: counts.has(type) ? null : 'absent', 'data-type': type },
    markIcon(type), ' ', words(type), ' ', el('span', { class: 'count', text: counts.get(type) || 0 }))));
  const inView = el('div', { class: 'tl-in-view' });
  const listed = section('In the window', inView);
  listed.id = 'events-in-view';
  let selectedIri = null;
  // An event's entry as text, for its marker's tooltip and for screen readers; made once each.
  const entries = new Map();
  const entryText = event => {
    if (!entries.has(event)) {
      const entry = eventList([event]).querySelector('li');
      entries.set(event, [...entry.childNodes].filter(part => !part.classList
        || !part.matches('.source, .reports')).map(part => part.textContent.trim())
        .filter(Boolean).join(' · '));
    }
    return entries.get(event);
  };

  // All of the events, oldest first, for the lanes; the list keeps the order the filter asked.
  const sorted = [...dated].sort((a, b) => a.start - b.start || a.end - b.end);
  const fitted = fittedWindow(sorted);
  let start = instantParameter(parameters, 'start');
  let end = instantParameter(parameters, 'end');
  const asked = start !== null && end !== null && end - start >= TIMELINE_NARROWEST;
  if (!asked) [start, end] = fitted;
  let laneSpan = null;
  let laneCount = 0;
  let frameRequest = 0;
  let listTimer = null;
  let addressTimer = null;

  const width = () => Math.max(1, frame.clientWidth);
  const xOf = instant => (instant - start) / (end - start) * width();

  function setWindow(newStart, newEnd) {
    let span = Math.min(TIMELINE_WIDEST, Math.max(TIMELINE_NARROWEST, newEnd - newStart));
    const middle = (newStart + newEnd) / 2;
    start = Math.min(Math.max(middle - span / 2, TIMELINE_EARLIEST), TIMELINE_LATEST - span);
    end = start + span;
    schedule();
    clearTimeout(addressTimer);
    addressTimer = setTimeout(remember, TIMELINE_ADDRESS_DELAY);
  }

  /** Zooms by the factor (below 1 narrows the window), the instant at fraction of the width still. */
  function zoom(factor, fraction = 0.5) {
    const span = Math.min(TIMELINE_WIDEST, Math.max(TIMELINE_NARROWEST, (end - start) * factor));
    const anchor = start + fraction * (end - start);
    setWindow(anchor - fraction * span, anchor - fraction * span + span);
  }

  function pan(fraction) {
    const shift = fraction * (end - start);
    setWindow(start + shift, end + shift);
  }

  function remember() {
    // Another address is another page, even another filter of the timeline: this axis's window,
    // written a moment after it moved, would take that page's filter out of its address.
    if (location.hash !== address) return;
    const span = end - start;
    const fit = Math.abs(start - fitted[0]) < span / 1000 && Math.abs(end - fitted[1]) < span / 1000;
    history.replaceState(null, '', '#/events?' + query({ ...filter,
      start: fit ? null : instantText(start, span), end: fit ? null : instantText(end, span),
      event: selectedIri }));
    address = location.hash;
  }

  function schedule() {
    if (!frameRequest) frameRequest = requestAnimationFrame(() => { frameRequest = 0; draw(); });
  }

  /** Lays the events in lanes for the window's span: the same for any window of that width. */
  function layLanes() {
    const perMs = width() / (end - start);
    const extent = labelled => item => {
      const x = item.start * perMs;
      const bar = item.event.date.length < 10 ? (item.end - item.start) * perMs : 0;
      const label = labelled ? 14 + labelWidth(axisLabel(item.event)) : 8;
      return [x - 8, x + Math.max(bar, label)];
    };
    laneCount = stackInLanes(sorted, extent(true));
    sorted.forEach(item => { item.labelled = true; });
    if (laneCount > TIMELINE_LABELLED_LANES) {
      laneCount = stackInLanes(sorted, extent(false));
      sorted.forEach(item => { item.labelled = false; });
    }
    laneSpan = end - start;
  }

  function draw() {
    if (laneSpan === null || Math.abs(laneSpan - (end - start)) > 1) layLanes();
    const w = width();
    const span = end - start;
    const step = tickStep(span, w);
    const visible = sorted.filter(item => item.end > start && item.start < end);
    const lanes = visible.reduce((most, item) => Math.max(most, item.lane + 1), 1);
    const height = Math.max(140, TIMELINE_HEADER + 12 + lanes * TIMELINE_LANE + 8);
    svg.setAttribute('width', w);
    svg.setAttribute('height', height);
    svg.setAttribute('viewBox', `0 0 ${w} ${height}`);
    const tickMarks = ticks(start, end, step).map(([instant, label]) => {
      const x = xOf(instant);
      return svgElement('g', { class: 'tl-tick' },
        svgElement('line', { x1: x, x2: x, y1: TIMELINE_HEADER - 6, y2: height }),
        svgElement('text', { x: x + 3, y: TIMELINE_HEADER - 12, text: label }));
    });
    const marks = visible.map(item => {
      const event = item.event;
      const mark = timelineMark(event.type);
      const x = xOf(item.start);
      const y = TIMELINE_HEADER + 12 + item.lane * TIMELINE_LANE + TIMELINE_LANE / 2;
      const barEnd = xOf(item.end);
      const entry = entryText(event);
      const group = svgElement('g', { class: 'tl-event' + (event.iri === selectedIri ? ' selected' : ''),
        'data-iri': event.iri, 'data-date': event.date, 'data-type': event.type, tabindex: 0,
        role: 'button', 'aria-label': entry },
      svgElement('title', { text: entry }),
      // A year or a month is a bar across it, under the marker; a day is the marker alone.
      event.date.length < 10 && barEnd - x > 10 ? svgElement('rect', { class: 'tl-period', x,
        y: y + 7, width: barEnd - x, height: 3, rx: 1.5, fill: mark.colour }) : null,
      svgElement('path', { class: 'tl-mark', d: markPath(mark.shape, 6),
        transform: `translate(${x.toFixed(2)},${y})`, fill: mark.colour }),
      item.labelled ? svgElement('text', { x: x + 11, y: y + 4, text: axisLabel(event) }) : null);
      return group;
    });
    svg.replaceChildren(
      svgElement('rect', { class: 'tl-back', x: 0, y: 0, width: w, height }),
      svgElement('line', { class: 'tl-base', x1: 0, x2: w, y1: TIMELINE_HEADER - 6,
        y2: TIMELINE_HEADER - 6 }),
      ...tickMarks, ...marks);
    svg.dataset.start = new Date(start).toISOString();
    svg.dataset.end = new Date(end).toISOString();
    svg.dataset.unit = step[0];
    svg.dataset.drawn = 'true';
    windowText.textContent = `${dayText(start)} – ${dayText(end)}`
      + ` · ${counted(visible.length, 'event', 'events')} in the window`;
    clearTimeout(listTimer);
    listTimer = setTimeout(() => listInView(visible), 100);
    return visible;
  }

  /** The events in the window as the filter orders them, each entry as eventList writes it. */
  function listInView(visible) {
    const within = new Set(visible.map(item => item.event));
    const events = dated.filter(item => within.has(item.event)).map(item => item.event);
    inView.replaceChildren(events.length ? eventList(events)
      : el('p', { text: 'No dated event in the window.' }));
  }

  /**
   * Selects an event, by its IRI or by that of one article's report of it, and shows it; the
   * address keeps it, so that a link or going back opens it again.
   */
  function select(iri) {
    const item = sorted.find(candidate => candidate.event.iri === iri
      || (candidate.event.reports || []).some(report => report.event === iri));
    if (!item) return;
    selectedIri = item.event.iri;
    svg.querySelectorAll('.tl-event').forEach(group =>
      group.classList.toggle('selected', group.dataset.iri === selectedIri));
    selected(item.event);
    remember();
  }

  // Dragging moves the window; a press that does not move selects the event under it; two
  // fingers zoom around the point between them.
  const pointers = new Map();
  let drag = null;
  let pinch = null;
  const fractionAt = clientX => (clientX - svg.getBoundingClientRect().left) / width();
  const between = () => {
    const [a, b] = [...pointers.values()];
    return { distance: Math.max(1, Math.abs(a.x - b.x)), middle: (a.x + b.x) / 2 };
  };
  svg.addEventListener('pointerdown', pressed => {
    pointers.set(pressed.pointerId, { x: pressed.clientX });
    if (pointers.size === 1) {
      drag = { x: pressed.clientX, start, end, moved: false,
        on: pressed.target.closest('.tl-event') };
    } else if (pointers.size === 2) {
      drag = null;
      const { distance, middle } = between();
      const fraction = fractionAt(middle);
      pinch = { distance, span: end - start, anchor: start + fraction * (end - start) };
      [...pointers.keys()].forEach(id => svg.setPointerCapture(id));
    }
  });
  svg.addEventListener('pointermove', moved => {
    if (!pointers.has(moved.pointerId)) return;
    pointers.get(moved.pointerId).x = moved.clientX;
    if (pinch && pointers.size === 2) {
      const { distance, middle } = between();
      const span = pinch.span * pinch.distance / distance;
      const from = pinch.anchor - fractionAt(middle) * span;
      setWindow(from, from + span);
    } else if (drag) {
      const dx = moved.clientX - drag.x;
      if (!drag.moved && Math.abs(dx) > 4) {
        drag.moved = true;
        svg.setPointerCapture(moved.pointerId);
      }
      if (drag.moved) {
        const shift = -dx / width() * (drag.end - drag.start);
        setWindow(drag.start + shift, drag.end + shift);
      }
    }
  });
  const released = up => {
    if (drag && !drag.moved && drag.on && up.type === 'pointerup') select(drag.on.dataset.iri);
    pointers.delete(up.pointerId);
    if (pointers.size < 2) pinch = null;
    drag = null;
  };
  svg.addEventListener('pointerup', released);
  svg.addEventListener('pointercancel', released);
  svg.addEventListener('wheel', wheel => {
    wheel.preventDefault();
    // A sideways swipe moves the window; an up-and-down one (or a trackpad's pinch) zooms.
    if (Math.abs(wheel.deltaX) > Math.abs(wheel.deltaY)) {
      pan(wheel.deltaX / width());
    } else {
      const scale = wheel.deltaMode === 1 ? 40 : wheel.deltaMode === 2 ? 800 : 1;
      zoom(Math.exp(Math.max(-1, Math.min(1, wheel.deltaY * scale / 300))),
        fractionAt(wheel.clientX));
    }
  }, { passive: false });
  svg.addEventListener('keydown', key => {
    const group = key.target.closest && key.target.closest('.tl-event');
    if (group && (key.key === 'Enter' || key.key === ' ')) {
      key.preventDefault();
      select(group.dataset.iri);
      return;
    }
    const action = { '+': () => zoom(0.5), '=': () => zoom(0.5), '-': () => zoom(2),
      ArrowLeft: () => pan(-0.2), ArrowRight: () => pan(0.2), 0: () => setWindow(...fitted) }[key.key];
    if (action) {
      key.preventDefault();
      action();
    }
  });

  const toolbar = el('div', { class: 'tl-toolbar' },
    button('−', 'Zoom out', () => zoom(2), { class: 'zoom-out' }),
    button('+', 'Zoom in', () => zoom(0.5), { class: 'zoom-in' }),
    button('←', 'Earlier', () => pan(-0.5), { class: 'earlier' }),
    button('→', 'Later', () => pan(0.5), { class: 'later' }),
    button('All', 'Show every dated event', () => setWindow(...fitted), { class: 'fit' }),
    windowText, copyLink());
  const panel = el('section', { class: 'panel tl-panel' }, toolbar, frame, legend,
    el('p', { class: 'graph-status', text: `${counted(dated.length, 'dated event', 'dated events')}`
      + ' on the axis. Drag to move in time; the wheel, a pinch or the buttons zoom; a year or a'
      + ' month is drawn as a bar across it.' }));
  return {
    panel, listed,
    start: () => {
      new ResizeObserver(() => { laneSpan = null; schedule(); }).observe(frame);
      // The first list is made at once, so that the page is whole when it first shows.
      const visible = draw();
      clearTimeout(listTimer);
      listInView(visible);
      if (parameters.get('event')) select(parameters.get('event'));
    } };
}

/**
 * The window that shows every dated event, with a margin on each side; a month around the day
 * when there is one day, and the last year when there is none.
 */
function fittedWindow(sorted) {
  if (!sorted.length) {
    const now = Date.now();
    return [now - 365 * TIMELINE_DAY, now];
  }
  const first = sorted[0].start;
  const last = Math.max(...sorted.map(item => item.end));
  const margin = Math.max((last - first) * 0.04, 15 * TIMELINE_DAY);
  return [first - margin, last + margin];
}
