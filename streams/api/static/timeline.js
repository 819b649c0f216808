// The entity timeline panel: a bar chart (SVG) of an entity's mentions per hour, day or week
// over a range the reader picks (7 days, 30 days, 90 days, 1 year or custom dates).
import { call } from "./api.js";
import { count } from "./words.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY_MS = 86400000;
const PRESETS = {
  "7d": "in the last 7 days",
  "30d": "in the last 30 days",
  "90d": "in the last 90 days",
  "365d": "in the last year",
};
const WIDER = { 30: "30 days", 90: "90 days", 365: "1 year" };
const $ = (id) => document.getElementById(id);

let range = { preset: "30d" }; // or { from: "2016-01-01", to: "2016-03-31" } (UTC, inclusive)
let shown = null; // the span (entity) on display
let asked = 0; // the latest request: older answers are dropped

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

export function drawTimeline(container, data) {
  container.replaceChildren();
  const buckets = data.buckets || [];
  const width = 320;
  const height = 140;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const step = buckets.length ? width / buckets.length : width;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height + 24}`,
    role: "img",
    class: "timeline-svg",
    "aria-label": count(data.total, "mention"),
  });
  buckets.forEach((bucket, i) => {
    const barHeight = Math.round((bucket.count / max) * height);
    const bar = svg("rect", {
      x: (i * step + 1).toFixed(1),
      y: height - barHeight,
      width: Math.max(1, step - 2).toFixed(1),
      height: barHeight,
      class: bucket.count ? "bar" : "bar empty",
      "data-count": bucket.count,
    });
    const tip = svg("title", {});
    tip.textContent = `${bucket.date.slice(0, 10)}: ${count(bucket.count, "post")}`;
    bar.append(tip);
    chart.append(bar);
  });
  chart.append(svg("line", { x1: 0, y1: height, x2: width, y2: height, class: "axis" }));
  if (buckets.length) {
    const first = svg("text", { x: 0, y: height + 16, class: "tick" });
    first.textContent = buckets[0].date.slice(0, 10);
    const last = svg("text", { x: width, y: height + 16, class: "tick", "text-anchor": "end" });
    last.textContent = buckets[buckets.length - 1].date.slice(0, 10);
    chart.append(first, last);
  }
  container.append(chart);
}

// --- the range ---------------------------------------------------------------------------
function dayAfter(date) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

// since/until for the API (until exclusive), the range's length and its name in a sentence.
function bounds() {
  if (range.preset) {
    const days = Number.parseInt(range.preset, 10);
    return { since: range.preset, until: null, days, label: PRESETS[range.preset] };
  }
  const until = dayAfter(range.to);
  const days = (Date.parse(until) - Date.parse(range.from)) / DAY_MS;
  return { since: range.from, until, days, label: `from ${range.from} to ${range.to}` };
}

function interval(days) {
  if (days <= 2) return ["1h", "hour"];
  return days <= 120 ? ["1d", "day"] : ["1w", "week"];
}

function pathFor(span, { since, until, days }) {
  const params = new URLSearchParams({ since });
  if (until) params.set("until", until);
  if (span.id) {
    params.set("interval", interval(days)[0]);
    return `/entities/${encodeURIComponent(span.id)}/timeline?${params}`;
  }
  params.set("mention", span.text);
  return `/board/timeline?${params}`;
}

function markRange() {
  for (const button of $("timeline-range").querySelectorAll("button")) {
    const on = range.preset ? button.dataset.range === range.preset : button.dataset.range === "custom";
    button.setAttribute("aria-pressed", String(on));
  }
  $("timeline-custom").hidden = Boolean(range.preset);
}

// --- the panel ---------------------------------------------------------------------------
function summary(text, total) {
  const node = $("timeline-summary");
  node.textContent = text;
  if (total === undefined) delete node.dataset.total;
  else node.dataset.total = String(total);
}

async function load() {
  const span = shown;
  if (!span) return;
  const panel = $("timeline");
  const ask = ++asked;
  const chosen = bounds();
  delete panel.dataset.ready;
  panel.dataset.empty = "false";
  summary("loading…");
  try {
    const data = await call("GET", pathFor(span, chosen));
    if (ask !== asked) return;
    data.buckets = data.buckets.map((b) => ({ date: b.start || b.date, count: b.count }));
    if (data.total === 0) {
      panel.dataset.empty = "true";
      const wider = Object.entries(WIDER)
        .filter(([days]) => Number(days) > chosen.days)
        .map(([, name]) => name);
      summary(`No posts ${chosen.label}: widen the range (${[...wider, "custom dates"].join(", ")}).`, 0);
    } else {
      const per = interval(chosen.days)[1];
      summary(`${count(data.total, "post")} ${chosen.label}, per ${per}`, data.total);
    }
    drawTimeline($("timeline-chart"), data);
    panel.dataset.ready = "true";
  } catch (error) {
    if (ask === asked) summary(error.message || String(error));
  }
}

export function openTimeline(span) {
  shown = span;
  const panel = $("timeline");
  $("timeline-title").textContent = span.id ? `${span.text} · ${span.id}` : span.text;
  $("timeline-chart").replaceChildren();
  panel.hidden = false;
  panel.dataset.key = span.id || span.text;
  markRange();
  return load();
}

$("timeline-range").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-range]");
  if (!button) return;
  if (button.dataset.range === "custom") {
    $("timeline-custom").hidden = false;
    const today = new Date().toISOString().slice(0, 10);
    if (!$("timeline-to").value) $("timeline-to").value = today;
    if (!$("timeline-from").value) {
      $("timeline-from").value = new Date(Date.now() - 90 * DAY_MS).toISOString().slice(0, 10);
    }
    $("timeline-from").focus();
    return;
  }
  range = { preset: button.dataset.range };
  markRange();
  load();
});

$("timeline-custom").addEventListener("submit", (event) => {
  event.preventDefault();
  const from = $("timeline-from").value;
  const to = $("timeline-to").value;
  if (!from || !to || from > to) {
    summary("Pick a start date on or before the end date.");
    return;
  }
  range = { from, to };
  markRange();
  load();
});

$("timeline-close").addEventListener("click", () => {
  $("timeline").hidden = true;
  shown = null;
  delete $("timeline").dataset.ready;
});
