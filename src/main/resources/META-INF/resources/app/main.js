import * as api from './api.js';
import { TimelineView } from './timeline-view.js';
import { segment, findMentions, renderSegments } from './highlight.js';

const $ = (sel) => document.querySelector(sel);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c != null && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function setStatus(node, text, kind = 'info') {
  node.textContent = text;
  node.dataset.kind = kind;
}

/** "2024-06 (month)", "around 2024-09-13": the date as precise as it is known. */
function describeDate(date) {
  if (!date) return 'undated';
  const approx = date.approximate ? 'around ' : '';
  const precision = date.precision && date.precision !== 'day' ? ` (${date.precision}` +
    (date.start && date.end ? `: ${date.start} – ${date.end})` : ')') : '';
  return `${approx}${date.value ?? date.start ?? '?'}${precision}`;
}

// ------------------------------------------------------------------ API key
const keyInput = $('#api-key');
keyInput.value = api.apiKey();
keyInput.addEventListener('change', () => api.setApiKey(keyInput.value.trim()));

// ------------------------------------------------------------------ actor search and selection
const selected = [];
const searchInput = $('#actor-q');
const results = $('#actor-results');
const chips = $('#selected-actors');
const timelineStatus = $('#timeline-status');
const detail = $('#event-detail');
const view = new TimelineView($('#timeline'), { onSelect: (id) => showEvent(id) });

let searchSeq = 0;
let searchTimer;
searchInput.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(runSearch, 250);
});
searchInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') { e.preventDefault(); clearTimeout(searchTimer); runSearch(); }
});

async function runSearch() {
  const q = searchInput.value.trim();
  const seq = ++searchSeq;
  if (q.length === 0) { results.replaceChildren(); return; }
  try {
    const actors = await api.searchActors(q);
    if (seq !== searchSeq) return; // a later keystroke already answered
    results.replaceChildren(...actors.map(actorResult));
    if (actors.length === 0) results.append(el('li', { class: 'empty' }, `No actor matches “${q}”.`));
  } catch (e) {
    if (seq === searchSeq) results.replaceChildren(el('li', { class: 'error' }, e.message));
  }
}

function actorResult(actor) {
  const aliases = (actor.aliases || []).filter(a => a !== actor.name);
  return el('li', { class: 'actor-result', dataset: { slug: actor.slug ?? '', id: actor.id ?? '' } },
    el('button', { type: 'button', onclick: () => pick(actor) },
      el('span', { class: 'name' }, actor.name),
      el('span', { class: 'kind' }, actor.kind || ''),
      aliases.length ? el('span', { class: 'aliases' }, `also ${aliases.slice(0, 4).join(', ')}`) : null));
}

function pick(actor) {
  const key = actor.id ?? actor.slug;
  if (selected.some(a => (a.id ?? a.slug) === key)) return;
  if (selected.length === 2) selected.pop(); // a third pick replaces the second side of the pair
  selected.push(actor);
  searchInput.value = '';
  results.replaceChildren();
  renderSelection();
  loadTimeline();
}

function renderSelection() {
  chips.replaceChildren(...selected.map((a, i) => el('li', { class: 'chip', dataset: { slug: a.slug ?? '' } },
    el('span', {}, a.name ?? a.slug),
    el('button', { type: 'button', 'aria-label': `Remove ${a.name ?? a.slug}`, onclick: () => {
      selected.splice(i, 1); renderSelection(); loadTimeline();
    } }, '×'))));
}

// ------------------------------------------------------------------ overview: what the database holds
const overviewBox = $('#overview');
const overviewStatus = $('#overview-status');
const noData = $('#no-data');
const overviewLists = $('#overview-lists');
const origin = new URL('.', document.baseURI).href.replace(/\/$/, '');
$('#no-data-article').textContent = `curl -s -X POST ${origin}/api/v1/articles -H 'Content-Type: application/json' \\
  -d '{"title": "...", "publishedAt": "2024-09-14", "body": "the article text"}'`;
$('#no-data-import').textContent = `curl -s -X POST -T events.ndjson ${origin}/api/v1/imports/events \\
  -H 'Content-Type: application/x-ndjson'`;

