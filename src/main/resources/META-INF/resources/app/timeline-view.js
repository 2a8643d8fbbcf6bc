// Draws a vis-timeline from the service's format=vis answer. The widget is loaded lazily so the rest of the
// page still works when the build skipped the front-end step (-Dwebui.skip).

const WIDGET = '../vendor/vis-timeline/standalone/esm/vis-timeline-graph2d.min.js';

let widget;
async function loadWidget() {
  widget ??= import(WIDGET).catch((e) => {
    widget = undefined;
    throw new Error(`The timeline widget did not load (${WIDGET.slice(3)}): was the page built with -Dwebui.skip? ${e.message}`);
  });
  return widget;
}

/**
 * Keeps what the service sends and only repairs what vis-timeline would otherwise drop or misdraw:
 * a 'range' without an end becomes a point, and an item's group must exist.
 */
export function toVisItems(rawItems, rawGroups) {
  const groups = new Map((rawGroups || []).map(g => [g.id, g]));
  const items = [];
  const seen = new Set();
  for (const raw of rawItems || []) {
    if (raw == null || raw.id == null || raw.start == null || seen.has(raw.id)) continue;
    seen.add(raw.id);
    const item = { ...raw };
    item.type = item.end != null && item.type !== 'point' ? (item.type || 'range') : 'point';
    if (item.type === 'point') delete item.end;
    item.className = [raw.className, `tl-${item.type}`].filter(Boolean).join(' ');
    if (item.content == null || item.content === '') item.content = item.title || String(item.id);
    if (groups.size === 0) {
      delete item.group;
    } else if (item.group != null && !groups.has(item.group)) {
      groups.set(item.group, { id: item.group, content: String(item.group) });
    } else if (item.group == null) {
      groups.set('_other', { id: '_other', content: 'other' });
      item.group = '_other';
    }
    items.push(item);
  }
  return { items, groups: [...groups.values()] };
}

/**
 * Like the widget's fit(), but with room on the right for the label of the last point, which fit() would cut off
 * because it measures labels before they are drawn. width: the container's width in pixels.
 */
function windowOf(items, width) {
  if (items.length === 0) return null;
  const time = (v) => new Date(v).getTime();
  const min = Math.min(...items.map(i => time(i.start)));
  const max = Math.max(...items.map(i => time(i.end ?? i.start)));
  const span = Math.max(max - min, 7 * 86_400_000);
  const label = 300; // pixels kept free right of the last date
  const margin = 30;
  const usable = Math.max(200, (width || 1000) - 160 - label - margin); // 160: the group names column
  const msPerPx = span / usable;
  return { start: new Date(min - margin * msPerPx), end: new Date(max + label * msPerPx) };
}

export class TimelineView {
  constructor(container, { onSelect }) {
    this.container = container;
    this.onSelect = onSelect;
    this.timeline = null;
  }

  async show(raw) {
    const vis = await loadWidget();
    const { items, groups } = toVisItems(raw.items, raw.groups);
    const itemSet = new vis.DataSet(items);
    const groupSet = groups.length > 0 ? new vis.DataSet(groups) : null;
    const options = {
      stack: true,
      orientation: 'top',
      showCurrentTime: false,
      zoomKey: 'ctrlKey',
      maxHeight: 520,
      margin: { item: { horizontal: 4, vertical: 6 } },
      tooltip: { followMouse: true, overflowMethod: 'cap' },
      // an explicit window, else the widget's own first fit() replaces ours after the first draw
      ...(windowOf(items, this.container.clientWidth) ?? {}),
    };
    // A new widget per timeline: swapping groups and items in a drawn one left items out of step with the axis.
    this.timeline?.destroy();
    this.timeline = groupSet
      ? new vis.Timeline(this.container, itemSet, groupSet, options)
      : new vis.Timeline(this.container, itemSet, options);
    this.timeline.on('select', ({ items: selected }) => {
      if (selected && selected.length > 0) this.onSelect(this.eventIdOf(selected[0]));
    });
    this.items = itemSet;
    this.container.dataset.items = String(items.length);
    return items.length;
  }

  /** The event behind an item: its id, unless the service gave a separate eventId. */
  eventIdOf(itemId) {
    const item = this.items?.get(itemId);
    return item?.eventId ?? itemId;
  }

  select(ids) {
    if (!this.timeline || !this.items) return;
    this.timeline.setSelection(ids.filter(id => this.items.get(id)));
  }

  clear() {
    this.timeline?.destroy();
    this.timeline = null;
    this.items = null;
    this.container.dataset.items = '0';
  }
}
