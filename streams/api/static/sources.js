// The source-status strip: one chip per configured live source (GET /sources), refreshed
// every 15 s. Hidden while no source is configured (or the sources file is missing).
import { ApiError, call } from "./api.js";
import { count } from "./words.js";

export const REFRESH_MS = 15000;

let timer = null;
let onUnauthorized = () => {};

// "42 s", "3 min", "2 h", "5 d": compact ages for a one-line strip.
export function age(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return null;
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

function secondsSince(iso) {
  if (!iso) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : (Date.now() - at) / 1000;
}

function part(css, text) {
  const span = document.createElement("span");
  span.className = css;
  span.textContent = text;
  return span;
}

// A row of GET /sources -> its chip. Text only through textContent.
export function renderSource(row) {
  const status = row.status || {};
  // No saved status: configured, but no listener has run it yet.
  const state = row.valid === false ? "invalid" : row.status ? status.state : "idle";
  const chip = document.createElement("span");
  chip.className = "source";
  chip.dataset.name = row.name;
  chip.dataset.state = state;
  chip.append(part("source-name", row.name));
  chip.append(part("source-kind", row.kind || "?"));
  chip.append(part("source-state", state === "idle" ? "not started" : state));
  const hover = [row.target ? `${row.name} (${row.kind}): ${row.target}` : row.name];
  if (row.valid === false) {
    const error = row.error || {};
    hover.push(`left out: ${error.message || "invalid"}${error.code ? ` [${error.code}]` : ""}`);
  } else {
    chip.dataset.published = String(status.published || 0);
    chip.append(part("source-published", `${status.published || 0} published`));
    if (status.dropped) chip.append(part("source-dropped", `${status.dropped} dropped`));
    if (status.errors) chip.append(part("source-errors", count(status.errors, "error")));
    const ok = age(secondsSince(status.last_success));
    chip.append(part("source-success", ok ? `last ok ${ok} ago` : "never ok"));
    const cursor = age(row.cursor_age_s);
    if (cursor) chip.append(part("source-cursor", `cursor ${cursor}`));
    if (status.last_error) {
      const when = age(secondsSince(status.last_error_at));
      hover.push(`last error${when ? ` (${when} ago)` : ""}: ${status.last_error}`);
    }
    if (state === "idle") hover.push("no status saved yet: is `scout listen` running?");
  }
  chip.title = hover.join("\n");
  return chip;
}

export async function refreshSources() {
  const strip = document.getElementById("sources-strip");
  let body;
  try {
    body = await call("GET", "/sources");
  } catch (error) {
    if (error instanceof ApiError && error.unauthorized) {
      onUnauthorized(error);
      return;
    }
    // Kafka unreachable, say: keep the last chips, say they are stale.
    strip.dataset.stale = "true";
    strip.title = `sources status not refreshed: ${error.message || error}`;
    strip.dataset.loaded = "true";
    return;
  }
  const rows = (body.sources || []).filter((row) => row.configured !== false);
  const chips = rows.map(renderSource);
  const label = part("sources-label", "Sources");
  strip.replaceChildren(label, ...chips);
  strip.hidden = rows.length === 0;
  delete strip.dataset.stale;
  strip.title = body.file_error ? body.file_error.message : "";
  strip.dataset.count = String(rows.length);
  strip.dataset.loaded = "true";
}

export function startSources(unauthorized) {
  onUnauthorized = unauthorized || (() => {});
  stopSources();
  const tick = async () => {
    await refreshSources();
    if (timer !== null) timer = setTimeout(tick, REFRESH_MS);
  };
  timer = setTimeout(tick, 0);
}

export function stopSources() {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}