let overviewSeq = 0;
async function loadOverview() {
  const seq = ++overviewSeq;
  try {
    const o = await api.overview(10);
    if (seq !== overviewSeq) return;
    const c = o.counts || {};
    if (!c.events && !c.actors && !c.articles) {
      noData.hidden = false;
      overviewLists.hidden = true;
      setStatus(overviewStatus, '');
      return;
    }
    noData.hidden = true;
    overviewLists.hidden = false;
    setStatus(overviewStatus, `The database holds ${plural(c.events, 'event')}, ${plural(c.actors, 'actor')} `
      + `and ${plural(c.articles, 'article')}. Pick an actor below or search for one.`);
    $('#latest-events').replaceChildren(...(o.latestEvents || []).map(ev => el('li', {
      class: 'latest-event', dataset: { eventId: ev.id },
    },
    el('span', { class: 'event-date' }, describeDate(ev.date)),
    el('button', { type: 'button', class: 'link event-title', onclick: () => showEvent(ev.id) }, ev.title || '(untitled event)'),
    (ev.participants || []).length
      ? el('span', { class: 'participants' }, ` — ${ev.participants.map(p => p.actor?.name).filter(Boolean).join(', ')}`) : null)));
    $('#active-actors').replaceChildren(...(o.activeActors || []).map(a => el('li', {
      class: 'active-actor', dataset: { slug: a.actor.slug ?? '', id: a.actor.id ?? '' },
    },
    el('button', { type: 'button', class: 'link', onclick: () => pick(a.actor) }, a.actor.name),
    el('span', { class: 'kind' }, a.actor.kind || ''),
    el('span', { class: 'count' }, plural(a.events, 'event')))));
  } catch (e) {
    if (seq === overviewSeq) setStatus(overviewStatus, e.message, 'error');
  }
}

let timelineSeq = 0;
async function loadTimeline(focusIds = []) {
  const seq = ++timelineSeq;
  detail.hidden = true;
  overviewBox.hidden = selected.length > 0;
  if (selected.length === 0) {
    view.clear();
    setStatus(timelineStatus, '');
    loadOverview();
    return;
  }
  const names = selected.map(a => a.name ?? a.slug).join(' and ');
  setStatus(timelineStatus, `Loading the timeline of ${names}…`);
  try {
    const data = await api.visTimeline(selected.map(a => a.slug ?? a.id));
    if (seq !== timelineSeq) return;
    const count = await view.show(data);
    const more = data.truncated ? ' (the first ones only; narrow the dates to see the rest)' : '';
    setStatus(timelineStatus, count === 0
      ? `No events yet for ${names}.`
      : `${count} event${count === 1 ? '' : 's'} for ${names}${more}. Click one to see its source.`);
    if (focusIds.length) view.select(focusIds);
  } catch (e) {
    if (seq === timelineSeq) setStatus(timelineStatus, e.message, 'error');
  }
}

// ------------------------------------------------------------------ event detail
const SHOWN_SOURCES = 3; // the rest folded: a much-reported event has dozens

