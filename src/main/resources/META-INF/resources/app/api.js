// Calls to the service's own API (API.md). Errors come back as problem+json; they become ApiError.

const BASE = 'api/v1';
const KEY_STORAGE = 'timeline.apiKey';

export class ApiError extends Error {
  constructor(status, problem) {
    super(describeProblem(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function describeProblem(status, problem) {
  if (!problem || typeof problem !== 'object') return `The service answered ${status}.`;
  const parts = [problem.title || `Error ${status}`];
  if (problem.detail) parts.push(problem.detail);
  for (const e of problem.errors || []) parts.push(`${e.field}: ${e.message}`);
  return parts.join(' — ');
}

export function apiKey() {
  try { return localStorage.getItem(KEY_STORAGE) || ''; } catch { return ''; }
}

export function setApiKey(key) {
  try {
    if (key) localStorage.setItem(KEY_STORAGE, key); else localStorage.removeItem(KEY_STORAGE);
  } catch { /* private mode: the key then lasts for this page only */ }
}

async function request(method, path, { query, body } = {}) {
  const url = new URL(`${BASE}/${path}`, document.baseURI);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const key = apiKey();
  // reads too: with TIMELINE_API_READ_REQUIRES_KEY the service wants it on every call
  if (key) headers['X-API-Key'] = key;
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { title: 'The service cannot be reached', detail: String(e.message || e) });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { title: text.slice(0, 200) }; }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return { status: response.status, data };
}

const seg = encodeURIComponent;

/** Actors whose name or alias matches q: a page {items, next}. */
export async function searchActors(q, limit = 20) {
  const { data } = await request('GET', 'actors', { query: { q, limit } });
  return Array.isArray(data) ? data : (data?.items || []);
}

/**
 * A timeline in vis-timeline form: {items, groups, next}. One actor, or the relationship of two.
 * Follows the cursor up to maxItems so a long history does not freeze the page.
 */
export async function visTimeline(actors, { from, to, type, maxItems = 2000 } = {}) {
  const path = actors.length === 2
    ? `relationships/${seg(actors[0])}/${seg(actors[1])}/timeline`
    : `actors/${seg(actors[0])}/timeline`;
  const items = [];
  const groups = new Map();
  let cursor;
  let more = false;
  do {
    const { data } = await request('GET', path, { query: { format: 'vis', from, to, type, cursor, limit: 1000 } });
    const page = Array.isArray(data) ? { items: data } : (data || {});
    items.push(...(page.items || []));
    for (const g of page.groups || []) groups.set(g.id, g);
    cursor = page.next || null;
    more = Boolean(cursor) && items.length < maxItems;
  } while (more);
  return { items, groups: [...groups.values()], truncated: Boolean(cursor) };
}

export async function getEvent(id) {
  const { data } = await request('GET', `events/${seg(id)}`);
  return data;
}

/** Submits an article; dryRun previews the extraction and stores nothing. */
export async function submitArticle(article, { dryRun }) {
  return request('POST', 'articles', { query: { dryRun: dryRun ? 'true' : undefined }, body: article });
}

/** Counts, latest events and most active actors: what the page shows before any search. */
export async function overview(limit = 10) {
  const { data } = await request('GET', 'overview', { query: { limit } });
  return data;
}

/** The latest stored articles, newest first: a page {items, next}. */
export async function latestArticles(limit = 10) {
  const { data } = await request('GET', 'articles', { query: { limit } });
  return data?.items || [];
}

/** A stored article with its facts, its review status and its text (the offsets count in it). */
export async function getArticle(id) {
  const { data } = await request('GET', `articles/${seg(id)}`);
  return data;
}

/** Confirms or rejects an event ('confirm' or 'reject'); answers the event. */
export async function decide(id, decision, reason) {
  const { data } = await request('POST', `events/${seg(id)}/${decision}`, { body: reason ? { reason } : {} });
  return data;
}

/** Pairs of events that may be one happening: [{event, into, sharedActors}]. */
export async function mergeSuggestions(limit = 10) {
  const { data } = await request('GET', 'review/merge-suggestions', { query: { limit } });
  return data || [];
}

/** Merges event id into event into; answers the event that stays. */
export async function mergeEvent(id, into) {
  const { data } = await request('POST', `events/${seg(id)}/merge`, { body: { into } });
  return data;
}

/** Dismisses a merge suggestion: the two events are not one happening. Answers the dismissal {id, events, reason, by}. */
export async function dismissSuggestion(event, other, reason) {
  const { data } = await request('POST', 'review/merge-suggestions/dismissals', { body: reason ? { event, other, reason } : { event, other } });
  return data;
}
