// The board: saved columns (server-side), newest posts first, live over server-sent events.
import { ApiError, call, readEvents, token } from "./api.js";
import { renderCard, sortKey } from "./cards.js";
import { startSources, stopSources } from "./sources.js";
import { openTimeline } from "./timeline.js";
import { count } from "./words.js";

const MAX_CARDS = 150;
const $ = (id) => document.getElementById(id);
const columns = new Map(); // column id -> { column, section, list }
let live = null; // AbortController of the running stream

const PLACEHOLDER = {
  keyword: "oracle AND cloud",
  company: "company:MSFT",
  person: "person:satya-nadella",
  ma: "optional query, e.g. chips",
  rule: "",
};

function setStatus(state, text, detail) {
  const badge = $("live-status");
  badge.dataset.state = state;
  badge.textContent = text || state;
  badge.title = detail || "";
}

// A message under the top bar (it never grows the bar): dismissed with ×, cleared by the
// next action that succeeds.
function showError(error) {
  if (error instanceof ApiError && error.unauthorized) {
    askToken("The token was refused: enter the API token again.");
    return;
  }
  const text = error.message || String(error);
  $("form-error-text").textContent = text;
  $("form-error").title = text;
  $("form-error").hidden = false;
}

function clearError() {
  $("form-error").hidden = true;
  $("form-error-text").textContent = "";
}

$("form-error-close").addEventListener("click", clearError);

// --- token ---------------------------------------------------------------------------
function askToken(message) {
  stopLive();
  stopSources();
  token.clear();
  $("token-error").textContent = message || "";
  const dialog = $("token-dialog");
  if (!dialog.open) dialog.showModal();
  $("token-input").focus();
}

$("token-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const value = $("token-input").value.trim();
  if (!value) return;
  token.set(value);
  $("token-input").value = "";
  $("token-dialog").close();
  start();
});

$("forget-token").addEventListener("click", () => askToken(""));

// --- columns ---------------------------------------------------------------------------
function insertCard(entry, post, fresh) {
  const { list } = entry;
  const old = list.querySelector(`[data-doc-id="${CSS.escape(post.doc_id)}"]`);
  const card = renderCard(post, openTimeline);
  if (old) {
    old.replaceWith(card);
    return;
  }
  const key = sortKey(post);
  let before = null;
  for (const other of list.children) {
    if ((other.dataset.sortKey || "") < key) {
      before = other;
      break;
    }
  }
  list.insertBefore(card, before);
  if (fresh) card.classList.add("fresh");
  while (list.children.length > MAX_CARDS) list.lastElementChild.remove();
  showCount(entry);
}

function showCount(entry) {
  const shown = entry.list.children.length;
  const node = entry.section.querySelector(".column-count");
  node.textContent = count(shown, "post");
  node.dataset.count = String(shown);
}

// A column's own problem, inside the column: dismissed with ×, replaced when it next loads.
function columnError(entry, message) {
  entry.error.hidden = !message;
  entry.error.querySelector(".column-error-text").textContent = message || "";
}

function moveColumn(id, delta) {
  const ids = [...columns.keys()];
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return;
  ids.splice(to, 0, ids.splice(from, 1)[0]);
  saveOrder(ids);
}

async function saveOrder(ids) {
  try {
    const saved = await call("PUT", "/board/columns/order", { ids });
    clearError();
    layout(saved.map((c) => c.id));
  } catch (error) {
    showError(error);
  }
}

function layout(ids) {
  const main = $("columns");
  const ordered = new Map();
  for (const id of ids) {
    const entry = columns.get(id);
    if (!entry) continue;
    ordered.set(id, entry);
    main.append(entry.section);
  }
  columns.clear();
  for (const [id, entry] of ordered) columns.set(id, entry);
  $("empty-board").hidden = columns.size > 0;
}