async function showEvent(id) {
  detail.hidden = false;
  detail.replaceChildren(el('p', { class: 'status' }, 'Loading the event…'));
  try {
    const ev = await api.getEvent(id);
    detail.dataset.eventId = ev.id;
    detail.replaceChildren(...[
      el('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => { detail.hidden = true; } }, '×'),
      el('h3', { class: 'event-title' }, ev.title || '(untitled event)'),
      el('p', { class: 'event-meta' },
        el('span', { class: 'event-type' }, (ev.type || 'other').replaceAll('_', ' ')), ' · ',
        el('span', { class: 'event-date' }, describeDate(ev.date)),
        ev.endDate ? ` until ${describeDate(ev.endDate)}` : null,
        ev.place?.name ? ` · ${ev.place.name}` : null,
        ev.status ? el('span', { class: `event-status status-${ev.status}` }, ev.status) : null),
      el('h4', {}, 'Participants'),
      el('ul', { class: 'participants' }, (ev.participants || []).map(p => el('li', {},
        el('button', { type: 'button', class: 'link', title: 'Show this actor\'s timeline',
          onclick: () => { selected.splice(0, selected.length, p.actor); renderSelection(); loadTimeline([ev.id]); } },
          p.actor?.name ?? p.actor?.slug ?? '?'),
        p.role && p.role !== 'participant' ? ` (${p.role})` : null,
        p.actor?.kind ? el('span', { class: 'kind' }, p.actor.kind) : null))),
      el('h4', {}, 'Sources'),
      el('ul', { class: 'sources' }, (ev.sources || []).slice(0, SHOWN_SOURCES).map(sourceItem)),
      (ev.sources || []).length > SHOWN_SOURCES
        ? el('details', { class: 'more-sources' },
          el('summary', {}, `${ev.sources.length - SHOWN_SOURCES} more sources`),
          el('ul', { class: 'sources' }, ev.sources.slice(SHOWN_SOURCES).map(sourceItem)))
        : null,
    ].filter(Boolean));
    if (!(ev.sources || []).length) detail.querySelector('.sources').append(el('li', { class: 'empty' }, 'Entered by hand or imported: no quote.'));
  } catch (e) {
    detail.replaceChildren(el('p', { class: 'status', dataset: { kind: 'error' } }, e.message));
  }
}

function sourceItem(s) {
  const link = /^https?:\/\//.test(s.url || '')
    ? el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', class: 'source-link' }, new URL(s.url).hostname)
    : null;
  return el('li', {},
    s.quote ? el('blockquote', { class: 'quote' }, s.quote) : null,
    el('p', { class: 'source-ref' }, link ?? el('span', { class: 'source-link none' }, 'no URL'),
      s.articleId ? ` · article ${s.articleId.slice(0, 8)}` : null,
      Number.isInteger(s.start) ? ` · characters ${s.start}–${s.end}` : null));
}

// ------------------------------------------------------------------ article form, preview and store
const form = $('#article-form');
const storeButton = $('#store-button');
const articleStatus = $('#article-status');
const preview = $('#article-preview');
let previewed = null; // the payload the shown preview was made from

form.addEventListener('input', () => { storeButton.disabled = true; previewed = null; });
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const payload = articlePayload();
  setStatus(articleStatus, 'Extracting…');
  try {
    const { data } = await api.submitArticle(payload, { dryRun: true });
    renderExtraction(payload, data);
    previewed = payload;
    storeButton.disabled = false;
    setStatus(articleStatus, `Preview: ${count(data.events, 'event')}, ${count(data.actors, 'actor')}, `
      + `${count(data.timexes, 'date')} found. Nothing is stored yet.`);
  } catch (err) {
    setStatus(articleStatus, err.message, 'error');
  }
});

storeButton.addEventListener('click', async () => {
  if (!previewed) return;
  storeButton.disabled = true;
  setStatus(articleStatus, 'Storing…');
  try {
    const { status, data } = await api.submitArticle(previewed, { dryRun: false });
    renderExtraction(previewed, data);
    const events = data.events || [];
    setStatus(articleStatus, status === 201
      ? `Stored: ${count(events, 'event')} added to the timelines.`
      : `This article was already stored: ${count(events, 'event')}, nothing new.`, 'ok');
    const ids = events.map(ev => ev.id).filter(Boolean);
    if (selected.length === 0) {
      const first = events.flatMap(ev => ev.participants || []).map(p => p.actor).find(a => a && (a.slug || a.id));
      if (first) { selected.push(first); renderSelection(); }
    }
    await loadTimeline(ids);
    loadReview();
  } catch (err) {
    storeButton.disabled = false;
    setStatus(articleStatus, err.message, 'error');
  }
});

function count(list, noun) {
  return plural((list || []).length, noun);
}

