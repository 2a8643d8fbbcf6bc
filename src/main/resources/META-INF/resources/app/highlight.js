// Highlights spans of a text. The API's offsets count Unicode code points (API.md), while JavaScript strings
// index UTF-16 units, so every cut is made on the array of code points, never with String.slice.

/** Maps each UTF-16 index of text (0..length) to its code point index. */
export function utf16ToCodePoints(text) {
  const table = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const c = text.charCodeAt(i);
    const pairStart = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length
      && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    if (!pairStart) cp++;
  }
  table[text.length] = cp;
  return table;
}

/** The text between code point offsets start (inclusive) and end (exclusive). */
export function codePointSlice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

/**
 * Cuts text into consecutive segments at every span boundary; each segment lists the spans covering it.
 * spans: [{start, end, ...}] in code points; spans out of range or empty are returned as rejected.
 */
export function segment(text, spans) {
  const cps = Array.from(text);
  const n = cps.length;
  const accepted = [];
  const rejected = [];
  for (const s of spans) {
    const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= n;
    (ok ? accepted : rejected).push(s);
  }
  const cuts = new Set([0, n]);
  for (const s of accepted) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const segments = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    segments.push({
      start, end,
      text: cps.slice(start, end).join(''),
      spans: accepted.filter(s => s.start <= start && s.end >= end),
    });
  }
  return { segments, rejected };
}

/**
 * Finds whole-word occurrences of any of the names in text, as code point spans. Used for actors when the
 * answer gives no mention offsets of its own.
 */
export function findMentions(text, names) {
  const table = utf16ToCodePoints(text);
  const spans = [];
  const wordChar = /[\p{L}\p{N}]/u;
  for (const name of new Set(names.filter(n => n && n.trim().length > 1))) {
    let from = 0;
    for (;;) {
      const i = text.indexOf(name, from);
      if (i < 0) break;
      const j = i + name.length;
      const before = i > 0 ? text[i - 1] : '';
      const after = j < text.length ? text[j] : '';
      if (!wordChar.test(before) && !wordChar.test(after)) spans.push({ start: table[i], end: table[j] });
      from = i + 1;
    }
  }
  return spans;
}

/** Renders segments into container: plain text, or a span carrying the classes and data of its spans. */
export function renderSegments(container, segments) {
  container.replaceChildren();
  for (const seg of segments) {
    if (seg.spans.length === 0) {
      container.append(document.createTextNode(seg.text));
      continue;
    }
    const el = document.createElement('span');
    el.textContent = seg.text;
    const titles = [];
    for (const s of seg.spans) {
      el.classList.add(`hl-${s.kind}`);
      el.dataset[s.kind] = el.dataset[s.kind] ? `${el.dataset[s.kind]} ${s.index}` : String(s.index);
      if (s.label) titles.push(s.label);
    }
    el.title = [...new Set(titles)].join('\n');
    container.append(el);
  }
}