function columnSection(column) {
  const section = document.createElement("section");
  section.className = "column";
  section.dataset.columnId = column.id;
  section.dataset.kind = column.kind;
  section.dataset.hideNoise = String(Boolean(column.hide_noise));
  const head = document.createElement("header");
  head.className = "column-head";
  head.draggable = true;
  const title = document.createElement("h2");
  title.textContent = column.title;
  title.title = column.value ? `${column.kind}: ${column.value}` : column.kind;
  const kind = document.createElement("span");
  kind.className = "column-kind";
  kind.textContent = column.kind === "ma" ? "M&A" : column.kind;
  const counter = document.createElement("span");
  counter.className = "column-count";
  counter.textContent = "0 posts";
  const tools = document.createElement("span");
  tools.className = "column-tools";
  // Spam and chatter shown or hidden (company columns hide them unless told otherwise).
  const noise = document.createElement("button");
  noise.type = "button";
  noise.className = "column-noise";
  const paintNoise = (hidden) => {
    noise.setAttribute("aria-pressed", String(hidden));
    noise.textContent = hidden ? "news+" : "all";
    noise.title = hidden
      ? "Spam and chatter are hidden: click to show every post"
      : "Every post is shown: click to hide spam and chatter";
    noise.setAttribute("aria-label", `${noise.title}: ${column.title}`);
  };
  paintNoise(Boolean(column.hide_noise));
  noise.addEventListener("click", () => toggleNoise(column.id));
  tools.append(noise);
  for (const [label, name, css, action] of [
    ["◀", "Move left", "column-left", () => moveColumn(column.id, -1)],
    ["▶", "Move right", "column-right", () => moveColumn(column.id, 1)],
    ["×", "Remove column", "column-remove", () => removeColumn(column.id)],
  ]) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.title = name;
    button.setAttribute("aria-label", `${name}: ${column.title}`);
    button.className = css;
    button.addEventListener("click", action);
    tools.append(button);
  }
  head.append(kind, title, counter, tools);
  head.addEventListener("dragstart", (event) => {
    event.dataTransfer.setData("text/x-scout-column", column.id);
    event.dataTransfer.effectAllowed = "move";
  });
  section.addEventListener("dragover", (event) => {
    if (event.dataTransfer.types.includes("text/x-scout-column")) event.preventDefault();
  });
  section.addEventListener("drop", (event) => {
    event.preventDefault();
    const moved = event.dataTransfer.getData("text/x-scout-column");
    if (!moved || moved === column.id) return;
    const ids = [...columns.keys()].filter((id) => id !== moved);
    ids.splice(ids.indexOf(column.id), 0, moved);
    saveOrder(ids);
  });
  const list = document.createElement("div");
  list.className = "cards";
  const note = document.createElement("p");
  note.className = "column-note";
  const error = document.createElement("div");
  error.className = "column-error";
  error.setAttribute("role", "alert");
  error.hidden = true;
  const text = document.createElement("span");
  text.className = "column-error-text";
  const dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.className = "dismiss";
  dismiss.textContent = "×";
  dismiss.setAttribute("aria-label", `Dismiss the message: ${column.title}`);
  dismiss.addEventListener("click", () => {
    error.hidden = true;
  });
  error.append(text, dismiss);
  section.append(head, error, note, list);
  return { column, section, list, note, error, paintNoise };
}

async function toggleNoise(id) {
  const entry = columns.get(id);
  if (!entry) return;
  try {
    const saved = await call("PATCH", `/board/columns/${encodeURIComponent(id)}`, {
      hide_noise: !entry.column.hide_noise,
    });
    clearError();
    entry.column = saved;
    entry.paintNoise(Boolean(saved.hide_noise));
    entry.section.dataset.hideNoise = String(Boolean(saved.hide_noise));
    entry.list.replaceChildren();
    await loadColumn(entry);
  } catch (error) {
    showError(error);
  }
}

