// A post as a card: author and influence, the text with its entities highlighted, signals.
// Post text is only ever set with textContent (never innerHTML).

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

export function sortKey(post) {
  return post.created_at || post.indexed_at || "";
}

function when(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function header(post) {
  const head = el("header", "card-head");
  const author = post.author || {};
  head.append(el("strong", "author-name", author.name || author.handle || post.source || "unknown"));
  if (author.handle) head.append(el("span", "author-handle", `@${author.handle}`));
  if (typeof post.influence === "number") {
    const badge = el("span", "influence", `influence ${Math.round(post.influence)}`);
    badge.title = "Author influence for this post (0-100: reach, authority, engagement)";
    badge.dataset.influence = String(post.influence);
    head.append(badge);
  }
  const category = post.category;
  if (category && category.label) {
    const tag = el("span", `category category-${category.label}`, category.label);
    tag.title = `Category ${category.label} (confidence ${Number(category.score).toFixed(2)},`
      + ` event signal ${Number(category.signal).toFixed(2)})`;
    tag.dataset.category = category.label;
    head.append(tag);
  }
  const time = el("time", "card-time", when(post.created_at || post.indexed_at));
  if (post.created_at) time.dateTime = post.created_at;
  head.append(time);
  return head;
}

// Spans carry UTF-16 offsets (the server converts spaCy's code-point offsets).
function body(post, onEntity) {
  const text = el("p", "card-text");
  let at = 0;
  for (const span of post.spans || []) {
    if (span.start < at || span.end > post.text.length) continue;
    text.append(document.createTextNode(post.text.slice(at, span.start)));
    const entity = el("button", `entity entity-${String(span.label || "misc").toLowerCase()}`);
    entity.type = "button";
    entity.textContent = post.text.slice(span.start, span.end);
    entity.dataset.label = span.label || "";
    if (span.id) entity.dataset.entityId = span.id;
    entity.title = span.id ? `${span.label} · ${span.id} · timeline` : `${span.label} · timeline`;
    entity.addEventListener("click", () => onEntity(span));
    text.append(entity);
    at = span.end;
  }
  text.append(document.createTextNode(post.text.slice(at)));
  return text;
}

// A move as the digest says it (streams/alerts/reports/digest.py move_summary).
function moveText(move) {
  const org = move.organisation || "someone";
  const role = move.role || "";
  switch (move.direction) {
    case "hiring":
      return `${org} hiring${role ? ` ${role}` : ""}`;
    case "layoffs":
      return `${org} cutting jobs`;
    case "reshuffle":
      return `${org} reshuffling management`;
    case "succession":
      return `${org} choosing a ${role || "new leader"}`;
    case "promoted":
      return `${move.person || "someone"} promoted${role ? ` to ${role}` : ""}${
        move.organisation ? ` at ${move.organisation}` : ""
      }`;
    default: {
      const where = move.organisation ? ` ${move.organisation}` : "";
      return `${move.person || "someone"} ${move.direction}${where}${role ? ` as ${role}` : ""}`;
    }
  }
}

function chip(kind, label, detail) {
  const node = el("span", `signal signal-${kind}`);
  node.dataset.signal = kind;
  node.append(el("b", null, label));
  if (detail) node.append(document.createTextNode(` ${detail}`));
  return node;
}

function party(p) {
  return p ? p.name || p.id || "?" : "?";
}

function signals(post) {
  const row = el("div", "signals");
  const ma = post.ma;
  if (ma) {
    const parts = [`${party(ma.acquirer)} → ${party(ma.target)}`];
    if (ma.amount) parts.push(ma.amount);
    if (ma.status) parts.push(ma.status.replace("_", " "));
    row.append(chip("ma", "M&A", parts.join(" · ")));
  }
  for (const move of post.moves || []) {
    row.append(chip("move", "Move", moveText(move)));
  }
  for (const rival of post.competitors || []) {
    const mood = rival.sentiment ? ` (${rival.sentiment.label})` : "";
    row.append(chip("competitor", "Competitor", `${rival.name}${mood}`));
  }
  if (post.sentiment) {
    const s = post.sentiment;
    const node = chip("sentiment", "Sentiment", `${s.label} ${Number(s.score).toFixed(2)}`);
    node.classList.add(`sentiment-${s.label}`);
    row.append(node);
  }
  return row;
}

export function renderCard(post, onEntity) {
  const card = el("article", "card");
  card.dataset.docId = post.doc_id;
  card.dataset.postId = post.post_id;
  card.dataset.sortKey = sortKey(post);
  card.append(header(post), body(post, onEntity), signals(post));
  const url = post.url && safeUrl(post.url);
  if (url) {
    const link = el("a", "card-link", "open post");
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    card.append(link);
  }
  return card;
}
