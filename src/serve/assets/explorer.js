// The explorer page: search an entity, walk its neighbourhood (Cytoscape.js), see the article
// words behind each node and tie, the graph as of a date, the timeline, the disagreements, and
// saved questions or SPARQL as a sortable table. Everything comes from this server's JSON routes.
(function () {
  'use strict';

  const API = '/explore/api/';
  const KIND_NAMES = {
    company: 'company', group: 'business group', organization: 'organization', unit: 'unit',
    person: 'person', post: 'post', event: 'event', line: 'business line', other: 'other',
  };
  const KIND_COLOURS = {
    company: '#37474f', group: '#00897b', organization: '#78909c', unit: '#7cb342',
    person: '#1e88e5', post: '#8e24aa', event: '#fb8c00', line: '#c0ca33', other: '#bdbdbd',
  };
  const KIND_SHAPES = {
    company: 'round-rectangle', group: 'round-rectangle', organization: 'round-rectangle',
    unit: 'rectangle', person: 'ellipse', post: 'diamond', event: 'hexagon', line: 'barrel',
    other: 'ellipse',
  };

  // ---- small helpers ------------------------------------------------------------------
  const $ = (id) => document.getElementById(id);
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'class') node.className = value;
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }
  async function getJSON(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error((await response.text()).trim() || response.statusText);
    return response.json();
  }
  // Replaces a container's children, skipping empty ones and flattening lists.
  function fill(container, ...children) {
    container.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  }
  const query = (params) => new URLSearchParams(params).toString();
  function tieName(predicate) {
    const local = predicate.replace(/^.*[#/]/, '');
    return local.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
  let prefixes = {};
  function shorten(iri) {
    let best = null;
    for (const [prefix, ns] of Object.entries(prefixes)) {
      if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [prefix, ns];
    }
    return best ? best[0] + ':' + iri.slice(best[1].length) : iri;
  }
  function kindBadge(kind) {
    return el('span', { class: 'kind k-' + kind }, KIND_NAMES[kind] || kind);
  }

  // ---- state ----------------------------------------------------------------------------
  const expanded = new Set();     // IRIs whose neighbourhoods are in the graph
  let asOf = null;                // 'YYYY-MM-DD', or null for every source at any date
  let disagreements = [];         // from /explore/api/disagreements
  const texts = new Map();        // graph IRI -> Promise of the article text (or null)

  // ---- the graph ------------------------------------------------------------------------
  const cy = cytoscape({
    container: $('graph'),
    minZoom: 0.15,
    maxZoom: 2,
    style: [
      { selector: 'node', style: {
        'background-color': (n) => KIND_COLOURS[n.data('kind')] || '#bdbdbd',
        shape: (n) => KIND_SHAPES[n.data('kind')] || 'ellipse',
        label: 'data(label)', 'font-size': 13, color: '#1d252b',
        'text-wrap': 'wrap', 'text-max-width': 140, 'text-valign': 'bottom', 'text-margin-y': 4,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1, 'min-zoomed-font-size': 6,
        width: 26, height: 26, 'border-width': 0,
      } },
      { selector: 'node[?expanded]', style: { width: 36, height: 36, 'font-weight': 'bold' } },
      { selector: 'node[?disputed]', style: { 'border-width': 4, 'border-color': '#d32f2f' } },
      { selector: 'node:selected', style: { 'overlay-color': '#ff9800', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
      { selector: 'edge', style: {
        width: 1.6, 'line-color': '#90a4ae', 'target-arrow-color': '#90a4ae', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', label: 'data(label)', 'font-size': 11, color: '#37474f',
        'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.9,
        'text-background-padding': 1,
      } },
      { selector: 'edge[?disputed]', style: { 'line-color': '#d32f2f', 'target-arrow-color': '#d32f2f', width: 3, color: '#b71c1c' } },
      { selector: 'edge.undated', style: { 'line-style': 'dashed', opacity: 0.55 } },
      { selector: '.off, .kind-off', style: { display: 'none' } },
      { selector: 'node.faded', style: { opacity: 0.3 } },
      { selector: 'edge:selected', style: { width: 4, 'line-color': '#ff9800', 'target-arrow-color': '#ff9800' } },
    ],
  });
  window.newsgraphExplorer = { cy };

  function status(text) { $('graph-status').textContent = text; }

  async function expand(iri) {
    status('loading…');
    const data = await getJSON(API + 'node?' + query(asOf ? { iri, date: asOf } : { iri }));
    expanded.add(iri);
    place(data);
    applyTime();
    applyKinds();
    layout(iri);
    status(`${cy.nodes().filter((n) => n.visible()).length} entities, ` +
      `${cy.edges().filter((e) => e.visible()).length} ties shown` +
      (asOf ? ` as the sources stood on ${asOf}` : ', every source at any date') +
      (data.truncated ? ' (the neighbourhood was cut: it has more ties)' : ''));
    return data;
  }

  // Adds a neighbourhood's nodes and ties to the graph, or updates those already there.
  function place(data) {
    cy.batch(() => {
      for (const n of data.nodes) {
        const existing = cy.getElementById(n.iri);
        const fields = { label: n.label, kind: n.kind, disputed: n.disputed, expanded: expanded.has(n.iri) };
        if (existing.nonempty()) existing.data(fields);
        else cy.add({ group: 'nodes', data: Object.assign({ id: n.iri }, fields) });
      }
      for (const t of data.ties) {
        const id = t.s + ' ' + t.p + ' ' + t.o;
        const label = (t.disputed ? '⚠ ' : '') + tieName(t.p);
        const fields = { source: t.s, target: t.o, p: t.p, label, disputed: t.disputed, status: t.status };
        const existing = cy.getElementById(id);
        if (existing.nonempty()) existing.data(fields);
        else cy.add({ group: 'edges', data: Object.assign({ id }, fields) });
      }
    });
  }

  // Shows only what stands as of the date: ties reported later or ended are hidden, ties only
  // undated articles state are dashed, and entities left without a tie are faded.
  function applyTime() {
    cy.batch(() => {
      cy.edges().forEach((e) => {
        const s = e.data('status');
        e.toggleClass('off', Boolean(asOf) && (s === 'later' || s === 'ended'));
        e.toggleClass('undated', Boolean(asOf) && s === 'undated');
      });
      cy.nodes().forEach((n) => {
        const visible = n.connectedEdges().filter((e) => !e.hasClass('off')).length > 0;
        n.toggleClass('faded', !visible && !expanded.has(n.id()));
      });
    });
  }

  // Lays the visible graph out, then frames it: the whole of it when its labels stay
  // readable, else the part around `focus` at a readable zoom (pan and zoom to see the rest).
  function layout(focus) {
    const visible = cy.elements().filter((x) => x.visible());
    visible.layout({
      name: 'cose', animate: false, randomize: false, fit: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 70, nodeRepulsion: () => 40000, nodeOverlap: 12, gravity: 0.6,
      numIter: 1500,
    }).run();
    cy.fit(visible, 30);
    if (cy.zoom() < 0.85) {
      const centre = focus && cy.getElementById(focus).nonempty() ? cy.getElementById(focus) : visible;
      cy.zoom(0.85);
      cy.center(centre);
    }
  }

  // The legend's kinds are switches: a person hides or shows the nodes of a kind. Things
  // other than organizations, people, posts, events and business lines (places, services,
  // quotes, roles) start hidden, so that a neighbourhood reads at a normal window size.
  const hiddenKinds = new Set(['other']);
  function applyKinds() {
    cy.batch(() => cy.nodes().forEach((n) => n.toggleClass('kind-off', hiddenKinds.has(n.data('kind')))));
    for (const item of document.querySelectorAll('#legend button[data-kind]')) {
      item.setAttribute('aria-pressed', String(!hiddenKinds.has(item.dataset.kind)));
    }
  }
  for (const item of document.querySelectorAll('#legend button[data-kind]')) {
    item.addEventListener('click', () => {
      const kind = item.dataset.kind;
      if (hiddenKinds.has(kind)) hiddenKinds.delete(kind); else hiddenKinds.add(kind);
      applyKinds();
      layout();
    });
  }

  cy.on('tap', 'node', (event) => showNode(event.target.id()));
  cy.on('dbltap', 'node', (event) => expand(event.target.id()).catch(fail));
  cy.on('tap', 'edge', (event) => {
    const e = event.target;
    showTie(e.data('source'), e.data('p'), e.data('target'));
  });
  // The graph from the keyboard: the arrows move to the nearest node that way, Enter opens
  // its facts, + expands it, Escape lets go. What is chosen is said in the status line.
  function nearest(from, dx, dy) {
    const p = from.renderedPosition();
    let best = null;
    let bestScore = Infinity;
    cy.nodes(':visible').forEach((n) => {
      if (n.same(from)) return;
      const q = n.renderedPosition();
      const along = (q.x - p.x) * dx + (q.y - p.y) * dy;
      if (along <= 0) return;
      const across = Math.abs((q.x - p.x) * dy - (q.y - p.y) * dx);
      const score = along + 2 * across;
      if (score < bestScore) { best = n; bestScore = score; }
    });
    return best;
  }
  function chooseNode(node) {
    cy.elements().unselect();
    node.select();
    const box = cy.extent();
    const at = node.position();
    if (at.x < box.x1 || at.x > box.x2 || at.y < box.y1 || at.y > box.y2) cy.center(node);
    status(`${node.data('label')} (${KIND_NAMES[node.data('kind')] || node.data('kind')}): ` +
      'Enter for its facts, + to expand it, arrows to move.');
  }
  const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  $('graph').addEventListener('keydown', (event) => {
    const chosen = cy.nodes(':selected:visible').first();
    if (ARROWS[event.key]) {
      event.preventDefault();
      const visible = cy.nodes(':visible');
      if (visible.empty()) return;
      const next = chosen.nonempty() ? nearest(chosen, ...ARROWS[event.key])
        : (visible.filter('[?expanded]').first().nonempty() ? visible.filter('[?expanded]').first() : visible.first());
      if (next) chooseNode(next);
    } else if (event.key === 'Enter' && chosen.nonempty()) {
      event.preventDefault();
      showNode(chosen.id());
    } else if ((event.key === '+' || event.key === '=') && chosen.nonempty()) {
      event.preventDefault();
      expand(chosen.id()).catch(fail);
    } else if (event.key === 'Escape') {
      cy.elements().unselect();
      status('');
    }
  });
  $('fit').addEventListener('click', () => cy.fit(undefined, 30));
  $('relayout').addEventListener('click', layout);
  $('clear').addEventListener('click', () => { cy.elements().remove(); expanded.clear(); status('Find an entity to start.'); });

  function fail(error) {
    status('');
    const panel = $('panel-details');
    panel.replaceChildren(el('p', { class: 'error', role: 'alert' }, String(error.message || error)));
    selectTab('details');
  }

  // ---- search ---------------------------------------------------------------------------
  const searchBox = $('search');
  const found = $('search-results');
  let searchTimer = null;
  let choices = [];
  let active = -1;
  searchBox.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, 180);
  });
  async function runSearch() {
    const text = searchBox.value.trim();
    if (!text) { found.hidden = true; return; }
    try {
      choices = await getJSON(API + 'search?' + query({ q: text }));
    } catch (error) { choices = []; }
    active = choices.length ? 0 : -1;
    renderChoices();
  }
  function renderChoices() {
    found.replaceChildren(...choices.map((c, i) => el('li', {
      role: 'option', id: 'choice-' + i, 'aria-selected': String(i === active),
      onmousedown: (event) => { event.preventDefault(); choose(i); },
    }, kindBadge(c.kind), ' ', c.label, ' ',
      el('span', { class: 'names' }, c.names.filter((n) => n !== c.label).join(' · ')))));
    if (!choices.length && searchBox.value.trim()) found.replaceChildren(el('li', {}, 'nothing by that name'));
    found.hidden = false;
    searchBox.setAttribute('aria-activedescendant', active >= 0 ? 'choice-' + active : '');
  }
  searchBox.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!choices.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length;
      renderChoices();
    } else if (event.key === 'Escape') {
      found.hidden = true;
    }
  });
  $('search-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    clearTimeout(searchTimer);
    if (!choices.length || found.hidden) await runSearch();
    if (active >= 0) choose(active);
  });
  searchBox.addEventListener('blur', () => setTimeout(() => { found.hidden = true; }, 150));
  function choose(i) {
    const choice = choices[i];
    found.hidden = true;
    searchBox.value = choice.label;
    openEntity(choice.iri);
  }

  async function openEntity(iri) {
    try {
      await expand(iri);
      cy.elements().unselect();
      cy.getElementById(iri).select();
      cy.animate({ center: { eles: cy.getElementById(iri) } }, { duration: 200 });
      await showNode(iri);
    } catch (error) { fail(error); }
  }

  // ---- details: a node ------------------------------------------------------------------
  async function showNode(iri) {
    selectTab('details');
    const panel = $('panel-details');
    panel.replaceChildren(el('p', {}, 'loading…'));
    let facts;
    try { facts = await getJSON(API + 'facts?' + query({ iri })); } catch (error) { fail(error); return; }
    const node = cy.getElementById(iri);
    const ties = node.nonempty() ? node.connectedEdges() : cy.collection();
    const tieList = el('ul', { class: 'ties', 'aria-label': 'Ties' }, ties.map((e) => {
      const out = e.data('source') === iri;
      const other = cy.getElementById(out ? e.data('target') : e.data('source'));
      const s = e.data('status');
      return el('li', { class: e.hasClass('off') ? 'is-off' : null },
        el('button', { type: 'button', onclick: () => showTie(e.data('source'), e.data('p'), e.data('target')) },
          (out ? '' : '← ') + tieName(e.data('p')) + (out ? ' →' : '')),
        el('a', { href: '#', class: 'entity', onclick: (ev) => { ev.preventDefault(); cy.elements().unselect(); other.select(); showNode(other.id()); } },
          other.data('label')),
        e.data('disputed') ? el('span', { class: 'disputed' }, '⚠ sources disagree') : null,
        asOf && s ? el('span', { class: 'status' }, s) : null);
    }));
    fill(panel,
      el('h2', {}, facts.label, ' ', kindBadge(facts.kind)),
      el('p', { class: 'names' }, 'Named: ', facts.names.join(' · ')),
      el('p', {}, el('button', { type: 'button', onclick: () => expand(iri).catch(fail) },
        expanded.has(iri) ? 'Refresh neighbours' : 'Expand: show its neighbours'),
      ' ', el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); askEvidence(iri); } }, 'as a table')),
      facts.disputed.length ? el('div', { class: 'disagreement', role: 'note' },
        el('h3', {}, '⚠ Sources disagree on ', facts.disputed.join(', ')),
        disagreements.filter((d) => d.s === iri).map(disagreementView)) : null,
      ties.length ? el('h3', {}, 'Ties in the graph') : null,
      tieList,
      el('h3', {}, 'What the articles say'),
      facts.sides.length ? facts.sides.map(sideView) : el('p', { class: 'help' }, 'No article states a fact of it.'));
  }

  // ---- details: a tie -------------------------------------------------------------------
  async function showTie(s, p, o) {
    selectTab('details');
    const panel = $('panel-details');
    panel.replaceChildren(el('p', {}, 'loading…'));
    let tie;
    try { tie = await getJSON(API + 'tie?' + query({ s, p, o })); } catch (error) { fail(error); return; }
    const label = (iri) => (cy.getElementById(iri).nonempty() ? cy.getElementById(iri).data('label') : shorten(iri));
    const edge = cy.getElementById(s + ' ' + p + ' ' + o);
    if (edge.nonempty()) { cy.elements().unselect(); edge.select(); }
    const standing = edge.nonempty() && asOf ? edge.data('status') : null;
    fill(panel,
      el('h2', { id: 'tie-title' }, label(s), ' — ', tieName(p), ' — ', label(o)),
      el('p', { class: 'names' }, shorten(p), standing ? ` · as of ${asOf}: ${standing}` : ''),
      tie.disputed ? el('div', { class: 'disagreement', role: 'note', id: 'tie-disagreement' },
        el('h3', {}, '⚠ Sources disagree on ', label(s), '’s ', tieName(p)),
        disagreements.filter((d) => d.s === s && d.p === p).map(disagreementView)) : null,
      el('h3', {}, 'The words behind it'),
      tie.sides.length ? tie.sides.map(sideView)
        : el('p', { class: 'help' }, 'No article gives words for this tie itself (it follows from another fact).'));
  }

  function disagreementView(d) {
    return el('div', {}, d.sides.map((side) => el('div', { class: 'side-of' },
      el('strong', {}, side.source), ' (', el('cite', {}, side.article), '): ', d.subject, ' ', tieName(d.p), ' ',
      el('strong', {}, side.objects),
      side.evidence.map((q) => el('blockquote', {}, '“', q, '”')))));
  }

  function articleMeta(article) {
    return el('div', {},
      el('cite', { class: 'title' }, article.title || article.graph),
      el('div', { class: 'meta' },
        [article.publisher, article.retells ? 'retelling ' + article.retells : null,
          article.published ? 'published ' + article.published : 'date not stated'].filter(Boolean).join(' · ')));
  }

  function sideView(side) {
    const article = side.article;
    return el('div', { class: 'article' }, articleMeta(article), side.facts.map((f) => {
      const excerpt = el('div', { class: 'excerpt-slot' });
      if (article.text && f.start !== null && f.end !== null) showExcerpt(excerpt, article.graph, f.start, f.end);
      return el('div', { class: 'fact' },
        el('div', { class: 'what' }, f.statement || f.fact || ''),
        f.when || f.note || f.by ? el('div', { class: 'when' },
          [f.when, f.by ? 'by ' + f.by : null, f.note].filter(Boolean).join(' · ')) : null,
        el('blockquote', { class: 'quote' }, '“', f.quote, '”'),
        excerpt);
    }));
  }

  // The quote in its place in the article's text, highlighted, with the sentences around it.
  async function showExcerpt(slot, graph, start, end) {
    if (!texts.has(graph)) {
      texts.set(graph, getJSON(API + 'text?' + query({ graph })).then((t) => t.text).catch(() => null));
    }
    const text = await texts.get(graph);
    if (!text) return;
    const chars = Array.from(text);  // offsets count characters, not UTF-16 units
    const from = Math.max(0, start - 220);
    const to = Math.min(chars.length, end + 220);
    slot.replaceChildren(el('div', { class: 'excerpt', 'aria-label': 'the quote in the article text' },
      from > 0 ? '…' : '', chars.slice(from, start).join(''),
      el('mark', {}, chars.slice(start, end).join('')),
      chars.slice(end, to).join(''), to < chars.length ? '…' : ''));
  }

  // ---- time -----------------------------------------------------------------------------
  const dateBox = $('as-of');
  dateBox.addEventListener('change', () => setDate(dateBox.value || null));
  $('as-of-clear').addEventListener('click', () => { dateBox.value = ''; setDate(null); });

  async function setDate(date) {
    asOf = date;
    document.body.dataset.asOf = date || '';
    try {
      await Promise.all([...expanded].map(async (iri) => {
        const data = await getJSON(API + 'node?' + query(asOf ? { iri, date: asOf } : { iri }));
        place(data);
      }));
      applyTime();
      applyKinds();
      if (expanded.size) layout();
      status(asOf ? `As the sources stood on ${asOf}: ties reported later or ended by then are hidden.`
        : 'Every source, at any date.');
      await showAsOf();
      if (asOf) selectTab('asof');
    } catch (error) { fail(error); }
  }

  async function showAsOf() {
    const body = $('asof-body');
    if (!asOf) { body.replaceChildren(); return; }
    const data = await getJSON(API + 'as-of?' + query({ date: asOf }));
    fill(body,
      el('h2', {}, 'Who held each post on ', asOf),
      data.leaders.length ? el('table', { id: 'leaders' },
        el('thead', {}, el('tr', {}, ['Organization', 'Post', 'Held by', 'Reported', 'Article'].map((h) => el('th', {}, h)))),
        el('tbody', {}, data.leaders.map((r) => el('tr', {},
          el('td', {}, entityLink(r.org, r.organization)), el('td', {}, r.role),
          el('td', { class: 'leader' }, entityLink(r.holder, r.leader)),
          el('td', {}, r.reported), el('td', {}, r.article)))))
        : el('p', {}, 'No article published by then names a holder of any post.'),
      el('p', { class: 'help' }, 'A post is dated by the article that reports it; the latest article published by the date wins.'));
  }

  function entityLink(iri, label) {
    return el('a', { href: '#', class: 'entity', 'data-iri': iri, onclick: (ev) => { ev.preventDefault(); openEntity(iri); } }, label);
  }

  // ---- timeline and disagreements -------------------------------------------------------
  async function loadTimeline() {
    try {
      const events = await getJSON(API + 'timeline');
      fill($('timeline-body'), el('h2', {}, 'The story’s events'),
        el('ol', { class: 'timeline' }, events.map((e) => el('li', {},
          el('span', { class: 'date' }, e.date), ' ', entityLink(e.iri, e.event), ' ',
          el('span', { class: 'kind k-event' }, e.kind),
          el('div', { class: 'articles' }, e.articles.join(' · '))))));
    } catch (error) { $('timeline-body').textContent = error.message; }
  }

  async function loadDisagreements() {
    try {
      disagreements = await getJSON(API + 'disagreements');
      fill($('disagreements-body'), el('h2', {}, 'Where the sources disagree'),
        disagreements.length ? disagreements.map((d) => el('div', { class: 'disagreement' },
          el('h3', {}, entityLink(d.s, d.subject), ' — ', tieName(d.p)), disagreementView(d)))
          : el('p', {}, 'The sources agree on every reporting line, unit, sub-organization, post and membership.'));
    } catch (error) { $('disagreements-body').textContent = error.message; }
  }

  // ---- tabs -----------------------------------------------------------------------------
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  function selectTab(name) {
    for (const tab of tabs) {
      const on = tab.id === 'tab-' + name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !on;
    }
    // Questions and their tables get more room; the graph keeps the rest.
    document.querySelector('main').classList.toggle('asking', name === 'ask');
    if (name === 'ask' && editor) editor.refresh();
  }
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(tab.id.slice(4)));
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: tabs.length - 1 }[event.key];
      if (!step) return;
      const next = tabs[(i + step) % tabs.length];
      selectTab(next.id.slice(4));
      next.focus();
    });
  });

  // ---- ask: saved questions and SPARQL --------------------------------------------------
  let editor = null;
  let saved = [];
  function completePrefix(cm) {
    const cursor = cm.getCursor();
    const line = cm.getLine(cursor.line);
    let start = cursor.ch;
    while (start > 0 && /[\w-]/.test(line.charAt(start - 1))) start--;
    const word = line.slice(start, cursor.ch);
    const declaring = /PREFIX\s+$/i.test(line.slice(0, start));
    const list = Object.entries(prefixes).filter(([p]) => p.startsWith(word)).map(([p, ns]) => ({
      text: declaring ? `${p}: <${ns}>` : p + ':',
      displayText: `${p}: ${ns}`,
    }));
    return { list, from: CodeMirror.Pos(cursor.line, start), to: CodeMirror.Pos(cursor.line, cursor.ch) };
  }
  function setupEditor() {
    $('sparql-label').append(' ', el('span', { class: 'help' }, '(Ctrl-Space completes a prefix)'));
    editor = CodeMirror.fromTextArea($('sparql'), {
      mode: 'application/sparql-query', lineNumbers: true, indentUnit: 2,
      extraKeys: { 'Ctrl-Space': (cm) => cm.showHint({ hint: completePrefix, completeSingle: false }), Tab: false, 'Shift-Tab': false },
    });
    editor.on('inputRead', (cm, change) => {
      if (/^[A-Za-z]$/.test(change.text[0] || '')) {
        const cursor = cm.getCursor();
        const before = cm.getLine(cursor.line).slice(0, cursor.ch);
        if (/(^|[\s(.;,])[A-Za-z][\w-]{0,2}$/.test(before)) {
          const hint = completePrefix(cm);
          if (hint.list.length && hint.list.length < 8) cm.showHint({ hint: completePrefix, completeSingle: false });
        }
      }
    });
  }

  async function loadSaved() {
    saved = await getJSON('/queries');
    const select = $('saved');
    for (const q of saved) select.append(el('option', { value: q.name }, `${q.title} (${q.name})`));
    select.addEventListener('change', () => pickSaved(select.value));
  }
  function pickSaved(name) {
    const q = saved.find((s) => s.name === name);
    $('question').textContent = q ? q.question : '';
    $('params').replaceChildren(...(q ? q.parameters : []).map((p) => el('label', {}, p + ' ',
      el('input', { name: p, class: 'param', placeholder: p === 'date' ? 'YYYY-MM-DD' : 'e.g. person:ding-hongwei' }))));
    if (q) editor.setValue(q.sparql.split('\n').filter((l) => !l.startsWith('#')).join('\n').trim());
  }
  function askEvidence(iri) {
    selectTab('ask');
    $('saved').value = 'evidence';
    pickSaved('evidence');
    $('params').querySelector('input').value = shorten(iri);
    runAsk();
  }

  async function runAsk() {
    const name = $('saved').value;
    const statusLine = $('ask-status');
    statusLine.className = '';
    statusLine.textContent = 'running…';
    const accept = { Accept: 'application/sparql-results+json' };
    let response;
    const original = saved.find((s) => s.name === name);
    const edited = original && editor.getValue().trim() !== original.sparql.split('\n').filter((l) => !l.startsWith('#')).join('\n').trim();
    if (name && !edited) {
      const params = {};
      for (const input of $('params').querySelectorAll('input')) if (input.value.trim()) params[input.name] = input.value.trim();
      response = await fetch(`/queries/${encodeURIComponent(name)}?` + query(params), { headers: accept });
    } else {
      response = await fetch('/sparql', {
        method: 'POST', headers: Object.assign({ 'Content-Type': 'application/x-www-form-urlencoded' }, accept),
        body: query({ query: editor.getValue() }),
      });
    }
    if (!response.ok) {
      statusLine.className = 'error';
      statusLine.textContent = (await response.text()).trim();
      $('results').replaceChildren();
      return;
    }
    const type = response.headers.get('Content-Type') || '';
    if (!type.includes('sparql-results+json')) {
      statusLine.textContent = 'The answer is a graph; fetch it from /sparql to read it as RDF.';
      $('results').replaceChildren();
      return;
    }
    showResults(await response.json());
  }
  $('run').addEventListener('click', runAsk);

  function cellValue(term) {
    if (!term) return '';
    return term.value;
  }
  function showResults(json) {
    const table = $('results');
    const statusLine = $('ask-status');
    if (json.boolean !== undefined) {
      statusLine.textContent = 'Answer: ' + (json.boolean ? 'yes' : 'no');
      table.replaceChildren();
      return;
    }
    const vars = json.head.vars;
    let rows = json.results.bindings;
    statusLine.textContent = `${rows.length} row${rows.length === 1 ? '' : 's'}`;
    const sort = { column: null, ascending: true };
    const render = () => {
      const head = el('tr', {}, vars.map((v) => el('th', {
        scope: 'col',
        'aria-sort': sort.column === v ? (sort.ascending ? 'ascending' : 'descending') : 'none',
      }, el('button', { type: 'button', onclick: () => {
        sort.ascending = sort.column === v ? !sort.ascending : true;
        sort.column = v;
        rows = rows.slice().sort((a, b) => {
          const order = cellValue(a[v]).localeCompare(cellValue(b[v]), undefined, { numeric: true });
          return sort.ascending ? order : -order;
        });
        render();
      } }, v))));
      const body = rows.map((row) => el('tr', {}, vars.map((v) => {
        const term = row[v];
        if (!term) return el('td', {});
        if (term.type === 'uri') return el('td', {}, entityLink(term.value, shorten(term.value)));
        return el('td', {}, term.value);
      })));
      table.replaceChildren(el('thead', {}, head), el('tbody', {}, body));
    };
    render();
  }

  // ---- start ----------------------------------------------------------------------------
  async function start() {
    applyKinds();
    try { prefixes = await getJSON(API + 'prefixes'); } catch (error) { prefixes = {}; }
    setupEditor();
    loadTimeline();
    await loadDisagreements();
    try { await loadSaved(); } catch (error) { $('ask-status').textContent = error.message; }
    // /queries/NAME opened in a browser: that question, run, as a table.
    const path = decodeURIComponent(location.pathname);
    const match = /^\/queries\/([^/]+)$/.exec(path);
    if (match && saved.some((s) => s.name === match[1])) {
      selectTab('ask');
      $('saved').value = match[1];
      pickSaved(match[1]);
      for (const [key, value] of new URLSearchParams(location.search)) {
        const input = $('params').querySelector(`input[name="${CSS.escape(key)}"]`);
        if (input) input.value = value;
      }
      await runAsk();
    }
    const entity = new URLSearchParams(location.search).get('entity');
    if (!match && entity) openEntity(entity);
    document.body.dataset.ready = 'true';
  }
  start();
})();
