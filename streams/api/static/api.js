// The scout's API as the board uses it: the bearer token, JSON calls, the live stream.
// The token lives in localStorage and travels only in the Authorization header.

const TOKEN_KEY = "scout.board.token";

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
  get unauthorized() {
    return this.status === 401 || this.status === 403;
  }
}

export const token = {
  get: () => window.localStorage.getItem(TOKEN_KEY),
  set: (value) => window.localStorage.setItem(TOKEN_KEY, value),
  clear: () => window.localStorage.removeItem(TOKEN_KEY),
};

async function failure(response) {
  let detail = "";
  try {
    const body = await response.json();
    detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
  } catch {
    detail = response.statusText;
  }
  return new ApiError(response.status, detail);
}

export async function call(method, path, body) {
  const headers = { Authorization: `Bearer ${token.get() || ""}`, Accept: "application/json" };
  const init = { method, headers, cache: "no-store" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json();
}

// Server-sent events read with fetch (EventSource cannot send an Authorization header).
// Calls onEvent(name, data) for each event; returns when the stream ends or is aborted.
export async function readEvents(path, onEvent, signal) {
  const response = await fetch(path, {
    headers: { Authorization: `Bearer ${token.get() || ""}`, Accept: "text/event-stream" },
    cache: "no-store",
    signal,
  });
  if (!response.ok) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replaceAll("\r\n", "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (!line || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? "" : line.slice(colon + 1);
        if (text.startsWith(" ")) text = text.slice(1);
        if (field === "event") name = text;
        else if (field === "data") data.push(text);
      }
      if (data.length) onEvent(name, JSON.parse(data.join("\n")));
    }
  }
}