async function loadColumn(entry) {
  try {
    const page = await call("GET", `/board/columns/${encodeURIComponent(entry.column.id)}/posts`);
    columnError(entry, null);
    entry.note.textContent = page.note || "";
    for (const post of page.posts) insertCard(entry, post, false);
    showCount(entry);
    entry.section.dataset.loaded = "true";
  } catch (error) {
    if (error instanceof ApiError && error.unauthorized) showError(error);
    else columnError(entry, error.message || String(error));
  }
}

function mount(column) {
  const entry = columnSection(column);
  columns.set(column.id, entry);
  $("columns").append(entry.section);
  $("empty-board").hidden = true;
  return loadColumn(entry);
}

async function removeColumn(id) {
  try {
    await call("DELETE", `/board/columns/${encodeURIComponent(id)}`);
    clearError();
    columns.get(id)?.section.remove();
    columns.delete(id);
    $("empty-board").hidden = columns.size > 0;
  } catch (error) {
    showError(error);
  }
}

// --- add form ---------------------------------------------------------------------------
async function refreshRules() {
  const select = $("column-rule");
  select.replaceChildren();
  try {
    for (const rule of await call("GET", "/board/rules")) {
      const option = document.createElement("option");
      option.value = rule.id;
      option.textContent = rule.enabled ? rule.name : `${rule.name} (disabled)`;
      select.append(option);
    }
  } catch (error) {
    showError(error);
  }
}

function kindChanged() {
  const kind = $("column-kind").value;
  const rule = kind === "rule";
  $("column-rule").hidden = !rule;
  $("column-value").hidden = rule;
  $("column-value").placeholder = PLACEHOLDER[kind];
  if (rule) refreshRules();
}

$("column-kind").addEventListener("change", kindChanged);

$("add-column").addEventListener("submit", async (event) => {
  event.preventDefault();
  const kind = $("column-kind").value;
  const value = kind === "rule" ? $("column-rule").value : $("column-value").value.trim();
  const spec = { kind, value: value || null, title: $("column-title").value.trim() || null };
  try {
    const column = await call("POST", "/board/columns", spec);
    clearError();
    $("column-value").value = "";
    $("column-title").value = "";
    await mount(column);
  } catch (error) {
    showError(error);
  }
});

// --- live -------------------------------------------------------------------------------
function stopLive() {
  if (live) live.abort();
  live = null;
  setStatus("offline");
}

async function runLive() {
  stopLive();
  const controller = new AbortController();
  live = controller;
  let delay = 1000;
  while (!controller.signal.aborted) {
    setStatus("connecting");
    try {
      await readEvents(
        "/board/stream",
        (name, data) => {
          if (name === "ready") {
            setStatus("live");
            delay = 1000;
          } else if (name === "posts") {
            const entry = columns.get(data.column);
            if (entry) {
              columnError(entry, null);
              for (const post of data.posts) insertCard(entry, post, true);
            }
          } else if (name === "problem") {
            setStatus("degraded", `degraded: ${data.detail}`, data.detail);
          }
        },
        controller.signal,
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.unauthorized) {
        showError(error);
        return;
      }
    }
    if (controller.signal.aborted) return;
    setStatus("offline", "reconnecting…");
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 30000);
  }
}

// --- start ------------------------------------------------------------------------------
async function start() {
  if (!token.get()) {
    askToken("");
    return;
  }
  try {
    const saved = await call("GET", "/board/columns");
    for (const entry of columns.values()) entry.section.remove();
    columns.clear();
    $("empty-board").hidden = saved.length > 0;
    await Promise.all(saved.map(mount));
    document.body.dataset.ready = "true";
    runLive();
    startSources(showError);
  } catch (error) {
    showError(error);
  }
}

// A page kept in the back/forward cache must not hold a stream open; resume when shown.
window.addEventListener("pagehide", () => stopLive());
window.addEventListener("pageshow", (event) => {
  if (event.persisted && token.get()) runLive();
});

kindChanged();
start();