function plural(n, noun) {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

function articlePayload() {
  const f = new FormData(form);
  const trimmed = (k) => (f.get(k) || '').toString().trim() || undefined;
  const payload = { title: trimmed('title'), publishedAt: trimmed('publishedAt'), source: trimmed('source') };
  payload[f.get('kind') === 'html' ? 'html' : 'body'] = f.get('text').toString();
  return payload;
}

/** The text the offsets point into: the body as sent, or the text the service found in the HTML. */
function analyzedText(payload, data) {
  if (payload.body != null) return payload.body;
  return data.text ?? data.article?.text ?? data.article?.body ?? null;
}

function renderExtraction(payload, data) {
  preview.hidden = false;
  const text = analyzedText(payload, data);
  const spans = [];
  (data.events || []).forEach((ev, index) => {
    const own = (ev.sources || []).filter(s => !data.article?.id || !s.articleId || s.articleId === data.article.id);
    for (const s of own) spans.push({ start: s.start, end: s.end, kind: 'event', index, label: `${ev.type}: ${ev.title}` });
  });
  (data.timexes || []).forEach((t, index) =>
    spans.push({ start: t.start, end: t.end, kind: 'timex', index, label: `${t.type} ${t.value}` }));
  (data.actors || []).forEach((a, index) => {
    const mentions = Array.isArray(a.mentions) && a.mentions.length
      ? a.mentions
      : (text ? findMentions(text, [a.name, ...(a.aliases || [])]) : []);
    for (const m of mentions) spans.push({ start: m.start, end: m.end, kind: 'actor', index, label: `${a.kind}: ${a.name}` });
  });

  const textBox = $('#preview-text');
  if (text == null) {
    textBox.replaceChildren(el('p', { class: 'empty' }, 'The service did not return the text it found in the HTML, so nothing can be highlighted.'));
  } else {
    const { segments, rejected } = segment(text, spans);
    renderSegments(textBox, segments);
    if (rejected.length) console.warn('spans outside the text', rejected);
  }

  $('#preview-events').replaceChildren(...(data.events || []).map((ev, i) => el('li', {
    class: 'preview-event', dataset: { index: i, eventId: ev.id ?? '' },
  },
  el('span', { class: 'event-date' }, describeDate(ev.date)), ' ',
  el('span', { class: 'event-type' }, (ev.type || 'other').replaceAll('_', ' ')), ' ',
  ev.id ? el('button', { type: 'button', class: 'link event-title', onclick: () => showEvent(ev.id) }, ev.title)
    : el('span', { class: 'event-title' }, ev.title),
  (ev.participants || []).length
    ? el('span', { class: 'participants' }, ` — ${ev.participants.map(p => p.actor?.name).filter(Boolean).join(', ')}`) : null)));
  $('#preview-actors').replaceChildren(...(data.actors || []).map(a => el('li', {
    class: 'preview-actor', dataset: { slug: a.slug ?? '', id: a.id ?? '', name: a.name ?? '' },
  },
    a.name, el('span', { class: 'kind' }, a.kind || ''))));
  $('#preview-timexes').replaceChildren(...(data.timexes || []).map(t => el('li', { class: 'preview-timex' },
    el('q', {}, t.text), ` ${t.type} `, el('code', {}, t.value))));
  $('#preview-warnings').replaceChildren(...(data.warnings || []).map(w => el('li', {}, typeof w === 'string' ? w : (w.message ?? JSON.stringify(w)))));
}

// ------------------------------------------------------------------ review: articles, decisions, merges
const reviewArticles = $('#review-articles');
const reviewArticle = $('#review-article');
const reviewEvents = $('#review-events');
const reviewStatus = $('#review-status');
const suggestions = $('#merge-suggestions');

async function loadReview() {
  try {
    const articles = await api.latestArticles(10);
    reviewArticles.replaceChildren(...articles.map(a => el('li', { class: 'review-article-item', dataset: { id: a.id } },
      el('button', { type: 'button', class: 'link', onclick: () => openArticle(a.id) }, a.title || '(untitled article)'),
      a.publishedAt ? el('span', { class: 'kind' }, a.publishedAt) : null)));
    if (articles.length === 0) reviewArticles.append(el('li', { class: 'empty' }, 'No article stored yet.'));
  } catch (e) {
    reviewArticles.replaceChildren(el('li', { class: 'error' }, e.message));
  }
  await loadSuggestions();
}

async function openArticle(id) {
  for (const li of reviewArticles.children) li.classList.toggle('selected', li.dataset.id === id);
  try {
    const data = await api.getArticle(id);
    reviewArticle.hidden = false;
    reviewArticle.dataset.articleId = id;
    $('#review-article-title').textContent = data.article?.title || '(untitled article)';
    const text = data.article?.text ?? '';
    const spans = [];
    (data.events || []).forEach((ev, index) => {
      for (const s of (ev.sources || []).filter(x => x.articleId === id && Number.isInteger(x.start))) {
        spans.push({ start: s.start, end: s.end, kind: 'event', index, label: `${ev.type}: ${ev.title}` });
      }
    });
    (data.timexes || []).forEach((t, index) => spans.push({ start: t.start, end: t.end, kind: 'timex', index, label: `${t.type} ${t.value}` }));
    (data.actors || []).forEach((a, index) => {
      for (const m of findMentions(text, [a.name, ...(a.aliases || [])])) {
        spans.push({ start: m.start, end: m.end, kind: 'actor', index, label: `${a.kind}: ${a.name}` });
      }
    });
    renderSegments($('#review-text'), segment(text, spans).segments);
    reviewEvents.replaceChildren(...(data.events || []).map(ev => reviewEvent(ev)));
    if (!(data.events || []).length) reviewEvents.append(el('li', { class: 'empty' }, 'No event was found in this article.'));
  } catch (e) {
    setStatus(reviewStatus, e.message, 'error');
  }
}

function reviewEvent(ev) {
  const status = el('span', { class: `event-status status-${ev.status}` }, ev.status || 'extracted');
  const decide = (decision) => async () => {
    try {
      const after = await api.decide(ev.id, decision);
      status.textContent = after.status;
      status.className = `event-status status-${after.status}`;
      setStatus(reviewStatus, `“${ev.title}” ${after.status}.`, 'ok');
      loadSuggestions();
    } catch (e) {
      setStatus(reviewStatus, e.message, 'error');
    }
  };
  return el('li', { class: 'review-event', dataset: { eventId: ev.id } },
    el('span', { class: 'event-date' }, describeDate(ev.date)), ' ',
    el('span', { class: 'event-type' }, (ev.type || 'other').replaceAll('_', ' ')), ' ',
    el('button', { type: 'button', class: 'link event-title', onclick: () => showEvent(ev.id) }, ev.title),
    ' ', status,
    el('span', { class: 'decision' },
      el('button', { type: 'button', class: 'confirm', onclick: decide('confirm') }, 'Confirm'),
      el('button', { type: 'button', class: 'reject', onclick: decide('reject') }, 'Reject')));
}

async function loadSuggestions() {
  try {
    const list = await api.mergeSuggestions(10);
    suggestions.replaceChildren(...list.map(s => el('li', { class: 'merge-suggestion', dataset: { event: s.event.id, into: s.into.id } },
      el('span', { class: 'event-title' }, s.event.title), ` (${describeDate(s.event.date)}) into `,
      el('span', { class: 'into-title' }, s.into.title), ` (${describeDate(s.into.date)})`,
      (s.sharedActors || []).length ? el('span', { class: 'shared' }, ` — both with ${s.sharedActors.map(a => a.name).join(', ')}`) : null,
      el('button', { type: 'button', class: 'merge', onclick: async () => {
        try {
          const kept = await api.mergeEvent(s.event.id, s.into.id);
          setStatus(reviewStatus, `Merged “${s.event.title}” into “${kept.title}”.`, 'ok');
          await loadSuggestions();
        } catch (e) {
          setStatus(reviewStatus, e.message, 'error');
        }
      } }, 'Merge'),
      el('button', { type: 'button', class: 'dismiss', title: 'Not the same happening: stop suggesting this pair', onclick: async () => {
        try {
          await api.dismissSuggestion(s.event.id, s.into.id);
          setStatus(reviewStatus, `“${s.event.title}” and “${s.into.title}” are kept apart.`, 'ok');
          await loadSuggestions();
        } catch (e) {
          setStatus(reviewStatus, e.message, 'error');
        }
      } }, 'Not the same'))));
    if (list.length === 0) suggestions.append(el('li', { class: 'empty' }, 'No merge to suggest.'));
  } catch (e) {
    suggestions.replaceChildren(el('li', { class: 'error' }, e.message));
  }
}

$('#review-refresh').addEventListener('click', loadReview);

loadOverview();
loadReview();
